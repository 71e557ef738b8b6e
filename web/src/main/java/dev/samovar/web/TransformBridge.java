package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Transform;
import org.teavm.jso.JSExport;

/**
 * Shape and layout ops. Nested int arrays (paddings, crops) cross as their rows' values one after
 * another plus each row's length; a result of several tensors crosses as a Java array (a JS array of the same tensors).
 */
public final class TransformBridge {
    private TransformBridge() {
    }

    /** Rebuilds rows from their concatenated values and lengths; null lengths mean null. */
    static int[][] rows(int[] values, int[] lengths) {
        if (lengths == null) {
            return null;
        }
        int[][] out = new int[lengths.length][];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            out[i] = new int[lengths[i]];
            System.arraycopy(values, at, out[i], 0, lengths[i]);
            at += lengths[i];
        }
        return out;
    }

    @JSExport
    public static Tensor cast(Tensor x, String dtype) {
        return Transform.cast(x, dtype);
    }

    @JSExport
    public static Tensor reshape(Tensor x, int[] shape) {
        return Transform.reshape(x, shape);
    }

    /** {@code perm} null reverses the dimensions. */
    @JSExport
    public static Tensor transpose(Tensor x, int[] perm) {
        return Transform.transpose(x, perm);
    }

    @JSExport
    public static Tensor expandDims(Tensor x, int axis) {
        return Transform.expandDims(x, axis);
    }

    /** {@code axis} null: every dimension of size 1. */
    @JSExport
    public static Tensor squeeze(Tensor x, int[] axis) {
        return Transform.squeeze(x, axis);
    }

    @JSExport
    public static Tensor concat(TensorList tensors, int axis) {
        return Transform.concat(tensors.toArray(), axis);
    }

    @JSExport
    public static Tensor stack(TensorList tensors, int axis) {
        return Transform.stack(tensors.toArray(), axis);
    }

    /** The parts, read in JS with {@code size()} and {@code get(i)}. */
    @JSExport
    public static Tensor[] unstack(Tensor x, int axis) {
        return Transform.unstack(x, axis);
    }

    @JSExport
    public static Tensor[] splitNum(Tensor x, int numSplits, int axis) {
        return Transform.split(x, numSplits, axis);
    }

    @JSExport
    public static Tensor[] splitSizes(Tensor x, int[] sizes, int axis) {
        return Transform.split(x, sizes, axis);
    }

    /** {@code size} null: to the end of every dimension. */
    @JSExport
    public static Tensor slice(Tensor x, int[] begin, int[] size) {
        return Transform.slice(x, begin, size);
    }

    @JSExport
    public static Tensor slice1d(Tensor x, int begin, int size) {
        return Transform.slice1d(x, begin, size);
    }

    @JSExport
    public static Tensor sliceNd(Tensor x, int[] begin, int[] size, int rank) {
        switch (rank) {
            case 2:
                return Transform.slice2d(x, begin, size);
            case 3:
                return Transform.slice3d(x, begin, size);
            default:
                return Transform.slice4d(x, begin, size);
        }
    }

    /** {@code strides} null: all 1. */
    @JSExport
    public static Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides, int beginMask, int endMask,
            int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        return Transform.stridedSlice(x, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask,
                shrinkAxisMask);
    }

    @JSExport
    public static Tensor gather(Tensor x, Tensor indices, int axis, int batchDims) {
        return Transform.gather(x, indices, axis, batchDims);
    }

    @JSExport
    public static Tensor gatherND(Tensor x, Tensor indices) {
        return Transform.gatherND(x, indices);
    }

    @JSExport
    public static Tensor pad(Tensor x, int[] values, int[] lengths, double constantValue) {
        return Transform.pad(x, rows(values, lengths), constantValue);
    }

    @JSExport
    public static Tensor pad1d(Tensor x, int[] paddings, double constantValue) {
        return Transform.pad1d(x, paddings, constantValue);
    }

    @JSExport
    public static Tensor padNd(Tensor x, int[] values, int[] lengths, double constantValue, int rank) {
        int[][] p = rows(values, lengths);
        switch (rank) {
            case 2:
                return Transform.pad2d(x, p, constantValue);
            case 3:
                return Transform.pad3d(x, p, constantValue);
            default:
                return Transform.pad4d(x, p, constantValue);
        }
    }

    @JSExport
    public static Tensor mirrorPad(Tensor x, int[] values, int[] lengths, String mode) {
        return Transform.mirrorPad(x, rows(values, lengths), mode);
    }

    @JSExport
    public static Tensor tile(Tensor x, int[] reps) {
        return Transform.tile(x, reps);
    }

    /** {@code axis} null: every dimension. */
    @JSExport
    public static Tensor reverse(Tensor x, int[] axis) {
        return Transform.reverse(x, axis);
    }

    @JSExport
    public static Tensor reverseNd(Tensor x, int[] axis, int rank) {
        switch (rank) {
            case 1:
                return Transform.reverse1d(x);
            case 2:
                return Transform.reverse2d(x, axis);
            case 3:
                return Transform.reverse3d(x, axis);
            default:
                return Transform.reverse4d(x, axis);
        }
    }

    @JSExport
    public static Tensor batchToSpaceND(Tensor x, int[] blockShape, int[] values, int[] lengths) {
        return Transform.batchToSpaceND(x, blockShape, rows(values, lengths));
    }

    @JSExport
    public static Tensor spaceToBatchND(Tensor x, int[] blockShape, int[] values, int[] lengths) {
        return Transform.spaceToBatchND(x, blockShape, rows(values, lengths));
    }

    @JSExport
    public static Tensor depthToSpace(Tensor x, int blockSize, String dataFormat) {
        return Transform.depthToSpace(x, blockSize, dataFormat);
    }

    @JSExport
    public static Tensor broadcastTo(Tensor x, int[] shape) {
        return Transform.broadcastTo(x, shape);
    }
}
