package dev.samovar.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the weights of a manifest out of its shards: each weight's bytes are sliced out of the
 * shard(s) that hold them (a weight may span shards), so no buffer larger than one weight is ever
 * made. {@link #validate()} checks, before anything is read, that every shard exists and that the
 * shard sizes add up to the bytes the shapes and dtypes declare.
 */
public final class WeightsReader {
    private final List<WeightGroup> manifest;
    private final ShardSource source;
    private final String fileName;
    private boolean validated;
    private long[][] shardLengths;

    /** Receives each weight with its stored bytes (still quantized when the spec says so). */
    public interface WeightConsumer {
        void accept(WeightSpec spec, byte[] stored);
    }

    /** @param fileName the model.json's name, for errors */
    public WeightsReader(List<WeightGroup> manifest, ShardSource source, String fileName) {
        this.manifest = manifest;
        this.source = source;
        this.fileName = fileName;
    }

    /** Checks shard presence and sizes; throws {@link ModelFormatException} naming the group and shard. */
    public void validate() {
        shardLengths = new long[manifest.size()][];
        for (int g = 0; g < manifest.size(); g++) {
            WeightGroup group = manifest.get(g);
            String where = fileName + ": weightsManifest[" + g + "]";
            long[] lengths = new long[group.paths.size()];
            long held = 0;
            for (int i = 0; i < lengths.length; i++) {
                String path = group.paths.get(i);
                WeightGroup.checkRelativePath(path, where + ".paths[" + i + "]");
                lengths[i] = source.length(path);
                if (lengths[i] < 0) {
                    throw new ModelFormatException(where + ".paths[" + i + "]: the shard file '" + path + "' is missing");
                }
                held += lengths[i];
            }
            shardLengths[g] = lengths;
            long declared = group.byteLength();
            if (declared >= 0 && declared != held) {
                StringBuilder sizes = new StringBuilder();
                for (int i = 0; i < lengths.length && i < 4; i++) {
                    sizes.append(i == 0 ? "" : ", ").append(group.paths.get(i)).append(": ").append(lengths[i]);
                }
                if (lengths.length > 4) {
                    sizes.append(", ...");
                }
                throw new ModelFormatException(where + ": the weights' shapes and dtypes declare " + declared
                        + " bytes but the shards hold " + held + " bytes (" + sizes + ")"
                        + (declared > held ? ": a shard is truncated or missing from paths"
                                : ": a shape or dtype is wrong, or a shard is too long"));
            }
        }
        validated = true;
    }

    /** Every weight of every group, in manifest order. */
    public void forEach(WeightConsumer consumer) {
        if (!validated) {
            validate();
        }
        for (int g = 0; g < manifest.size(); g++) {
            WeightGroup group = manifest.get(g);
            long offset = 0;
            for (WeightSpec spec : group.weights) {
                long len = spec.byteLength();
                if (len < 0) {
                    len = stringByteLength(g, offset, spec);
                }
                byte[] stored = new byte[(int) len];
                readRange(g, offset, stored, 0, (int) len);
                offset += len;
                consumer.accept(spec, stored);
            }
        }
    }

    /**
     * The stored bytes of one weight, read on its own (random access, for readers that hand weights
     * over lazily). The group must hold no string weights before it.
     */
    public byte[] readStored(int group, int index) {
        if (!validated) {
            validate();
        }
        WeightGroup g = manifest.get(group);
        long offset = 0;
        for (int i = 0; i < index; i++) {
            long len = g.weights.get(i).byteLength();
            if (len < 0) {
                len = stringByteLength(group, offset, g.weights.get(i));
            }
            offset += len;
        }
        WeightSpec spec = g.weights.get(index);
        long len = spec.byteLength();
        if (len < 0) {
            len = stringByteLength(group, offset, spec);
        }
        byte[] stored = new byte[(int) len];
        readRange(group, offset, stored, 0, (int) len);
        return stored;
    }

    /** All weights decoded to float32 / int32 / bool values, by name (small models and tests). */
    public List<Object[]> readAll() {
        List<Object[]> out = new ArrayList<>();
        forEach((spec, stored) -> out.add(new Object[] {spec, decode(spec, stored)}));
        return out;
    }

    private long stringByteLength(int g, long start, WeightSpec spec) {
        long n = spec.size();
        long pos = start;
        byte[] len = new byte[4];
        for (long i = 0; i < n; i++) {
            readRange(g, pos, len, 0, 4);
            pos += 4 + (LittleEndian.getInt(len, 0) & 0xffffffffL);
        }
        return pos - start;
    }

    private void readRange(int g, long position, byte[] dst, int off, int len) {
        WeightGroup group = manifest.get(g);
        long[] lengths = shardLengths[g];
        long shardStart = 0;
        int done = 0;
        for (int i = 0; i < lengths.length && done < len; i++) {
            long shardEnd = shardStart + lengths[i];
            long from = position + done;
            if (from < shardEnd) {
                long inShard = from - shardStart;
                int n = (int) Math.min(len - done, lengths[i] - inShard);
                source.read(group.paths.get(i), inShard, dst, off + done, n);
                done += n;
            }
            shardStart = shardEnd;
        }
        if (done < len) {
            throw new ModelFormatException(fileName + ": weightsManifest[" + g + "]: the shards end at byte " + shardStart
                    + " but a weight needs bytes up to " + (position + len));
        }
    }

    /**
     * The values of a weight from its stored bytes: {@code float[]} for float32 (dequantized as TF.js
     * does), {@code int[]} for int32 and bool (0/1), {@code String[]} for string.
     */
    public static Object decode(WeightSpec spec, byte[] stored) {
        return decode(spec, stored, 0);
    }

    /** {@link #decode(WeightSpec, byte[])} of the weight stored from {@code offset} of {@code src} (read in place). */
    public static Object decode(WeightSpec spec, byte[] src, int offset) {
        int n = (int) spec.size();
        if (spec.quantization != null) {
            return spec.dtype.equals("int32") ? spec.quantization.dequantizeInt(src, offset, n)
                    : spec.quantization.dequantizeFloat(src, offset, n);
        }
        switch (spec.dtype) {
            case "float32":
                return LittleEndian.toFloats(src, offset, n);
            case "int32":
                return LittleEndian.toInts(src, offset, n);
            case "bool": {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = src[offset + i] != 0 ? 1 : 0;
                }
                return out;
            }
            case "string": {
                byte[] stored = src;
                String[] out = new String[n];
                int p = offset;
                for (int i = 0; i < n; i++) {
                    int len = LittleEndian.getInt(stored, p);
                    out[i] = Utf8.decode(stored, p + 4, len);
                    p += 4 + len;
                }
                return out;
            }
            default:
                throw new ModelFormatException("weight '" + spec.name + "': cannot decode dtype " + spec.dtype);
        }
    }

    /** Float32 values of a float32 weight (dequantized if stored quantized). */
    public static float[] decodeFloat32(WeightSpec spec, byte[] stored) {
        if (!spec.dtype.equals("float32")) {
            throw new ModelFormatException("weight '" + spec.name + "' is " + spec.dtype + ", not float32");
        }
        return (float[]) decode(spec, stored);
    }
}
