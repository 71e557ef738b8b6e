package dev.samovar.convert.graph;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;

/**
 * A TensorFlow checkpoint (tensor bundle): {@code prefix.index} is an SSTable (LevelDB table
 * format, uncompressed blocks) mapping each tensor key to a BundleEntryProto (dtype, shape, shard,
 * offset, size); {@code prefix.data-0000k-of-0000n} hold the raw little-endian bytes.
 */
public final class TensorBundle {
    private final Path prefix;
    public final Map<String, BundleEntryProto> entries = new LinkedHashMap<>();
    private int numShards = 1;

    public TensorBundle(Path prefix) throws IOException {
        this.prefix = prefix;
        Path index = Path.of(prefix + ".index");
        byte[] b = Files.readAllBytes(index);
        String where = index.toString();
        if (b.length < 48) {
            throw new IOException(where + ": too short for an SSTable (" + b.length + " bytes)");
        }
        // Footer: metaindex handle, index handle (varints), padding, 8-byte magic.
        int[] pos = {b.length - 48};
        readVarint(b, pos); // metaindex offset
        readVarint(b, pos); // metaindex size
        long indexOffset = readVarint(b, pos);
        long indexSize = readVarint(b, pos);
        Map<String, byte[]> index0 = readBlock(b, (int) indexOffset, (int) indexSize, where);
        for (byte[] handle : index0.values()) {
            int[] p = {0};
            long off = readVarint(handle, p);
            long size = readVarint(handle, p);
            for (Map.Entry<String, byte[]> e : readBlock(b, (int) off, (int) size, where).entrySet()) {
                if (e.getKey().isEmpty()) {
                    BundleHeaderProto h = BundleHeaderProto.parseFrom(e.getValue());
                    numShards = Math.max(1, h.getNumShards());
                } else {
                    entries.put(e.getKey(), BundleEntryProto.parseFrom(e.getValue()));
                }
            }
        }
    }

    private static long readVarint(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if (x < 0x80) {
                return v;
            }
            shift += 7;
        }
    }

    private static Map<String, byte[]> readBlock(byte[] b, int off, int size, String where) throws IOException {
        if (off < 0 || size < 4 || off + size + 5 > b.length) {
            throw new IOException(where + ": block at " + off + " of " + size + " bytes is out of range");
        }
        if (b[off + size] == 1) {
            byte[] raw = Snappy.decompress(b, off, size, where);
            return readBlock(concatTrailer(raw), 0, raw.length, where);
        }
        if (b[off + size] != 0) {
            throw new IOException(where + ": compressed blocks of type " + b[off + size] + " are not supported");
        }
        int numRestarts = readInt(b, off + size - 4);
        int end = off + size - 4 - 4 * numRestarts;
        Map<String, byte[]> out = new LinkedHashMap<>();
        int[] p = {off};
        byte[] last = new byte[0];
        while (p[0] < end) {
            int shared = (int) readVarint(b, p);
            int nonShared = (int) readVarint(b, p);
            int valueLen = (int) readVarint(b, p);
            byte[] key = new byte[shared + nonShared];
            System.arraycopy(last, 0, key, 0, shared);
            System.arraycopy(b, p[0], key, shared, nonShared);
            p[0] += nonShared;
            byte[] value = new byte[valueLen];
            System.arraycopy(b, p[0], value, 0, valueLen);
            p[0] += valueLen;
            out.put(new String(key, java.nio.charset.StandardCharsets.UTF_8), value);
            last = key;
        }
        return out;
    }

    /** A decompressed block followed by an uncompressed trailer, so readBlock can read it in place. */
    private static byte[] concatTrailer(byte[] raw) {
        byte[] out = new byte[raw.length + 5];
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** The tensor stored under {@code key}. */
    public ConstTensor read(String key) throws IOException {
        BundleEntryProto e = entries.get(key);
        if (e == null) {
            throw new IOException(prefix + ".index: no tensor '" + key + "' in the checkpoint");
        }
        if (e.getSlicesCount() > 0) {
            throw new IOException(prefix + ".index: tensor '" + key + "' is stored in slices (not supported)");
        }
        Path data = Path.of(prefix + String.format(".data-%05d-of-%05d", e.getShardId(), numShards));
        if (!Files.isRegularFile(data)) {
            throw new IOException(data + ": the checkpoint shard of tensor '" + key + "' is missing");
        }
        byte[] bytes = new byte[(int) e.getSize()];
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "r")) {
            if (e.getOffset() + e.getSize() > f.length()) {
                throw new IOException(data + ": tensor '" + key + "' needs bytes up to " + (e.getOffset() + e.getSize())
                        + " but the file has " + f.length());
            }
            f.seek(e.getOffset());
            f.readFully(bytes);
        }
        return ConstTensor.fromBytes(e.getDtype(), ConstTensor.shapeOf(e.getShape()), bytes, data + ": tensor '" + key + "'");
    }
}
