package dev.samovar.grad;

/** Axis and permutation helpers of the reduction and layout gradients (TF.js's axis_util). */
final class LayoutSupport {
    private LayoutSupport() {
    }

    /**
     * TF.js's getAxesPermutation: the permutation that moves {@code axes} last (in their order),
     * or null when they already are the innermost. As in TF.js, an axis outside [0, rank) is kept
     * (the permutation is then longer than the rank, and transposing with it fails as in TF.js).
     */
    static int[] axesPermutation(int[] axes, int rank) {
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
        int[] perm = new int[rank + axes.length];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            boolean moved = false;
            for (int a : axes) {
                moved |= a == i;
            }
            if (!moved) {
                perm[k++] = i;
            }
        }
        for (int a : axes) {
            perm[k++] = a;
        }
        return java.util.Arrays.copyOf(perm, k);
    }

    /** TF.js's getUndoAxesPermutation: the inverse of a permutation of [0, n). */
    static int[] undoPermutation(int[] perm) {
        int[] undo = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            undo[perm[i]] = i;
        }
        return undo;
    }

    /** The number of elements of a shape. */
    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** [start, end) as an int array (TF.js's arrayRange). */
    static int[] range(int start, int end) {
        int[] r = new int[Math.max(0, end - start)];
        for (int i = 0; i < r.length; i++) {
            r[i] = start + i;
        }
        return r;
    }

    /** The reduced shape: {@code shape} without {@code axes}. */
    static int[] reducedShape(int[] shape, int[] axes) {
        return dev.samovar.core.Shapes.reduceShapes(shape, axes)[0];
    }

    /** {@code shape} with size 1 at each of {@code axes} (a keepDims shape). */
    static int[] keepDimsShape(int[] shape, int[] axes) {
        int[] k = shape.clone();
        for (int a : axes) {
            k[a] = 1;
        }
        return k;
    }
}
