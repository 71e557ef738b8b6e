package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.reduceToShape;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;

/**
 * Gradients of matMul, convolution, pooling, normalization, softmax and fused kernels (the
 * convolution, pooling and fused ones in their own files), following TF.js's
 * {@code gradients/<Kernel>_grad.js} formulas and op order.
 */
final class NnGradients {
    private NnGradients() {
    }

    static void register() {
        registerMatMul();
        registerSoftmax();
        registerBatchNorm();
        GradientRegistry.register("LRN", new int[] {0}, new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            return NnBackprop.localResponseNormalizationBackprop(g.saved(0), g.saved(1), g.dy(),
                    a.getInt("depthRadius"), a.getDouble("bias"), a.getDouble("alpha"), a.getDouble("beta"));
        });
        ConvGradients.register();
        PoolGradients.register();
        Conv3DGradients.register();
        FusedGradients.register();
    }

    /**
     * TF.js's BatchMatMul gradient. Where the batch dimensions broadcast (TF.js's gradient then
     * fails on the shape), each product is summed over the broadcast axes back to the input's shape.
     */
    private static void registerMatMul() {
        GradientRegistry.register("BatchMatMul", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor d = matMulGradient(i, g.dy(), g.saved(0), g.saved(1), a.getBool("transposeA", false),
                    a.getBool("transposeB", false));
            return reduceToShape(d, g.inputShape(i));
        });
    }

    /** The gradient of matMul(a, b, ta, tb) with respect to a (input 0) or b, before any reduction. */
    static Tensor matMulGradient(int input, Tensor dy, Tensor a, Tensor b, boolean ta, boolean tb) {
        if (!ta && !tb) {
            return input == 0 ? Linalg.matMul(dy, b, false, true) : Linalg.matMul(a, dy, true, false);
        } else if (!ta) {
            return input == 0 ? Linalg.matMul(dy, b, false, false) : Linalg.matMul(dy, a, true, false);
        } else if (!tb) {
            return input == 0 ? Linalg.matMul(b, dy, false, true) : Linalg.matMul(a, dy, false, false);
        }
        return input == 0 ? Linalg.matMul(b, dy, true, true) : Linalg.matMul(dy, a, true, true);
    }

    private static void registerSoftmax() {
        GradientRegistry.register("Softmax", null, new boolean[] {true}, (i, g) -> {
            Tensor y = g.saved(0);
            int dim = g.attrs().getInt("dim");
            Tensor dyTimesY = Arithmetic.mul(g.dy(), y);
            return Arithmetic.sub(dyTimesY, Arithmetic.mul(Reduction.sum(dyTimesY, new int[] {dim}, true), y));
        });
        // TF.js's logSoftmax is a customGrad with this gradient.
        GradientRegistry.register("LogSoftmax", null, new boolean[] {true}, (i, g) -> {
            Tensor value = g.saved(0);
            int axis = g.attrs().getInt("axis");
            Tensor softmax = Unary.exp(value);
            return Arithmetic.sub(g.dy(), Arithmetic.mul(Reduction.sum(g.dy(), new int[] {axis}, true), softmax));
        });
    }

    /**
     * TF.js's FusedBatchNorm gradient. Samovar's kernel takes x, mean, variance, then offset and
     * scale when given (attr noOffset: the fourth input is the scale).
     */
    private static void registerBatchNorm() {
        GradientRegistry.registerSavingAllInputs("FusedBatchNorm", null, (i, g) -> {
            boolean noOffset = g.attrs().getBool("noOffset", false);
            int n = g.numInputs();
            int scaleIndex = noOffset ? 3 : n > 4 ? 4 : -1;
            int offsetIndex = !noOffset && n > 3 ? 3 : -1;
            Tensor x = g.saved(0);
            Tensor mean = g.saved(1);
            Tensor variance = g.saved(2);
            Tensor scale = scaleIndex >= 0 ? g.saved(scaleIndex) : null;
            Tensor dy = g.dy();
            Tensor scaleValue = scale == null ? Creation.scalar(1f) : scale;
            int[] meanShape = mean.shapeRef();
            int[] reductionAxes = Shapes.reductionAxes(meanShape, x.shapeRef());
            boolean meanRank1 = mean.rank() == 1;
            // TF.js computes x - mean and dy * scale first, for every input: their shapes fail first.
            Shapes.broadcastShapes(x.shapeRef(), meanShape);
            Shapes.broadcastShapes(dy.shapeRef(), scaleValue.shapeRef());
            Tensor oneOverSqrtVariance = Unary.rsqrt(Arithmetic.add(variance,
                    Creation.scalar((float) g.attrs().getDouble("varianceEpsilon"))));
            if (i == 0) {
                if (meanRank1) {
                    int[] xs = x.shapeRef();
                    int[] tileShape = new int[xs.length];
                    for (int k = 0; k < xs.length - 1; k++) {
                        tileShape[k] = xs[k];
                    }
                    tileShape[xs.length - 1] = 1;
                    Tensor tiled = Transform.tile(Transform.reshape(oneOverSqrtVariance, 1, 1, 1, meanShape[0]),
                            tileShape);
                    return Transform.reshape(Arithmetic.mul(Arithmetic.mul(dy, tiled), scaleValue), x.shape());
                }
                return Transform.reshape(Arithmetic.mul(Arithmetic.mul(dy, oneOverSqrtVariance), scaleValue),
                        x.shape());
            }
            Tensor res;
            if (i == 1) {
                Tensor dyTimesScaleValue = Arithmetic.mul(dy, scaleValue);
                res = Arithmetic.mul(Arithmetic.mul(oneOverSqrtVariance, Creation.scalar(-1f)), dyTimesScaleValue);
            } else if (i == 2) {
                Tensor xMinusMean = Arithmetic.sub(x, mean);
                Tensor dyTimesScaleValue = Arithmetic.mul(dy, scaleValue);
                Tensor minusHalfRCube = Arithmetic.mul(Arithmetic.mul(Arithmetic.mul(oneOverSqrtVariance,
                        oneOverSqrtVariance), oneOverSqrtVariance), Creation.scalar(-0.5f));
                res = Arithmetic.mul(Arithmetic.mul(minusHalfRCube, xMinusMean), dyTimesScaleValue);
            } else if (i == scaleIndex) {
                Tensor xMinusMean = Arithmetic.sub(x, mean);
                res = Arithmetic.mul(dy, Arithmetic.mul(xMinusMean, oneOverSqrtVariance));
            } else if (i == offsetIndex) {
                res = dy;
            } else {
                throw new IllegalStateException("FusedBatchNorm has no input " + i);
            }
            if (meanRank1) {
                res = Reduction.sum(res, reductionAxes, false);
            }
            return Transform.reshape(res, mean.shape());
        });
    }
}
