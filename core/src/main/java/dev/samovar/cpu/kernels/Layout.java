package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
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
        return like instanceof float[] ? Cpu.newFloats(n) : Cpu.newInts(n);
    }

    /**
     * Copies by per-dimension coordinate maps: output element {@code (c0, .., ck)} reads input
     * element {@code (maps[0][c0], .., maps[k][ck])}; a null map is the identity; a negative map
     * entry writes {@code fill} (a Float or an Integer of the buffer's type) instead. Map entries
     * must lie in the input's shape.
     */
    static Object mapCopy(Object src, int[] inShape, int[][] maps, int[] outShape, Object fill) {
        int n = Shapes.sizeFromShape(outShape);
        Object out = alloc(src, n);
        if (n == 0) {
            return out;
        }
        int[] inStrides = Shapes.fullStrides(inShape);
        // Flat input offsets per output coordinate (-1: fill); size-1 dimensions fold into base.
        int[][] offs = new int[outShape.length][];
        int k = 0;
        long base = 0;
        boolean allFill = false;
        for (int d = 0; d < outShape.length; d++) {
            int[] m = maps[d];
            int[] o = new int[outShape[d]];
            for (int c = 0; c < o.length; c++) {
                int v = m == null ? c : m[c];
                o[c] = v < 0 ? -1 : v * inStrides[d];
            }
            if (o.length == 1) {
                if (o[0] < 0) {
                    allFill = true;
                }
                base += o[0];
            } else {
                offs[k++] = o;
            }
        }
        float fillF = 0;
        int fillI = 0;
        if (fill instanceof Float) {
            fillF = (Float) fill;
        } else if (fill instanceof Integer) {
            fillI = (Integer) fill;
        }
        boolean isFloat = src instanceof float[];
        if (allFill) {
            fillRange(out, 0, n, fillF, fillI);
            return out;
        }
        if (k == 0) {
            System.arraycopy(src, (int) base, out, 0, 1);
            return out;
        }
        // Longer rows: merge the two innermost dimensions while rows are short.
        while (k > 1 && offs[k - 1].length < 256 && (long) offs[k - 1].length * offs[k - 2].length <= 65536) {
            int[] a = offs[k - 2];
            int[] b = offs[k - 1];
            int[] merged = Cpu.newInts(a.length * b.length);
            for (int i = 0, p = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++, p++) {
                    merged[p] = a[i] < 0 || b[j] < 0 ? -1 : a[i] + b[j];
                }
            }
            offs[k - 2] = merged;
            k--;
        }
        int[] row = offs[k - 1];
        int rowLen = row.length;
        // Runs of the row: [start, length, source offset or -1], copied with arraycopy when long.
        int[] runs = Cpu.newInts(3 * rowLen);
        int nRuns = 0;
        for (int c = 0; c < rowLen; ) {
            int e = c + 1;
            if (row[c] < 0) {
                while (e < rowLen && row[e] < 0) {
                    e++;
                }
            } else {
                while (e < rowLen && row[e] == row[e - 1] + 1) {
                    e++;
                }
            }
            runs[3 * nRuns] = c;
            runs[3 * nRuns + 1] = e - c;
            runs[3 * nRuns + 2] = row[c];
            nRuns++;
            c = e;
        }
        boolean byRuns = nRuns * 8 <= rowLen;
        int rows = n / rowLen;
        int outer = k - 1;
        int[] counter = Cpu.newInts(outer);
        float[] fs = isFloat ? (float[]) src : null;
        int[] is = isFloat ? null : (int[]) src;
        float[] fo = isFloat ? (float[]) out : null;
        int[] io = isFloat ? null : (int[]) out;
        for (int r = 0, p = 0; r < rows; r++, p += rowLen) {
            long b = base;
            boolean rowFill = false;
            for (int d = 0; d < outer; d++) {
                int o = offs[d][counter[d]];
                if (o < 0) {
                    rowFill = true;
                }
                b += o;
            }
            int bi = (int) b;
            if (rowFill) {
                fillRange(out, p, p + rowLen, fillF, fillI);
            } else if (byRuns) {
                for (int q = 0; q < nRuns; q++) {
                    int start = runs[3 * q];
                    int len = runs[3 * q + 1];
                    int off = runs[3 * q + 2];
                    if (off < 0) {
                        fillRange(out, p + start, p + start + len, fillF, fillI);
                    } else {
                        System.arraycopy(src, bi + off, out, p + start, len);
                    }
                }
            } else if (isFloat) {
                for (int c = 0; c < rowLen; c++) {
                    int o = row[c];
                    fo[p + c] = o < 0 ? fillF : fs[bi + o];
                }
            } else {
                for (int c = 0; c < rowLen; c++) {
                    int o = row[c];
                    io[p + c] = o < 0 ? fillI : is[bi + o];
                }
            }
            for (int d = outer - 1; d >= 0; d--) {
                if (++counter[d] < offs[d].length) {
                    break;
                }
                counter[d] = 0;
            }
        }
        return out;
    }

    private static void fillRange(Object out, int from, int to, float f, int i) {
        if (out instanceof float[]) {
            java.util.Arrays.fill((float[]) out, from, to, f);
        } else {
            java.util.Arrays.fill((int[]) out, from, to, i);
        }
    }

    /** The same values stored as {@code to} would store them in TF.js's typed arrays. */
    static Object convert(Object src, DType to) {
        if (to == DType.FLOAT32) {
            if (src instanceof float[]) {
                return src;
            }
            int[] v = (int[]) src;
            float[] out = Cpu.newFloats(v.length);
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i];
            }
            return out;
        }
        if (src instanceof float[]) {
            float[] v = (float[]) src;
            int[] out = Cpu.newInts(v.length);
            for (int i = 0; i < v.length; i++) {
                out[i] = to == DType.BOOL ? JsNumber.toUint8(v[i]) : JsNumber.toInt32(v[i]);
            }
            return out;
        }
        if (to == DType.INT32) {
            return src;
        }
        int[] v = (int[]) src;
        int[] out = Cpu.newInts(v.length);
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
