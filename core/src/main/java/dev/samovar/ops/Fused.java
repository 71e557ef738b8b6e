package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.fused: matMul, conv2d and depthwiseConv2d followed by an optional bias and activation
 * ('linear', 'relu', 'relu6', 'elu', 'prelu', 'leakyrelu', 'sigmoid') in one kernel. Values match
 * the unfused composition (each step rounds as TF.js's kernels do).
 */
public final class Fused {
    private Fused() {
    }

    private static String act(String activation) {
        return activation == null ? "linear" : activation;
    }

    /** JS's view of shape[i]: null where the index is out of range (undefined). */
    private static Integer at(int[] shape, int i) {
        return i >= 0 && i < shape.length ? shape[i] : null;
    }

    private static String js(Integer v) {
        return v == null ? "undefined" : String.valueOf(v);
    }

    /** TF.js's reshape of x to a shape that may hold undefined entries (rank &lt; 2 matMul inputs). */
    private static Tensor reshapeJs(Tensor x, Integer[] shape) {
        boolean undefined = false;
        StringBuilder s = new StringBuilder();
        long prod = 1;
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            if (shape[i] == null) {
                undefined = true;
            } else {
                s.append(shape[i]);
                prod *= shape[i];
            }
        }
        if (!undefined) {
            int[] sh = new int[shape.length];
            for (int i = 0; i < sh.length; i++) {
                sh[i] = shape[i];
            }
            return Transform.reshape(x, sh);
        }
        if (x.size() > 0 && x.size() != prod) {
            throw new IllegalArgumentException("Size(" + x.size() + ") must match the product of shape " + s);
        }
        throw new IllegalArgumentException("The new shape (" + s + ") has NaN elements and the old shape ("
                + Shapes.join(x.shapeRef()) + ") has " + x.size()
                + " elements. The new shape and old shape must have the same number of elements.");
    }

    /**
     * tf.fused.matMul({a, b, transposeA, transposeB, bias, activation, preluActivationWeights,
     * leakyreluAlpha = 0.2}).
     */
    public static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Tensor bias,
            String activation, Tensor preluActivationWeights, double leakyreluAlpha) {
        OpSupport.check(a, "a", "fused matMul");
        OpSupport.check(b, "b", "fused matMul");
        String activationName = act(activation);
        return OpSupport.op("fusedMatMul", () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            Tensor ta = ab[0];
            Tensor tb = ab[1];
            int[] as = ta.shapeRef();
            int[] bs = tb.shapeRef();
            int ar = as.length;
            int br = bs.length;
            Integer innerA = transposeA ? at(as, ar - 2) : at(as, ar - 1);
            Integer innerB = transposeB ? at(bs, br - 1) : at(bs, br - 2);
            Integer outerA = transposeA ? at(as, ar - 1) : at(as, ar - 2);
            Integer outerB = transposeB ? at(bs, br - 2) : at(bs, br - 1);
            int[] outerDimsA = java.util.Arrays.copyOf(as, Math.max(0, ar - 2));
            int[] outerDimsB = java.util.Arrays.copyOf(bs, Math.max(0, br - 2));
            int batchA = Shapes.sizeFromShape(outerDimsA);
            int batchB = Shapes.sizeFromShape(outerDimsB);
            boolean same = innerA == null ? innerB == null : innerA.equals(innerB);
            OpSupport.require(same, "Error in fused matMul: inner shapes (" + js(innerA) + ") and (" + js(innerB)
                    + ") of Tensors with shapes " + Shapes.join(as) + " and " + Shapes.join(bs) + " and transposeA="
                    + transposeA + " and transposeB=" + transposeB + " must match.");
            int[] outerDims = Shapes.broadcastShapes(outerDimsA, outerDimsB);
            Tensor a3 = transposeA ? reshapeJs(ta, new Integer[] {batchA, innerA, outerA})
                    : reshapeJs(ta, new Integer[] {batchA, outerA, innerA});
            Tensor b3 = transposeB ? reshapeJs(tb, new Integer[] {batchB, outerB, innerB})
                    : reshapeJs(tb, new Integer[] {batchB, innerB, outerB});
            int[] outShape = Shapes.concat(outerDims, new int[] {outerA, outerB});
            List<Tensor> inputs = new ArrayList<>();
            inputs.add(a3);
            inputs.add(b3);
            boolean split = splitActivation(activationName);
            Attrs attrs = Attrs.of().put("transposeA", transposeA).put("transposeB", transposeB)
                    .put("activation", split ? "linear" : activationName).put("leakyreluAlpha", leakyreluAlpha);
            if (bias != null) {
                OpSupport.check(bias, "bias", "fused matMul");
                Tensor tbias = OpSupport.makeTypesMatch(bias, ta)[0];
                Shapes.broadcastShapes(outShape, tbias.shapeRef());
                inputs.add(tbias);
                attrs.put("hasBias", true);
            }
            if (preluActivationWeights != null) {
                OpSupport.check(preluActivationWeights, "prelu weights", "fused matMul");
                if (!split) {
                    inputs.add(preluActivationWeights);
                    attrs.put("hasPrelu", true);
                }
            }
            Tensor res = OpSupport.run("_FusedMatMul", attrs, inputs.toArray(new Tensor[0]));
            if (split) {
                res = activate(res, activationName, leakyreluAlpha, preluActivationWeights, false);
            }
            return Transform.reshape(res, outShape);
        });
    }

    public static Tensor matMul(Tensor a, Tensor b) {
        return matMul(a, b, false, false, null, "linear", null, 0.2);
    }

    /**
     * Whether the activation runs as its own kernel after the fused one (with a linear activation):
     * while a gradient is recorded, as TF.js then runs the unfused activation op. The activation's
     * gradient then reads the value before the activation without recomputing it.
     */
    private static boolean splitActivation(String activation) {
        return !"linear".equals(activation) && Engine.get().isTapeOn();
    }

    /** The activation step on its own (_FusedActivation), with TF.js's errors for the unfused op. */
    private static Tensor activate(Tensor x, String activation, double leakyreluAlpha, Tensor prelu, boolean nchw) {
        switch (activation) {
            case "relu":
            case "relu6":
            case "elu":
            case "sigmoid":
            case "leakyrelu":
                break;
            case "prelu":
                if (prelu == null) {
                    throw new IllegalArgumentException(
                            "Argument 'alpha' passed to 'prelu' must be a Tensor or TensorLike, but got 'undefined'");
                }
                break;
            default:
                throw new IllegalArgumentException("Unknown fused activation " + activation + ".");
        }
        Attrs attrs = Attrs.of().put("activation", activation).put("leakyreluAlpha", leakyreluAlpha).put("nchw", nchw);
        return "prelu".equals(activation) ? OpSupport.run("_FusedActivation", attrs, x, prelu)
                : OpSupport.run("_FusedActivation", attrs, x);
    }

    /**
     * A missing leakyreluAlpha (NaN) of the fused convolutions: while a gradient is recorded, TF.js
     * runs the unfused leakyRelu, whose default alpha is 0.2 (its fused kernel reads undefined).
     */
    private static double gradientAlpha(double leakyreluAlpha) {
        return Double.isNaN(leakyreluAlpha) && Engine.get().isTapeOn() ? 0.2 : leakyreluAlpha;
    }

    /**
     * tf.fused.conv2d({x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1],
     * dimRoundingMode, bias, activation = 'linear', preluActivationWeights, leakyreluAlpha}).
     */
    public static Tensor conv2d(Tensor x, Tensor filter, int[] strides, Object pad, String dataFormat,
            int[] dilations, String dimRoundingMode, Tensor bias, String activation, Tensor preluActivationWeights,
            double leakyreluAlpha) {
        String activationName = act(activation);
        String format = dataFormat == null ? "NHWC" : dataFormat;
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        OpSupport.checkDtype(x, "x", "conv2d", DType.FLOAT32);
        OpSupport.checkDtype(filter, "filter", "conv2d", DType.FLOAT32);
        return OpSupport.op("fusedConv2d", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(x) : x;
            OpSupport.require(x4.rank() == 4,
                    "Error in fused conv2d: input must be rank 4, but got rank " + x4.rank() + ".");
            OpSupport.require(filter.rank() == 4,
                    "Error in fused conv2d: filter must be rank 4, but got rank " + filter.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("fused conv2d", pad, dimRoundingMode);
            boolean nhwc = "NHWC".equals(format);
            int inputChannels = nhwc ? x4.dim(3) : x4.dim(1);
            OpSupport.require(filter.dim(2) == inputChannels, "Error in conv2d: depth of input (" + inputChannels
                    + ") must match input depth for filter " + filter.dim(2) + ".");
            OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, dil),
                    "Error in conv2D: Either strides or dilations must be 1. Got strides "
                            + ConvGeometry.tupleToString(strides) + " and dilations '"
                            + ConvGeometry.tupleToString(dil) + "'");
            ConvGeometry info = ConvGeometry.conv2d(x4.shapeRef(), filter.shapeRef(), strides, dil, pad,
                    dimRoundingMode, false, true);
            List<Tensor> inputs = new ArrayList<>();
            inputs.add(x4);
            inputs.add(filter);
            boolean split = splitActivation(activationName);
            double alpha = gradientAlpha(leakyreluAlpha);
            Attrs attrs = Conv.convAttrs(strides, pad, format, dil, dimRoundingMode)
                    .put("activation", split ? "linear" : activationName).put("leakyreluAlpha", alpha);
            if (bias != null) {
                OpSupport.check(bias, "bias", "fused conv2d");
                Tensor tbias = OpSupport.makeTypesMatch(bias, x)[0];
                if (nhwc) {
                    Shapes.broadcastShapes(info.outShape, tbias.shapeRef());
                } else {
                    OpSupport.require(tbias.rank() <= 1, "Error in fused conv2d: only supports scalar or 1-D Tensor "
                            + "bias for NCHW format but got the bias of rank-" + tbias.rank() + ".");
                    OpSupport.require(tbias.rank() == 0 || tbias.dim(0) == info.outChannels || tbias.dim(0) == 1,
                            "Error in fused conv2d: bias shape (" + Shapes.join(tbias.shapeRef()) + ") is not "
                                    + "compatible with the number of output channels (" + info.outChannels + ")");
                }
                inputs.add(tbias);
                attrs.put("hasBias", true);
            }
            if (preluActivationWeights != null) {
                int[] alphaShape = preluActivationWeights.shapeRef();
                OpSupport.require(alphaShape.length <= 1 || alphaShape.length == 3,
                        "Error in fused conv2d: only supports scalar, 1-D Tensor or 3-D Tensor PReLU activation "
                                + "weights but got a tensor of rank-" + alphaShape.length + ".");
                if (alphaShape.length == 1) {
                    OpSupport.require(alphaShape[0] == 1 || alphaShape[0] == info.outChannels,
                            "Error in fused conv2d: PReLU activation weights (" + Shapes.join(alphaShape)
                                    + ") is not compatible with the number of output channels ("
                                    + info.outChannels + ").");
                } else if (alphaShape.length == 3) {
                    try {
                        Shapes.broadcastShapes(alphaShape, info.outShape);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Error in fused conv2d: PReLU activation weights ("
                                + Shapes.join(alphaShape) + ") is not compatible with the output shape of the "
                                + "conv2d (" + Shapes.join(info.outShape) + ").");
                    }
                }
                OpSupport.check(preluActivationWeights, "prelu weights", "fused conv2d");
                if (!split) {
                    inputs.add(preluActivationWeights);
                    attrs.put("hasPrelu", true);
                }
            }
            Tensor res = OpSupport.run("FusedConv2D", attrs, inputs.toArray(new Tensor[0]));
            if (split) {
                res = activate(res, activationName, alpha, preluActivationWeights, !nhwc);
            }
            return reshaped ? Conv.from4D(res) : res;
        });
    }

    /**
     * tf.fused.depthwiseConv2d({x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1],
     * dimRoundingMode, bias, activation = 'linear', preluActivationWeights, leakyreluAlpha}).
     */
    public static Tensor depthwiseConv2d(Tensor x, Tensor filter, int[] strides, Object pad, String dataFormat,
            int[] dilations, String dimRoundingMode, Tensor bias, String activation, Tensor preluActivationWeights,
            double leakyreluAlpha) {
        String activationName = act(activation);
        String format = dataFormat == null ? "NHWC" : dataFormat;
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        OpSupport.checkDtype(x, "x", "depthwiseConv2d", DType.FLOAT32);
        OpSupport.checkDtype(filter, "filter", "depthwiseConv2d", DType.FLOAT32);
        return OpSupport.op("fusedDepthwiseConv2d", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(x) : x;
            OpSupport.require(x4.rank() == 4,
                    "Error in fused depthwiseConv2d: input must be rank 4, but got rank " + x4.rank() + ".");
            OpSupport.require(filter.rank() == 4,
                    "Error in fused depthwiseConv2d: filter must be rank 4, but got rank " + filter.rank() + ".");
            OpSupport.require(x4.dim(3) == filter.dim(2), "Error in fused depthwiseConv2d: number of input channels ("
                    + x4.dim(3) + ") must match the inChannels dimension in filter " + filter.dim(2) + ".");
            OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, dil),
                    "Error in fused depthwiseConv2d: Either strides or dilations must be 1. Got strides "
                            + ConvGeometry.tupleToString(strides) + " and dilations '"
                            + ConvGeometry.tupleToString(dil) + "'");
            ConvGeometry.checkPadOnDimRoundingMode("fused depthwiseConv2d", pad, dimRoundingMode);
            ConvGeometry info = ConvGeometry.conv2d(x4.shapeRef(), filter.shapeRef(), strides, dil, pad,
                    dimRoundingMode, true, true);
            List<Tensor> inputs = new ArrayList<>();
            inputs.add(x4);
            inputs.add(filter);
            boolean split = splitActivation(activationName);
            double alpha = gradientAlpha(leakyreluAlpha);
            Attrs attrs = Conv.convAttrs(strides, pad, format, dil, dimRoundingMode)
                    .put("activation", split ? "linear" : activationName).put("leakyreluAlpha", alpha);
            if (bias != null) {
                OpSupport.check(bias, "bias", "fused conv2d");
                Tensor tbias = OpSupport.makeTypesMatch(bias, x)[0];
                Shapes.broadcastShapes(info.outShape, tbias.shapeRef());
                inputs.add(tbias);
                attrs.put("hasBias", true);
            }
            if (preluActivationWeights != null) {
                OpSupport.check(preluActivationWeights, "prelu weights", "fused depthwiseConv2d");
                if (!split) {
                    inputs.add(preluActivationWeights);
                    attrs.put("hasPrelu", true);
                }
            }
            Tensor res = OpSupport.run("FusedDepthwiseConv2D", attrs, inputs.toArray(new Tensor[0]));
            if (split) {
                res = activate(res, activationName, alpha, preluActivationWeights, false);
            }
            return reshaped ? Conv.from4D(res) : res;
        });
    }
}
