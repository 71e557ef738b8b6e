package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.WeightData;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading Keras HDF5 files through jhdf, with one-line errors that name the file: what is not an
 * HDF5 file, what is truncated or corrupt, which attribute or dataset is missing.
 */
public final class H5 implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Read raw datasets in pieces of this size, so a large weight never needs a second full copy. */
    static final int CHUNK = 1 << 20;

    public final Path path;
    /** The name used in messages (as the user gave it). */
    public final String name;
    public final HdfFile file;
    private final long fileSize;
    private FileChannel channel;

    private H5(Path path, String name, HdfFile file, long fileSize) {
        this.path = path;
        this.name = name;
        this.file = file;
        this.fileSize = fileSize;
    }

    /** Whether the file starts (or, after a user block, continues) with the HDF5 signature. */
    public static boolean isHdf5(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(8);
            if (Arrays.equals(head, SIGNATURE)) {
                return true;
            }
        }
        long size = Files.size(path);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            for (long at = 512; at + 8 <= size && at <= (1L << 30); at *= 2) {
                ByteBuffer b = ByteBuffer.allocate(8);
                ch.read(b, at);
                if (Arrays.equals(b.array(), SIGNATURE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Opens an HDF5 file; fails with a clear message when it is not one or cannot be read. */
    public static H5 open(Path path, String name) {
        long size;
        try {
            size = Files.size(path);
            if (!isHdf5(path)) {
                throw new ConversionException(name + ": not an HDF5 file (no HDF5 signature; "
                        + (size == 0 ? "the file is empty" : "it starts with " + headHex(path)) + ")");
            }
        } catch (IOException e) {
            throw new ConversionException(name + ": cannot read the file: " + e.getMessage(), e);
        }
        try {
            HdfFile f = new HdfFile(path);
            long eof = f.getUserBlockSize() + f.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            if (eof > size) {
                f.close();
                throw new ConversionException(name + ": the HDF5 file is truncated: its superblock says it ends at byte " + eof
                        + " but the file has " + size + " bytes");
            }
            f.getChildren(); // reads the root group now, so a broken file fails here
            return new H5(path, name, f, size);
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupt(name, "the root group", e);
        }
    }

    static ConversionException corrupt(String name, String what, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null) {
            why = why + " (" + root.getMessage() + ")";
        }
        return new ConversionException(name + ": the HDF5 file is truncated or corrupt (reading " + what + ": "
                + why.replace('\n', ' ') + ")", e);
    }

    private static String headHex(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] b = in.readNBytes(8);
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                sb.append(String.format("%02x ", x & 0xff));
            }
            String printable = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
            return sb.toString().trim() + " \"" + printable + "\"";
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a read-only channel
        }
        file.close();
    }

    // ------------------------------------------------------------------------------ navigation

    /** The node at {@code path} (relative to the root), or null. */
    public Node node(String p) {
        try {
            return p.isEmpty() ? file : file.getByPath(p);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            return null;
        } catch (RuntimeException e) {
            throw corrupt(name, "'" + p + "'", e);
        }
    }

    public Group group(String p) {
        Node n = node(p);
        return n instanceof Group ? (Group) n : null;
    }

    /** Child names of a group, in the file's order. */
    public List<String> children(Group g) {
        try {
            return new ArrayList<>(g.getChildren().keySet());
        } catch (RuntimeException e) {
            throw corrupt(name, "the members of '" + g.getPath() + "'", e);
        }
    }

    // ------------------------------------------------------------------------------ attributes

    /** Whether a node has the attribute (or its split form {@code name0, name1, ...}). */
    public boolean hasAttribute(Node n, String attr) {
        try {
            return n.getAttributes().containsKey(attr) || n.getAttributes().containsKey(attr + "0");
        } catch (RuntimeException e) {
            throw corrupt(name, "the attributes of '" + n.getPath() + "'", e);
        }
    }

    /** A string attribute (UTF-8 text), or null when absent. */
    public String stringAttribute(Node n, String attr) {
        Object v = attributeData(n, attr);
        if (v == null) {
            return null;
        }
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof String[] && ((String[]) v).length == 1) {
            return ((String[]) v)[0];
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new ConversionException(name + ": attribute '" + attr + "' of '" + pathOf(n)
                + "' is not text (found " + v.getClass().getSimpleName() + ")");
    }

    /**
     * A list-of-strings attribute, joining Keras's split form ({@code layer_names0}, {@code layer_names1},
     * ... when the list is over 64 KB). Empty when absent.
     */
    public List<String> stringListAttribute(Node n, String attr) {
        List<String> out = new ArrayList<>();
        Object v = attributeData(n, attr);
        if (v != null) {
            addStrings(out, v, n, attr);
            return out;
        }
        for (int chunk = 0; ; chunk++) {
            Object part = attributeData(n, attr + chunk);
            if (part == null) {
                break;
            }
            addStrings(out, part, n, attr + chunk);
        }
        return out;
    }

    private void addStrings(List<String> out, Object v, Node n, String attr) {
        if (v instanceof String[]) {
            out.addAll(Arrays.asList((String[]) v));
        } else if (v instanceof String) {
            out.add((String) v);
        } else {
            throw new ConversionException(name + ": attribute '" + attr + "' of '" + pathOf(n)
                    + "' is not a list of names (found " + v.getClass().getSimpleName() + ")");
        }
    }

    private Object attributeData(Node n, String attr) {
        try {
            Attribute a = n.getAttribute(attr);
            if (a == null || a.isEmpty()) {
                return null;
            }
            return a.getData();
        } catch (RuntimeException e) {
            throw corrupt(name, "attribute '" + attr + "' of '" + pathOf(n) + "'", e);
        }
    }

    private static String pathOf(Node n) {
        String p = n.getPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    // ------------------------------------------------------------------------------ datasets

    /** A dataset at {@code p}, or null when there is none. */
    public Dataset dataset(String p) {
        Node n = node(p);
        return n instanceof Dataset ? (Dataset) n : null;
    }

    /** The element kind of a dataset: f32, f64, f16, bf16, i8, i16, i32, i64, u8, u16, u32, u64. */
    public String kind(Dataset d, String where) {
        DataType t;
        try {
            t = d.getDataType();
        } catch (RuntimeException e) {
            throw corrupt(name, where, e);
        }
        if (t instanceof FloatingPoint) {
            switch (t.getSize()) {
                case 4:
                    return "f32";
                case 8:
                    return "f64";
                case 2:
                    return "f16";
                default:
                    break;
            }
        } else if (t instanceof FixedPoint) {
            String bf = stringAttributeQuiet(d, "dtype");
            if ("bfloat16".equals(bf) && t.getSize() == 2) {
                return "bf16";
            }
            boolean signed = ((FixedPoint) t).isSigned();
            switch (t.getSize()) {
                case 1:
                case 2:
                case 4:
                case 8:
                    return (signed ? "i" : "u") + (8 * t.getSize());
                default:
                    break;
            }
        }
        throw new ConversionException(name + ": " + where + " holds " + t.getClass().getSimpleName() + " values of "
                + t.getSize() + " bytes; weights must be floating-point or integer numbers");
    }

    private String stringAttributeQuiet(Node n, String attr) {
        try {
            Attribute a = n.getAttribute(attr);
            Object v = a == null ? null : a.getData();
            return v instanceof String ? (String) v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public int[] shape(Dataset d, String where) {
        try {
            return d.getDimensions().clone();
        } catch (RuntimeException e) {
            throw corrupt(name, where, e);
        }
    }

    /** The TF.js dtype a dataset kind becomes: float32 for floats, int32 for integers. */
    public static String tfjsDtype(String kind) {
        return kind.startsWith("f") || kind.equals("bf16") ? "float32" : "int32";
    }

    /** Lazily read values of a dataset (cast as tensorflowjs_converter casts). */
    public WeightData data(Dataset d, String where) {
        String kind = kind(d, where);
        int[] shape = shape(d, where);
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        long elements = count;
        return new WeightData() {
            @Override
            public float[] floats() {
                float[] out = new float[Math.toIntExact(elements)];
                int[] at = {0};
                readValues(d, where, kind, elements, (buf, n) -> {
                    for (int i = 0; i < n; i++) {
                        out[at[0]++] = (float) element(buf, kind, i);
                    }
                });
                return out;
            }

            @Override
            public int[] ints() {
                int[] out = new int[Math.toIntExact(elements)];
                int[] at = {0};
                readValues(d, where, kind, elements, (buf, n) -> {
                    for (int i = 0; i < n; i++) {
                        out[at[0]++] = (int) (long) element(buf, kind, i);
                    }
                });
                return out;
            }

            @Override
            public void stream(String dtype, ByteSink sink) {
                byte[] chunk = new byte[CHUNK];
                readValues(d, where, kind, elements, (buf, n) -> {
                    int p = 0;
                    for (int i = 0; i < n; i++) {
                        int bits = dtype.equals("int32") ? (int) (long) element(buf, kind, i)
                                : Float.floatToRawIntBits((float) element(buf, kind, i));
                        if (p + 4 > chunk.length) {
                            sink.write(chunk, 0, p);
                            p = 0;
                        }
                        chunk[p] = (byte) bits;
                        chunk[p + 1] = (byte) (bits >> 8);
                        chunk[p + 2] = (byte) (bits >> 16);
                        chunk[p + 3] = (byte) (bits >> 24);
                        p += 4;
                    }
                    if (p > 0) {
                        sink.write(chunk, 0, p);
                    }
                });
            }
        };
    }

    private interface Values {
        /** {@code n} elements at the start of {@code buf} (positioned at 0, in the file's byte order). */
        void accept(ByteBuffer buf, int n);
    }

    private static double element(ByteBuffer b, String kind, int i) {
        switch (kind) {
            case "f32":
                return b.getFloat(4 * i);
            case "f64":
                return b.getDouble(8 * i);
            case "f16":
                return dev.samovar.io.Float16.toFloat(b.getShort(2 * i));
            case "bf16":
                return Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16);
            case "i8":
                return b.get(i);
            case "u8":
                return b.get(i) & 0xff;
            case "i16":
                return b.getShort(2 * i);
            case "u16":
                return b.getShort(2 * i) & 0xffff;
            case "i32":
                return b.getInt(4 * i);
            case "u32":
                return b.getInt(4 * i) & 0xffffffffL;
            case "i64":
            case "u64":
                return b.getLong(8 * i); // wraps to int32 below, as NumPy's astype(int32) does
            default:
                throw new IllegalStateException(kind);
        }
    }

    private static int width(String kind) {
        switch (kind) {
            case "f64":
            case "i64":
            case "u64":
                return 8;
            case "f32":
            case "i32":
            case "u32":
                return 4;
            case "f16":
            case "bf16":
            case "i16":
            case "u16":
                return 2;
            default:
                return 1;
        }
    }

    /**
     * Reads a dataset's elements in pieces: contiguous data straight from the file in 1 MiB reads
     * (no memory map, no full copy); other layouts through jhdf's decoded buffer.
     */
    private void readValues(Dataset d, String where, String kind, long elements, Values consumer) {
        int w = width(kind);
        long bytes = elements * w;
        ByteOrder order = byteOrder(d);
        try {
            if (d instanceof ContiguousDataset && !d.isEmpty() && bytes > 0) {
                long address = file.getUserBlockSize() + ((ContiguousDataset) d).getDataAddress();
                if (address < 0 || address + bytes > fileSize) {
                    throw new ConversionException(name + ": the HDF5 file is truncated or corrupt: " + where
                            + " needs bytes " + address + " to " + (address + bytes) + " but the file has " + fileSize
                            + " bytes");
                }
                FileChannel ch = channel();
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, bytes)).order(order);
                long done = 0;
                while (done < bytes) {
                    int n = (int) Math.min(buf.capacity(), bytes - done);
                    buf.clear().limit(n);
                    while (buf.hasRemaining()) {
                        if (ch.read(buf, address + done + buf.position()) < 0) {
                            throw new ConversionException(name + ": the HDF5 file is truncated: " + where
                                    + " ends past the end of the file");
                        }
                    }
                    buf.flip();
                    consumer.accept(buf, n / w);
                    done += n;
                }
                return;
            }
            if (bytes == 0) {
                return;
            }
            ByteBuffer all = ((io.jhdf.dataset.DatasetBase) d).getDataBuffer().order(order);
            if (all.remaining() < bytes) {
                throw new ConversionException(name + ": the HDF5 file is truncated or corrupt: " + where + " has "
                        + all.remaining() + " bytes of data but its shape needs " + bytes);
            }
            ByteBuffer slice = all.slice().order(order);
            for (long start = 0; start < bytes; start += CHUNK) {
                int n = (int) Math.min(CHUNK, bytes - start);
                slice.position((int) start);
                ByteBuffer piece = slice.slice().order(order);
                piece.limit(n);
                consumer.accept(piece, n / w);
            }
        } catch (ConversionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(name, where, e);
        }
    }

    private ByteOrder byteOrder(Dataset d) {
        DataType t = d.getDataType();
        if (t instanceof FloatingPoint) {
            return ((FloatingPoint) t).getByteOrder();
        }
        if (t instanceof FixedPoint) {
            return ((FixedPoint) t).getByteOrder();
        }
        return ByteOrder.LITTLE_ENDIAN;
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        return channel;
    }
}
