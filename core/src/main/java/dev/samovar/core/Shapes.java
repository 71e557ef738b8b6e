package dev.samovar.core;

import java.util.Arrays;

/** Shape arithmetic shared by ops and kernels, with TF.js's error messages. */
public final class Shapes {
    /** The largest element count a tensor may have (Java arrays are int-indexed). */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private Shapes() {
    }

    /** Number of elements; fails clearly for negative dimensions or sizes beyond an array. */
    public static int sizeFromShape(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Tensor must have a shape comprised of positive integers but got shape ["
                        + join(shape) + "].");
            }
            size *= d;
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("Shape [" + join(shape) + "] has more than " + MAX_SIZE
                        + " elements, which no tensor can hold");
            }
        }
        return (int) size;
    }

    /** Row-major strides of all but the last dimension, as TF.js's computeStrides. */
    public static int[] strides(int[] shape) {
        int rank = shape.length;
        if (rank < 2) {
            return new int[0];
        }
        int[] strides = new int[rank - 1];
        strides[rank - 2] = shape[rank - 1];
        for (int i = rank - 3; i >= 0; --i) {
            strides[i] = strides[i + 1] * shape[i + 1];
        }
        return strides;
    }

    /** Row-major strides of every dimension (the last is 1). */
    public static int[] fullStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** The shape as TF.js prints it inside messages: {@code 2,3}. */
    public static String join(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    public static boolean equal(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    public static void assertShapesMatch(int[] a, int[] b, String prefix) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(prefix + " Shapes " + join(a) + " and " + join(b) + " must match");
        }
    }

    /** NumPy broadcasting of two shapes, with TF.js's message when they are incompatible. */
    public static int[] broadcastShapes(int[] a, int[] b) {
        int l = Math.max(a.length, b.length);
        int[] out = new int[l];
        for (int i = 0; i < l; i++) {
            int da = i < a.length ? a[a.length - i - 1] : 1;
            int db = i < b.length ? b[b.length - i - 1] : 1;
            if (da == 1) {
                out[l - i - 1] = db;
            } else if (db == 1 || da == db) {
                out[l - i - 1] = da;
            } else {
                throw new IllegalArgumentException(
                        "Operands could not be broadcast together with shapes " + join(a) + " and " + join(b) + ".");
            }
        }
        return out;
    }

    /** Axes of {@code outShape} that {@code inShape} was broadcast along (to sum gradients over). */
    public static int[] reductionAxes(int[] inShape, int[] outShape) {
        int[] tmp = new int[outShape.length];
        int n = 0;
        for (int i = 0; i < outShape.length; i++) {
            int outAxis = outShape.length - i - 1;
            int inIdx = inShape.length - i - 1;
            if (inIdx < 0 || (inShape[inIdx] == 1 && outShape[outAxis] > 1)) {
                tmp[n++] = outAxis;
            }
        }
        int[] res = Arrays.copyOf(tmp, n);
        Arrays.sort(res);
        return res;
    }

    /**
     * TF.js's parseAxisParam: null means every axis; negative axes count from the end; each must
     * lie in [-rank, rank).
     */
    public static int[] parseAxes(int[] axes, int rank) {
        if (axes == null) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int ax = axes[i];
            if (ax < -rank || ax >= rank) {
                throw new IllegalArgumentException("All values in axis param must be in range [-" + rank + ", " + rank
                        + ") but got axis " + join(axes));
            }
            out[i] = ax < 0 ? ax + rank : ax;
        }
        return out;
    }

    /** One axis, normalized as {@link #parseAxes}. */
    public static int parseAxis(int axis, int rank) {
        return parseAxes(new int[] {axis}, rank)[0];
    }

    /** The permutation that moves {@code axes} to the end, or null if they already are there. */
    public static int[] axesPermutation(int[] axes, int rank) {
        boolean inner = true;
        for (int i = 0; i < axes.length; i++) {
            if (axes[axes.length - 1 - i] != rank - 1 - i) {
                inner = false;
                break;
            }
        }
        if (inner) {
            return null;
        }
        int[] perm = new int[rank];
        boolean[] isReduced = new boolean[rank];
        for (int a : axes) {
            isReduced[a] = true;
        }
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if (!isReduced[i]) {
                perm[k++] = i;
            }
        }
        for (int a : axes) {
            perm[k++] = a;
        }
        return perm;
    }

    /** Splits a shape into the kept (outer) shape and the reduced (inner) shape for {@code axes}. */
    public static int[][] reduceShapes(int[] shape, int[] axes) {
        boolean[] isReduced = new boolean[shape.length];
        for (int a : axes) {
            isReduced[a] = true;
        }
        int[] outer = new int[shape.length - countTrue(isReduced)];
        int[] inner = new int[countTrue(isReduced)];
        int o = 0;
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            if (isReduced[i]) {
                inner[n++] = shape[i];
            } else {
                outer[o++] = shape[i];
            }
        }
        return new int[][] {outer, inner};
    }

    /** The shape with size-1 dimensions put back at {@code axes} (for keepDims). */
    public static int[] expandShapeToKeepDim(int[] shape, int[] axes) {
        int[] out = new int[shape.length + axes.length];
        boolean[] isReduced = new boolean[out.length];
        for (int a : axes) {
            isReduced[a] = true;
        }
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = isReduced[i] ? 1 : shape[j++];
        }
        return out;
    }

    private static int countTrue(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            if (x) {
                n++;
            }
        }
        return n;
    }

    public static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
