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
 * Gradients of the fused kernels (_FusedMatMul, FusedConv2D, FusedDepthwiseConv2D) and of
 * _FusedActivation, for the bias and every activation.
 *
 * <p>TF.js runs its fused kernels under a gradient only with a linear activation (a customGrad
 * whose gradient is the unfused one); with another activation it runs the unfused ops (matMul or
 * conv, add, activation) and differentiates those. Samovar's fused ops, while a gradient is
 * recorded, run the kernel with a linear activation and then the activation as _FusedActivation
 * (see {@code Fused}), so the activation's gradient reads the value before the activation and is
 * computed once. The gradients give what TF.js gets: the activation's gradient as TF.js's Relu /
 * Relu6 / Elu / LeakyRelu / Prelu / Sigmoid gradients compute it, then the bias gradient (dy
 * summed over the broadcast axes) and the matMul or convolution gradient of that. A fused kernel
 * recorded with its activation (run directly) is differentiated the same way, recomputing the
 * value before the activation where the gradient needs it (relu6, prelu, leakyrelu with a negative
 * alpha). Unlike TF.js, broadcast batch dimensions, dilations and NCHW convolutions get correct
 * gradients instead of errors.
 */
final class FusedGradients {
    private FusedGradients() {
    }

    static void register() {
        GradientRegistry.registerSavingAllInputs("_FusedMatMul", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            boolean ta = a.getBool("transposeA", false);
            boolean tb = a.getBool("transposeB", false);
            Extras e = new Extras(g, false);
            Tensor dyAct = e.activation.dy(g.dy(), () -> {
                Attrs linear = Attrs.of().put("transposeA", ta).put("transposeB", tb).put("activation", "linear")
                        .put("leakyreluAlpha", e.activation.leakyAlpha).put("hasBias", e.bias != null);
                return e.bias != null ? OpSupport.run("_FusedMatMul", linear, g.saved(0), g.saved(1), e.bias)
                        : OpSupport.run("_FusedMatMul", linear, g.saved(0), g.saved(1));
            });
            if (i < 2) {
                Tensor d = NnGradients.matMulGradient(i, dyAct, g.saved(0), g.saved(1), ta, tb);
                return reduceToShape(d, g.inputShape(i));
            }
            return e.gradient(i, dyAct);
        });
        GradientRegistry.registerSavingAllInputs("FusedConv2D", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            Extras e = new Extras(g, "NCHW".equals(a.getString("dataFormat", "NHWC")));
            Tensor dyAct = e.activation.dy(g.dy(), () -> preActivation("FusedConv2D", g, e.bias));
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
            return e.gradient(i, dyAct);
        });
        GradientRegistry.registerSavingAllInputs("FusedDepthwiseConv2D", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            Extras e = new Extras(g, false);
            Tensor dyAct = e.activation.dy(g.dy(), () -> preActivation("FusedDepthwiseConv2D", g, e.bias));
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
            return e.gradient(i, dyAct);
        });
        // x (the value before the activation) and optional PReLU weights -> y.
        GradientRegistry.registerSavingAllInputs("_FusedActivation", new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            Tensor prelu = g.numInputs() > 1 ? g.saved(1) : null;
            Activation act = new Activation(a, g.saved(g.numInputs()), prelu, a.getBool("nchw", false));
            if (i == 0) {
                return act.dy(g.dy(), () -> g.saved(0));
            }
            return act.preluGradient(g.dy(), g.saved(0));
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

    /** A 1-D bias or PReLU weights of an NCHW convolution (length != 1) align with axis 1. */
    private static int[] aligned(Tensor t, boolean nchw) {
        int[] s = t.shapeRef();
        return nchw && s.length == 1 && s[0] != 1 ? new int[] {s[0], 1, 1} : s;
    }

    /** A fused kernel's optional inputs (bias, then PReLU weights) and activation. */
    private static final class Extras {
        final Tensor bias;
        final int biasIndex;
        final int preluIndex;
        final boolean nchw;
        final Activation activation;
        private Tensor pre;

        Extras(GradientContext g, boolean nchw) {
            this.nchw = nchw;
            Attrs a = g.attrs();
            int next = 2;
            if (a.getBool("hasBias", false)) {
                biasIndex = next++;
                bias = g.saved(biasIndex);
            } else {
                biasIndex = -1;
                bias = null;
            }
            preluIndex = a.getBool("hasPrelu", false) ? next : -1;
            activation = new Activation(a, g.saved(g.numInputs()), preluIndex >= 0 ? g.saved(preluIndex) : null,
                    nchw) {
                @Override
                Tensor pre(Supplier<Tensor> recompute) {
                    if (pre == null) {
                        pre = recompute.get();
                    }
                    return pre;
                }
            };
        }

        /** The gradient of the bias (TF.js's getFusedBiasGradient) or of the PReLU weights. */
        Tensor gradient(int i, Tensor dyAct) {
            if (i == biasIndex) {
                return Transform.reshape(GradSupport.unbroadcast(dyAct, aligned(bias, nchw)), bias.shape());
            }
            if (i == preluIndex) {
                return activation.preluGradient(activation.lastDy, pre);
            }
            throw new IllegalStateException("No input " + i + " in the fused kernel");
        }
    }

    /** An activation's gradient, as TF.js's gradient of the activation op computes it. */
    private static class Activation {
        final String name;
        final double leakyAlpha;
        final Tensor y;
        final Tensor prelu;
        final boolean nchw;
        Tensor lastDy;
        private Tensor preluMask;

        Activation(Attrs a, Tensor y, Tensor prelu, boolean nchw) {
            name = a.getString("activation", "linear");
            Object alpha = a.get("leakyreluAlpha");
            leakyAlpha = alpha == null ? 0.2 : ((Number) alpha).doubleValue();
            this.y = y;
            this.prelu = prelu;
            this.nchw = nchw;
        }

        /** The value before the activation. */
        Tensor pre(Supplier<Tensor> get) {
            return get.get();
        }

        /** dy through the activation. */
        Tensor dy(Tensor dy, Supplier<Tensor> preValue) {
            lastDy = dy;
            switch (name) {
                case "linear":
                    return dy;
                case "relu":
                    // Relu's gradient reads step(x); step(relu(x)) is the same.
                    return Arithmetic.mul(dy, f32(Unary.step(y)));
                case "relu6": {
                    Tensor x = pre(preValue);
                    Tensor mask = Arithmetic.mul(Logic.lessEqual(x, Creation.scalar(6f)), Unary.step(x));
                    return Arithmetic.mul(dy, f32(mask));
                }
                case "elu":
                    return OpSupport.op("eluGrad", () -> OpSupport.run("EluGrad", null, dy, y));
                case "leakyrelu": {
                    // x > 0 exactly where leakyRelu(x) > 0, unless alpha is negative.
                    Tensor x = leakyAlpha < 0 ? pre(preValue) : y;
                    Tensor mask = Logic.greater(x, Creation.scalar(0f));
                    return Logic.where(mask, dy, Arithmetic.mul(dy, Creation.scalar((float) leakyAlpha)));
                }
                case "prelu": {
                    Tensor x = pre(preValue);
                    preluMask = Logic.greater(x, Creation.scalar(0f));
                    return Logic.where(preluMask, dy, Arithmetic.mul(dy, alignedPrelu()));
                }
                case "sigmoid":
                    return Arithmetic.mul(dy, Arithmetic.mul(y, Arithmetic.sub(Creation.scalar(1f), y)));
                default:
                    throw new IllegalArgumentException("Cannot compute gradient for fused activation " + name + ".");
            }
        }

        private Tensor alignedPrelu() {
            int[] s = aligned(prelu, nchw);
            return s == prelu.shapeRef() ? prelu : Transform.reshape(prelu, s);
        }

        /** Prelu's gradient for alpha: dy * x where x &lt;= 0, summed over the broadcast axes. */
        Tensor preluGradient(Tensor dy, Tensor x) {
            Tensor mask = preluMask != null ? preluMask : Logic.greater(x, Creation.scalar(0f));
            Tensor res = Logic.where(mask, Creation.zerosLike(dy), Arithmetic.mul(dy, x));
            int[] axes = Shapes.reductionAxes(aligned(prelu, nchw), dy.shapeRef());
            if (axes.length > 0) {
                res = Reduction.sum(res, axes, false);
            }
            return Transform.reshape(res, prelu.shape());
        }
    }
}
