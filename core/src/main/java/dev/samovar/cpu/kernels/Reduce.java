package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
import dev.samovar.core.Attrs;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * The layout every reduction kernel works on, as TF.js's CPU kernels do: the reduced axes are
 * transposed to the end, so output element i reduces {@code values[i*reduceSize ... +reduceSize)}.
 */
public final class Reduce {
    /** float[] or int[] with the reduced axes innermost. */
    public final Object values;
    /** The output shape without the reduced axes (keepDims is applied by {@link #outShape}). */
    public final int[] outShapeNoKeep;
    public final int outSize;
    public final int reduceSize;
    private final int[] axes;
    private final int rank;

    private Reduce(Object values, int[] outShape, int reduceSize, int[] axes, int rank) {
        this.values = values;
        this.outShapeNoKeep = outShape;
        this.outSize = Shapes.sizeFromShape(outShape);
        this.reduceSize = reduceSize;
        this.axes = axes;
        this.rank = rank;
    }

    /** Reads attrs {@code axis} (int[], null = all) and lays out {@code x} for reduction. */
    public static Reduce of(Tensor x, Attrs attrs) {
        int rank = x.rank();
        int[] axes = Shapes.parseAxes(attrs.getInts("axis", null), rank);
        int[] perm = Shapes.axesPermutation(axes, rank);
        Object values = x.dataId().payload;
        int[] shape = x.shapeRef();
        if (perm != null) {
            values = TransposeKernel.transpose(values, shape, perm);
            shape = TransposeKernel.permuteShape(shape, perm);
        }
        int kept = rank - axes.length;
        int[] outShape = java.util.Arrays.copyOf(shape, kept);
        int reduceSize = 1;
        for (int i = kept; i < rank; i++) {
            reduceSize *= shape[i];
        }
        int[] sorted = axes.clone();
        java.util.Arrays.sort(sorted);
        return new Reduce(values, outShape, reduceSize, sorted, rank);
    }

    /** The output shape, with size-1 dimensions kept at the reduced axes when {@code keepDims}. */
    public int[] outShape(Attrs attrs) {
        if (!attrs.getBool("keepDims", false)) {
            return outShapeNoKeep;
        }
        int[] out = Cpu.newInts(rank);
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a] = true;
        }
        int j = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = reduced[i] ? 1 : outShapeNoKeep[j++];
        }
        return out;
    }
}
