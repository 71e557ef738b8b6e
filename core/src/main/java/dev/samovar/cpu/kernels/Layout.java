package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;

/**
 * Data movement shared by the shape and layout kernels. Buffers are {@code float[]} (float32) or
 * {@code int[]} (int32, bool); every function keeps the buffer type of its input.
 */
final class Layout {
    private Layout() {
    }

    /** A zeroed buffer of the same type as {@code like}. */
    static Object alloc(Object like, int n) {
        return like instanceof float[] ? new float[n] : new int[n];
    }

    /**
     * Copies by per-dimension coordinate maps: output element {@code (c0, .., ck)} reads input
     * element {@code (maps[0][c0], .., maps[k][ck])}; a null map is the identity; a map entry of -1
     * writes {@code fill} (a Float or an Integer of the buffer's type) instead. Map entries must
     * lie in the input's shape.
     */
    static Object mapCopy(Object src, int[] inShape, int[][] maps, int[] outShape, Object fill) {
        int rank = outShape.length;
        int n = Shapes.sizeFromShape(outShape);
        Object out = alloc(src, n);
        if (n == 0) {
            return out;
        }
        if (rank == 0) {
            System.arraycopy(src, 0, out, 0, 1);
            return out;
        }
        int[] inStrides = Shapes.fullStrides(inShape);
        // offs[d][c]: flat input offset contributed by output coordinate c of dimension d (-1: fill).
        int[][] offs = new int[rank][];
        boolean anyFill = false;
        for (int d = 0; d < rank; d++) {
            int[] o = new int[outShape[d]];
            int[] m = maps[d];
            for (int c = 0; c < o.length; c++) {
                int v = m == null ? c : m[c];
                if (v < 0) {
                    anyFill = true;
                    o[c] = -1;
                } else {
                    o[c] = v * inStrides[d];
                }
            }
            offs[d] = o;
        }
        float fillF = 0;
        int fillI = 0;
        if (anyFill) {
            if (fill instanceof Float) {
                fillF = (Float) fill;
            } else {
                fillI = (Integer) fill;
            }
        }
        int last = rank - 1;
        int rowLen = outShape[last];
        int[] lastOff = offs[last];
        boolean contiguous = true;
        for (int c = 1; c < rowLen; c++) {
            if (lastOff[c] != lastOff[0] + c) {
                contiguous = false;
                break;
            }
        }
        contiguous &= rowLen > 0 && lastOff[0] >= 0;
        int rows = n / rowLen;
        int[] counter = new int[rank];
        float[] fs = src instanceof float[] ? (float[]) src : null;
        int[] is = fs == null ? (int[]) src : null;
        float[] fo = fs != null ? (float[]) out : null;
        int[] io = fs == null ? (int[]) out : null;
        for (int r = 0, p = 0; r < rows; r++, p += rowLen) {
            int base = 0;
            boolean rowFill = false;
            for (int d = 0; d < last; d++) {
                int o = offs[d][counter[d]];
                if (o < 0) {
                    rowFill = true;
                }
                base += o;
            }
            if (rowFill) {
                if (fo != null) {
                    java.util.Arrays.fill(fo, p, p + rowLen, fillF);
                } else {
                    java.util.Arrays.fill(io, p, p + rowLen, fillI);
                }
            } else if (contiguous) {
                System.arraycopy(src, base + lastOff[0], out, p, rowLen);
            } else if (fo != null) {
                for (int c = 0; c < rowLen; c++) {
                    int o = lastOff[c];
                    fo[p + c] = o < 0 ? fillF : fs[base + o];
                }
            } else {
                for (int c = 0; c < rowLen; c++) {
                    int o = lastOff[c];
                    io[p + c] = o < 0 ? fillI : is[base + o];
                }
            }
            for (int d = last - 1; d >= 0; d--) {
                if (++counter[d] < outShape[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        return out;
    }

    /** The same values stored as {@code to} would store them in TF.js's typed arrays. */
    static Object convert(Object src, DType to) {
        if (to == DType.FLOAT32) {
            if (src instanceof float[]) {
                return src;
            }
            int[] v = (int[]) src;
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i];
            }
            return out;
        }
        if (src instanceof float[]) {
            float[] v = (float[]) src;
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = to == DType.BOOL ? JsNumber.toUint8(v[i]) : JsNumber.toInt32(v[i]);
            }
            return out;
        }
        if (to == DType.INT32) {
            return src;
        }
        int[] v = (int[]) src;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] & 0xFF;
        }
        return out;
    }

    /** The constant {@code value} as a buffer of {@code dtype} stores it (for padding). */
    static Object fillValue(double value, DType dtype) {
        switch (dtype) {
            case FLOAT32:
                return (float) value;
            case INT32:
                return JsNumber.toInt32(value);
            default:
                return JsNumber.toUint8(value);
        }
    }
}
