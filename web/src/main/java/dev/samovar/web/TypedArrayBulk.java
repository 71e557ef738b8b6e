package dev.samovar.web;

import dev.samovar.io.LittleEndian;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Weight bytes to float32 / int32 values in the page: one typed-array copy of the bytes (a byte[]
 * is an Int8Array there; the engines TF.js runs on are little-endian, as TF.js's own decoding
 * assumes), instead of assembling every value from four bytes. Installed by the bridges that decode
 * weights (ModelBridge, IoBridge, GraphModelBridge) before they decode anything.
 */
final class TypedArrayBulk implements LittleEndian.Bulk {
    private static boolean installed;

    private TypedArrayBulk() {
    }

    static void install() {
        if (!installed) {
            installed = true;
            LittleEndian.setBulk(new TypedArrayBulk());
        }
    }

    /** The {@code byteLength} bytes of {@code src} from {@code offset}, copied into the start of {@code dst}'s buffer. */
    private static void copyBytes(byte[] src, int offset, int byteLength, Int8Array dst) {
        Int8Array bytes = Int8Array.fromJavaArray(src);
        dst.set(Int8Array.create(bytes.getBuffer(), bytes.getByteOffset() + offset, byteLength));
    }

    @Override
    public float[] toFloats(byte[] src, int offset, int count) {
        checkRange(src, offset, count);
        Float32Array out = Float32Array.create(count);
        copyBytes(src, offset, 4 * count, Int8Array.create(out.getBuffer()));
        return out.copyToJavaArray();
    }

    @Override
    public int[] toInts(byte[] src, int offset, int count) {
        checkRange(src, offset, count);
        Int32Array out = Int32Array.create(count);
        copyBytes(src, offset, 4 * count, Int8Array.create(out.getBuffer()));
        return out.copyToJavaArray();
    }

    private static void checkRange(byte[] src, int offset, int count) {
        if (offset < 0 || count < 0 || offset + 4 * count > src.length) {
            throw new IndexOutOfBoundsException("bytes " + offset + " to " + (offset + 4 * count)
                    + " of a buffer of " + src.length);
        }
    }
}
