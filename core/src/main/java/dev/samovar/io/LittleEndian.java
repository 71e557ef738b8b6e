package dev.samovar.io;

/** Little-endian packing of the numeric arrays stored in weight shards. */
public final class LittleEndian {
    /**
     * Bulk reading of little-endian float32 / int32 values, installed by a platform that has a faster
     * way than element by element (the page: a typed-array copy of the bytes, since a byte[] is an
     * Int8Array there and every engine TF.js runs on is little-endian). Null on the JVM.
     */
    public interface Bulk {
        float[] toFloats(byte[] src, int offset, int count);

        int[] toInts(byte[] src, int offset, int count);
    }

    private static Bulk bulk;

    private LittleEndian() {
    }

    /** Installs the platform's bulk reader (null: element by element). */
    public static void setBulk(Bulk b) {
        bulk = b;
    }

    /** The float32 bytes of {@code values}. */
    public static byte[] fromFloats(float[] values) {
        byte[] out = new byte[values.length * 4];
        putFloats(values, 0, values.length, out, 0);
        return out;
    }

    public static void putFloats(float[] src, int srcOffset, int count, byte[] dst, int dstOffset) {
        for (int i = 0; i < count; i++) {
            putInt(Float.floatToRawIntBits(src[srcOffset + i]), dst, dstOffset + 4 * i);
        }
    }

    public static byte[] fromInts(int[] values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            putInt(values[i], out, 4 * i);
        }
        return out;
    }

    public static void putInt(int v, byte[] dst, int p) {
        dst[p] = (byte) v;
        dst[p + 1] = (byte) (v >> 8);
        dst[p + 2] = (byte) (v >> 16);
        dst[p + 3] = (byte) (v >> 24);
    }

    public static int getInt(byte[] src, int p) {
        return (src[p] & 0xff) | ((src[p + 1] & 0xff) << 8) | ((src[p + 2] & 0xff) << 16) | ((src[p + 3] & 0xff) << 24);
    }

    public static float[] toFloats(byte[] src, int offset, int count) {
        if (bulk != null && count > 0) {
            return bulk.toFloats(src, offset, count);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = Float.intBitsToFloat(getInt(src, offset + 4 * i));
        }
        return out;
    }

    public static int[] toInts(byte[] src, int offset, int count) {
        if (bulk != null && count > 0) {
            return bulk.toInts(src, offset, count);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = getInt(src, offset + 4 * i);
        }
        return out;
    }
}
