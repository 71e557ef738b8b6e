package dev.samovar.grad;

import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;

/** Helpers shared by gradient files. */
public final class GradSupport {
    private GradSupport() {
    }

    /**
     * The gradient of a broadcast input: dy summed over the axes along which {@code inShape} was
     * broadcast to dy's shape, then reshaped to {@code inShape} (TF.js's pattern in Add, Mul, ...).
     */
    public static Tensor unbroadcast(Tensor dy, int[] inShape) {
        int[] axes = Shapes.reductionAxes(inShape, dy.shapeRef());
        Tensor res = axes.length > 0 ? Reduction.sum(dy, axes, false) : dy;
        return Transform.reshape(res, inShape);
    }

    /** As {@link #unbroadcast}, but only reshaping when a reduction happened (TF.js's Mul grad). */
    public static Tensor reduceToShape(Tensor res, int[] inShape) {
        int[] axes = Shapes.reductionAxes(inShape, res.shapeRef());
        if (axes.length > 0) {
            return Transform.reshape(Reduction.sum(res, axes, false), inShape);
        }
        return res;
    }

    /** {@code t} as float32 (TF.js's cast(t, 'float32')). */
    public static Tensor f32(Tensor t) {
        return Transform.cast(t, DType.FLOAT32);
    }

    /** The broadcast shape of two inputs of a binary kernel. */
    public static int[] outShape(int[] a, int[] b) {
        return Shapes.broadcastShapes(a, b);
    }
}
