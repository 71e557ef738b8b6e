package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.grad.LayoutSupport.keepDimsShape;
import static dev.samovar.grad.LayoutSupport.reducedShape;

import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;

/**
 * Gradients of Samovar's fused LogSumExp and Moments kernels: TF.js runs tf.logSumExp and
 * tf.moments as compositions of ops, so these replay the backward pass TF.js runs through that
 * composition, gradient by gradient and in its order (so values match to the rounding), from
 * intermediates recomputed with the same ops.
 */
final class FusedReductionGradients {
    private FusedReductionGradients() {
    }

    static void register() {
        GradientRegistry.register("LogSumExp", new int[] {0}, null, FusedReductionGradients::logSumExpGrad);
        GradientRegistry.register("Moments", new int[] {0}, null, FusedReductionGradients::momentsGrad);
    }

    /**
     * TF.js's logSumExp: m = max(x, axes, keepDims), a = x - m, b = exp(a), c = sum(b, axes),
     * y = reshape(m) + log(c) (reshaped to keep the dims if asked). Backward, in TF.js's tape
     * order: Add, Reshape of m, Log, Sum, Exp, Sub (x, then m), Max.
     */
    private static Tensor logSumExpGrad(int input, GradientContext g) {
        Tensor x = g.saved(0);
        int[] axes = ReductionGradients.axes(g);
        int[] xShape = x.shapeRef();
        int[] kept = keepDimsShape(xShape, axes);
        int[] reduced = reducedShape(xShape, axes);
        Tensor max = Reduction.max(x, axes, true);
        Tensor b = Unary.exp(Arithmetic.sub(x, max));
        Tensor c = Reduction.sum(b, axes, false);
        Tensor dy = Transform.reshape(g.dy(), reduced);
        Tensor dMaxFromAdd = Transform.reshape(dy, kept);
        Tensor dC = Arithmetic.div(dy, f32(c));
        Tensor dB = Arithmetic.mul(Transform.reshape(dC, kept), Creation.ones(xShape));
        Tensor dA = Arithmetic.mul(dB, b);
        Tensor dxFromSub = Transform.reshape(dA, xShape);
        Tensor dMax = Arithmetic.add(dMaxFromAdd, ReductionGradients.subGradB(dA, kept));
        Tensor dxFromMax = ReductionGradients.minMaxGrad(dMax, max, x, axes);
        return Arithmetic.add(dxFromSub, dxFromMax);
    }

    /**
     * TF.js's moments: mean = mean(x, axes, keepDims), d = cast(x, float32) - reshape(mean, kept),
     * variance = mean(square(d), axes, keepDims). Backward, in TF.js's tape order: the variance's
     * Mean, Square, Sub (x, then the mean), Reshape, Cast, then the mean's Mean with the mean's
     * gradient plus what came through the variance.
     *
     * <p>The engine hands a zero gradient to an output nothing flowed into; TF.js skips its branch
     * instead. The results are the same except where x holds NaN or infinities and only the mean is
     * used: the zero variance gradient then meets a NaN deviation here.
     */
    private static Tensor momentsGrad(int input, GradientContext g) {
        Tensor x = g.saved(0);
        int[] axes = ReductionGradients.axes(g);
        boolean keepDims = g.attrs().getBool("keepDims", false);
        int[] xShape = x.shapeRef();
        int[] kept = keepDimsShape(xShape, axes);
        int[] meanShape = keepDims ? kept : reducedShape(xShape, axes);
        Tensor mean = Reduction.mean(x, axes, keepDims);
        Tensor dev = Arithmetic.sub(f32(x), Transform.reshape(mean, kept));
        Tensor dSquare = ReductionGradients.meanGrad(g.dy(1), xShape, axes);
        Tensor dDev = ReductionGradients.squareGrad(dSquare, dev);
        Tensor dxFromCast = Transform.reshape(dDev, xShape);
        Tensor dMeanFromVariance = Transform.reshape(ReductionGradients.subGradB(dDev, kept), meanShape);
        Tensor dMean = Arithmetic.add(g.dy(0), dMeanFromVariance);
        return Arithmetic.add(dxFromCast, ReductionGradients.meanGrad(dMean, xShape, axes));
    }
}
