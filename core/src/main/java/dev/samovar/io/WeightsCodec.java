package dev.samovar.io;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's {@code tf.io.decodeWeights} / {@code encodeWeights}: tensors from weight bytes laid end to
 * end over one or several buffers (TF.js's {@code WeightData}: an ArrayBuffer or a list of them,
 * e.g. the shards as fetched), and the bytes of tensors. Each weight's bytes are sliced out of the
 * buffer(s) that hold them; no buffer larger than one weight is made. Quantized weights (uint8,
 * uint16, float16) are dequantized as TF.js does. Errors name {@code where} (the file) and the weight.
 */
public final class WeightsCodec {
    private WeightsCodec() {
    }

    /** Buffers read as one byte sequence (TF.js's CompositeArrayBuffer), without joining them. */
    public static final class Buffers {
        private final List<byte[]> parts;
        private final long[] starts;
        private final long total;

        public Buffers(List<byte[]> parts) {
            this.parts = new ArrayList<>(parts);
            starts = new long[this.parts.size() + 1];
            long t = 0;
            for (int i = 0; i < this.parts.size(); i++) {
                starts[i] = t;
                t += this.parts.get(i).length;
            }
            starts[this.parts.size()] = t;
            total = t;
        }

        public long length() {
            return total;
        }

        /** The index of the buffer that holds bytes {@code position} to {@code position + len} whole, or -1. */
        int partHolding(long position, long len) {
            if (len <= 0) {
                return -1;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (position >= starts[i] && position + len <= starts[i + 1]) {
                    return i;
                }
            }
            return -1;
        }

        /** Copies {@code len} bytes starting at {@code position} into {@code dst}. */
        public void read(long position, byte[] dst, int off, int len) {
            int done = 0;
            for (int i = 0; i < parts.size() && done < len; i++) {
                long from = position + done;
                if (from < starts[i + 1] && from >= starts[i]) {
                    int inPart = (int) (from - starts[i]);
                    int n = (int) Math.min(len - done, parts.get(i).length - inPart);
                    System.arraycopy(parts.get(i), inPart, dst, off + done, n);
                    done += n;
                }
            }
            if (done < len) {
                throw new IllegalStateException("read past the end of the weight data");
            }
        }
    }

    /** The stored byte length of one weight at {@code offset} (strings need their length prefixes). */
    static long byteLength(WeightSpec spec, Buffers data, long offset) {
        long len = spec.byteLength();
        if (len >= 0) {
            return len;
        }
        long n = spec.size();
        long pos = offset;
        byte[] four = new byte[4];
        for (long i = 0; i < n; i++) {
            if (pos + 4 > data.length()) {
                return -1;
            }
            data.read(pos, four, 0, 4);
            pos += 4 + (LittleEndian.getInt(four, 0) & 0xffffffffL);
        }
        return pos - offset;
    }

    /**
     * Decodes every spec, in order, from {@code data}. With {@code exact} the data must hold exactly
     * the bytes the specs declare (loading a model); otherwise extra bytes after the last weight are
     * ignored, as TF.js's decodeWeights ignores them. On any error the tensors already made are
     * disposed and nothing is returned.
     */
    public static Map<String, Tensor> decode(List<WeightSpec> specs, Buffers data, boolean exact, String where) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        boolean ok = false;
        try {
            long offset = 0;
            for (int i = 0; i < specs.size(); i++) {
                WeightSpec spec = specs.get(i);
                long len = checkedByteLength(specs, i, data, offset, where);
                int part = data.partHolding(offset, len);
                Tensor t;
                if (part >= 0) {
                    // The usual case: the weight lies in one buffer and is decoded where it is.
                    t = toTensor(spec, data.parts.get(part), (int) (offset - data.starts[part]), where);
                } else {
                    byte[] stored = new byte[(int) len];
                    data.read(offset, stored, 0, (int) len);
                    t = toTensor(spec, stored, where);
                }
                offset += len;
                Tensor before = out.put(spec.name, t);
                if (before != null) {
                    before.dispose();
                }
            }
            if (exact && offset != data.length()) {
                throw tooLong(offset, data, where);
            }
            ok = true;
            return out;
        } finally {
            if (!ok) {
                for (Tensor t : out.values()) {
                    t.dispose();
                }
            }
        }
    }

    /**
     * Checks, before anything is decoded, that {@code data} holds exactly the bytes {@code specs}
     * declare; throws {@link ModelFormatException} with {@link #decode}'s messages.
     */
    public static void checkLength(List<WeightSpec> specs, Buffers data, String where) {
        long offset = 0;
        for (int i = 0; i < specs.size(); i++) {
            offset += checkedByteLength(specs, i, data, offset, where);
        }
        if (offset != data.length()) {
            throw tooLong(offset, data, where);
        }
    }

    private static long checkedByteLength(List<WeightSpec> specs, int i, Buffers data, long offset, String where) {
        WeightSpec spec = specs.get(i);
        long len = byteLength(spec, data, offset);
        if (len < 0 || offset + len > data.length()) {
            throw new ModelFormatException(where + ": weight '" + spec.name + "' (weightSpecs[" + i + "], "
                    + WeightSpec.shapeString(spec.shape()) + " " + spec.dtype
                    + (spec.quantization != null ? " stored as " + spec.quantization.dtype : "")
                    + ") needs bytes " + offset + " to " + (len < 0 ? "?" : String.valueOf(offset + len))
                    + " but the weight data holds " + data.length() + " bytes: a shard is truncated or missing");
        }
        if (len > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(where + ": weight '" + spec.name + "' needs " + len
                    + " bytes, more than one weight can hold");
        }
        return len;
    }

    private static ModelFormatException tooLong(long declared, Buffers data, String where) {
        return new ModelFormatException(where + ": the weights' shapes and dtypes declare " + declared
                + " bytes but the weight data holds " + data.length()
                + " bytes: a shape or dtype is wrong, or a shard is too long");
    }

    /** One weight's tensor from its stored bytes (dequantized). */
    public static Tensor toTensor(WeightSpec spec, byte[] stored, String where) {
        return toTensor(spec, stored, 0, where);
    }

    /** One weight's tensor from its bytes stored from {@code offset} of {@code src} (read in place, dequantized). */
    public static Tensor toTensor(WeightSpec spec, byte[] src, int offset, String where) {
        int[] shape = spec.shape();
        switch (spec.dtype) {
            case "float32":
                return Engine.get().makeTensor(WeightsReader.decode(spec, src, offset), shape, DType.FLOAT32);
            case "int32":
                return Engine.get().makeTensor(WeightsReader.decode(spec, src, offset), shape, DType.INT32);
            case "bool":
                return Engine.get().makeTensor(WeightsReader.decode(spec, src, offset), shape, DType.BOOL);
            default:
                throw new ModelFormatException(where + ": weight '" + spec.name + "' has dtype " + spec.dtype
                        + ", which samovar has no tensors for yet (float32, int32 and bool are supported)");
        }
    }

    /** The result of {@link #encode}: TF.js's {data, specs}. */
    public static final class Encoded {
        public final byte[] data;
        public final List<WeightSpec> specs;

        Encoded(byte[] data, List<WeightSpec> specs) {
            this.data = data;
            this.specs = specs;
        }
    }

    /** The stored bytes of a tensor (little-endian float32 / int32, one byte per bool). */
    public static byte[] bytesOf(Tensor t) {
        switch (t.dtype()) {
            case FLOAT32:
                return LittleEndian.fromFloats(t.dataSync());
            case INT32:
                return LittleEndian.fromInts(t.dataSyncInt());
            default: {
                int[] v = t.dataSyncInt();
                byte[] b = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = (byte) (v[i] != 0 ? 1 : 0);
                }
                return b;
            }
        }
    }

    /** TF.js's encodeWeights: the tensors' bytes concatenated, with their specs ({@code group} may be null). */
    public static Encoded encode(List<String> names, List<Tensor> tensors, String group) {
        List<WeightSpec> specs = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            t.assertNotDisposed();
            specs.add(new WeightSpec(names.get(i), t.shape(), t.dtype().jsName(), null, group));
            total += (long) t.size() * t.dtype().bytesPerElement();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the weights hold " + total + " bytes, more than one buffer can hold");
        }
        byte[] data = new byte[(int) total];
        int p = 0;
        for (Tensor t : tensors) {
            byte[] b = bytesOf(t);
            System.arraycopy(b, 0, data, p, b.length);
            p += b.length;
        }
        return new Encoded(data, specs);
    }

    /** Weight specs from a JSON array of {name, shape, dtype, quantization?, group?}; errors name {@code where}. */
    public static List<WeightSpec> specsFromJson(Object json, String where) {
        List<?> arr = ManifestJson.array(json, where);
        List<WeightSpec> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(WeightSpec.fromJson(arr.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    /**
     * The specs of a {@code tf.io.decodeWeights} call, rejected with TF.js's own messages where
     * TF.js's decodeWeights has one (unknown quantization dtype, missing min/scale, float16 on a
     * non-float32 weight, unsupported dtype), else with {@link #specsFromJson}'s.
     */
    public static List<WeightSpec> decodeSpecsFromJson(Object json, String where) {
        if (json instanceof List) {
            for (Object o : (List<?>) json) {
                if (!(o instanceof Map)) {
                    continue;
                }
                Map<?, ?> m = (Map<?, ?>) o;
                Object name = m.get("name");
                Object dtype = m.get("dtype");
                Object q = m.get("quantization");
                if (q instanceof Map) {
                    Map<?, ?> qm = (Map<?, ?>) q;
                    Object qd = qm.get("dtype");
                    if (Quantization.UINT8.equals(qd) || Quantization.UINT16.equals(qd)) {
                        if (!qm.containsKey("min") || !qm.containsKey("scale")) {
                            throw new ModelFormatException("Weight " + name + " with quantization " + qd
                                    + " doesn't have corresponding metadata min and scale.");
                        }
                    } else if (Quantization.FLOAT16.equals(qd)) {
                        if (!"float32".equals(dtype)) {
                            throw new ModelFormatException("Weight " + name + " is quantized with " + qd
                                    + " which only supports weights of type float32 not " + dtype + ".");
                        }
                    } else {
                        throw new ModelFormatException("Weight " + name + " has unknown quantization dtype " + qd
                                + ". Supported quantization dtypes are: 'uint8', 'uint16', and 'float16'.");
                    }
                    if (!"float32".equals(dtype) && !"int32".equals(dtype)) {
                        throw new ModelFormatException("Unsupported dtype in weight '" + name + "': " + dtype);
                    }
                } else if (!"float32".equals(dtype) && !"int32".equals(dtype) && !"bool".equals(dtype)
                        && !"string".equals(dtype) && !"complex64".equals(dtype)) {
                    throw new ModelFormatException("Unsupported dtype in weight '" + name + "': " + dtype);
                }
            }
        }
        return specsFromJson(json, where);
    }

    /** The specs as a JSON array (keys in TF.js's order). */
    public static List<Object> specsToJson(List<WeightSpec> specs) {
        List<Object> out = new ArrayList<>();
        for (WeightSpec s : specs) {
            out.add(s.toJson());
        }
        return out;
    }
}
