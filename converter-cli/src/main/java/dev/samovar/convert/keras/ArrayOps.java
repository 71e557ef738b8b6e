package dev.samovar.convert.keras;

/** Row-major array helpers for the few weight layouts that must be rearranged. */
final class ArrayOps {
    private ArrayOps() {
    }

    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    static int[] permute(int[] shape, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** NumPy's {@code np.transpose(a, perm)}. */
    static float[] transpose(float[] a, int[] shape, int[] perm) {
        int rank = shape.length;
        int[] outShape = permute(shape, perm);
        int[] inStrides = strides(shape);
        int[] step = new int[rank];
        for (int i = 0; i < rank; i++) {
            step[i] = inStrides[perm[i]];
        }
        float[] out = new float[a.length];
        int[] idx = new int[rank];
        int src = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = a[src];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                src += step[d];
                if (idx[d] < outShape[d]) {
                    break;
                }
                src -= step[d] * outShape[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    /** Reverses the given axes (Keras's convert_kernel flips all but the last two). */
    static float[] flip(float[] a, int[] shape, boolean[] axes) {
        int rank = shape.length;
        int[] st = strides(shape);
        float[] out = new float[a.length];
        int[] idx = new int[rank];
        for (int o = 0; o < a.length; o++) {
            int src = 0;
            for (int d = 0; d < rank; d++) {
                src += (axes[d] ? shape[d] - 1 - idx[d] : idx[d]) * st[d];
            }
            out[o] = a[src];
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }

    /** Concatenates along the last axis arrays whose shapes agree except in the last dimension. */
    static float[] concatLast(float[][] parts, int[][] shapes) {
        int rank = shapes[0].length;
        int rows = 1;
        for (int i = 0; i < rank - 1; i++) {
            rows *= shapes[0][i];
        }
        int total = 0;
        for (int[] s : shapes) {
            total += s[rank - 1];
        }
        float[] out = new float[rows * total];
        int col = 0;
        for (int p = 0; p < parts.length; p++) {
            int w = shapes[p][rank - 1];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(parts[p], r * w, out, r * total + col, w);
            }
            col += w;
        }
        return out;
    }
}
