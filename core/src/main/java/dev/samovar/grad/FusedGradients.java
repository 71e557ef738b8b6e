package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.grad.GradSupport.reduceToShape;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.function.Supplier;

/**
 * Gradients of the fused kernels (_FusedMatMul, FusedConv2D, FusedDepthwiseConv2D), for the bias
 * and every activation.
 *
 * <p>TF.js runs these kernels under a gradient only with a linear activation (a customGrad whose
 * gradient is the unfused one); with another activation it runs the unfused ops (matMul or conv,
 * add, activation) and differentiates those. Samovar always runs the fused kernel, so its gradient
 * is the one TF.js gets either way: the activation's gradient as TF.js's Relu / Relu6 / Elu /
 * LeakyRelu / Prelu / Sigmoid gradients compute it, then the bias gradient (dy summed over the
 * broadcast axes) and the matMul or convolution gradient of that. Activations whose gradient
 * needs the value before the activation (relu6, prelu, leakyrelu with a negative alpha) recompute
 * it with the same kernel and a linear activation. Unlike TF.js, broadcast batch dimensions,
 * dilations and NCHW convolutions get correct gradients instead of errors.
 */
final class FusedGradients {
    private FusedGradients() {
    }

    static void register() {
        GradientRegistry.registerSavingAllInputs("_FusedMatMul", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            boolean ta = a.getBool("transposeA", false);
            boolean tb = a.getBool("transposeB", false);
            Parts p = new Parts(g, false);
            Tensor dyAct = p.dyActivation(() -> {
                Attrs linear = Attrs.of().put("transposeA", ta).put("transposeB", tb).put("activation", "linear")
                        .put("leakyreluAlpha", p.leakyAlpha).put("hasBias", p.bias != null);
                return p.bias != null ? OpSupport.run("_FusedMatMul", linear, g.saved(0), g.saved(1), p.bias)
                        : OpSupport.run("_FusedMatMul", linear, g.saved(0), g.saved(1));
            });
            if (i < 2) {
                Tensor d = NnGradients.matMulGradient(i, dyAct, g.saved(0), g.saved(1), ta, tb);
                return reduceToShape(d, g.inputShape(i));
            }
            return p.extraGradient(i, dyAct);
        });
        GradientRegistry.registerSavingAllInputs("FusedConv2D", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            boolean nchw = "NCHW".equals(a.getString("dataFormat", "NHWC"));
            Parts p = new Parts(g, nchw);
            Tensor dyAct = p.dyActivation(() -> preActivation("FusedConv2D", g, p.bias));
            Tensor x = g.saved(0);
            Tensor filter = g.saved(1);
            String format = ConvGradients.format(a);
            int[] dil = ConvGradients.dilations(a);
            if (i == 0) {
                return NnBackprop.conv2DBackpropInput(x.shape(), dyAct, filter, ConvGradients.strides(a), a.get("pad"),
                        format, null, dil);
            } else if (i == 1) {
                return NnBackprop.conv2DBackpropFilter(x, dyAct, filter.shape(), ConvGradients.strides(a),
                        a.get("pad"), format, null, dil);
            }
            return p.extraGradient(i, dyAct);
        });
        GradientRegistry.registerSavingAllInputs("FusedDepthwiseConv2D", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            Parts p = new Parts(g, false);
            Tensor dyAct = p.dyActivation(() -> preActivation("FusedDepthwiseConv2D", g, p.bias));
            Tensor x = g.saved(0);
            Tensor filter = g.saved(1);
            String rounding = a.getString("dimRoundingMode", null);
            int[] dil = ConvGradients.dilations(a);
            if (i == 0) {
                return NnBackprop.depthwiseConv2dNativeBackpropInput(x.shape(), dyAct, filter,
                        ConvGradients.strides(a), a.get("pad"), dil, rounding);
            } else if (i == 1) {
                return NnBackprop.depthwiseConv2dNativeBackpropFilter(x, dyAct, filter.shape(),
                        ConvGradients.strides(a), a.get("pad"), dil, rounding);
            }
            return p.extraGradient(i, dyAct);
        });
    }

    /** The fused convolution's value before its activation: the same kernel, linear, with the bias. */
    private static Tensor preActivation(String kernel, GradientContext g, Tensor bias) {
        Attrs a = g.attrs();
        Attrs linear = Attrs.of().put("strides", a.getInts("strides", null)).put("pad", a.get("pad"))
                .put("dataFormat", a.getString("dataFormat", "NHWC")).put("dilations", a.getInts("dilations", null))
                .put("dimRoundingMode", a.getString("dimRoundingMode", null)).put("activation", "linear")
                .put("leakyreluAlpha", 0.2).put("hasBias", bias != null);
        return bias != null ? OpSupport.run(kernel, linear, g.saved(0), g.saved(1), bias)
                : OpSupport.run(kernel, linear, g.saved(0), g.saved(1));
    }

    /** A fused kernel's optional inputs, activation and output, as its gradient reads them. */
    private static final class Parts {
        final GradientContext g;
        final String activation;
        final double leakyAlpha;
        final Tensor bias;
        final int biasIndex;
        final Tensor prelu;
        final int preluIndex;
        final Tensor y;
        /** NCHW convolution: a 1-D bias or PReLU weights (length != 1) align with axis 1. */
        final boolean nchw;
        private Tensor pre;
        private Tensor preluMask;

        Parts(GradientContext g, boolean nchw) {
            this.g = g;
            this.nchw = nchw;
            Attrs a = g.attrs();
            activation = a.getString("activation", "linear");
            Object alpha = a.get("leakyreluAlpha");
            leakyAlpha = alpha == null ? 0.2 : ((Number) alpha).doubleValue();
            int next = 2;
            if (a.getBool("hasBias", false)) {
                biasIndex = next++;
                bias = g.saved(biasIndex);
            } else {
                biasIndex = -1;
                bias = null;
            }
            if (a.getBool("hasPrelu", false)) {
                preluIndex = next;
                prelu = g.saved(preluIndex);
            } else {
                preluIndex = -1;
                prelu = null;
            }
            y = g.saved(g.numInputs());
        }

        /** The shape a bias or PReLU weights broadcast with in the kernel. */
        int[] aligned(Tensor t) {
            int[] s = t.shapeRef();
            return nchw && s.length == 1 && s[0] != 1 ? new int[] {s[0], 1, 1} : s;
        }

        Tensor alignedTensor(Tensor t) {
            int[] s = aligned(t);
            return s == t.shapeRef() ? t : Transform.reshape(t, s);
        }

        /** The value before the activation (recomputed once, on demand). */
        Tensor pre(Supplier<Tensor> recompute) {
            if (pre == null) {
                pre = recompute.get();
            }
            return pre;
        }

        /** dy through the activation, as TF.js's gradient of the activation op computes it. */
        Tensor dyActivation(Supplier<Tensor> recompute) {
            Tensor dy = g.dy();
            switch (activation) {
                case "linear":
                    return dy;
                case "relu":
                    // Relu's gradient reads step(x); step(relu(x)) is the same.
                    return Arithmetic.mul(dy, f32(Unary.step(y)));
                case "relu6": {
                    Tensor x = pre(recompute);
                    Tensor mask = Arithmetic.mul(Logic.lessEqual(x, Creation.scalar(6f)), Unary.step(x));
                    return Arithmetic.mul(dy, f32(mask));
                }
                case "elu":
                    return eluGrad(dy, y);
                case "leakyrelu": {
                    // x > 0 exactly where leakyRelu(x) > 0, unless alpha is negative.
                    Tensor x = leakyAlpha < 0 ? pre(recompute) : y;
                    Tensor mask = Logic.greater(x, Creation.scalar(0f));
                    return Logic.where(mask, dy, Arithmetic.mul(dy, Creation.scalar((float) leakyAlpha)));
                }
                case "prelu": {
                    Tensor x = pre(recompute);
                    preluMask = Logic.greater(x, Creation.scalar(0f));
                    return Logic.where(preluMask, dy, Arithmetic.mul(dy, alignedTensor(prelu)));
                }
                case "sigmoid":
                    return Arithmetic.mul(dy, Arithmetic.mul(y, Arithmetic.sub(Creation.scalar(1f), y)));
                default:
                    throw new IllegalArgumentException("Cannot compute gradient for fused activation " + activation
                            + ".");
            }
        }

        /** The gradient of the bias (TF.js's getFusedBiasGradient) or of the PReLU weights. */
        Tensor extraGradient(int i, Tensor dyAct) {
            if (i == biasIndex) {
                Tensor res = GradSupport.unbroadcast(dyAct, aligned(bias));
                return Transform.reshape(res, bias.shape());
            }
            if (i == preluIndex) {
                // Prelu's gradient for alpha: dy * x where x <= 0, summed over the broadcast axes.
                Tensor dy = g.dy();
                Tensor res = Logic.where(preluMask, Creation.zerosLike(dy), Arithmetic.mul(dy, pre));
                int[] axes = Shapes.reductionAxes(aligned(prelu), dy.shapeRef());
                if (axes.length > 0) {
                    res = Reduction.sum(res, axes, false);
                }
                return Transform.reshape(res, prelu.shape());
            }
            throw new IllegalStateException("No input " + i + " in the fused kernel");
        }
    }

    /** TF.js's EluGrad kernel: dy where y >= 0, else dy * (y + 1). */
    private static Tensor eluGrad(Tensor dy, Tensor y) {
        return OpSupport.op("eluGrad", () -> OpSupport.run("EluGrad", null, dy, y));
    }
}
