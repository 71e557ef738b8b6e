package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/** The fused kernels' activations, run unfused (as kernels) or as one scalar GLSL expression. */
final class Activations {
    private Activations() {
    }

    /** Applies the activation with the webgl kernels; {@code x} is consumed (disposed when replaced). */
    static Tensor apply(Tensor x, Tensor prelu, String act, double alpha) {
        Tensor r;
        switch (act) {
            case "relu":
                r = Engine.get().runKernel1("Relu", Attrs.EMPTY, x);
                break;
            case "relu6":
                r = Engine.get().runKernel1("Relu6", Attrs.EMPTY, x);
                break;
            case "elu":
                r = Engine.get().runKernel1("Elu", Attrs.EMPTY, x);
                break;
            case "sigmoid":
                r = Engine.get().runKernel1("Sigmoid", Attrs.EMPTY, x);
                break;
            case "leakyrelu":
                r = Engine.get().runKernel1("LeakyRelu", Attrs.of().put("alpha", alpha), x);
                break;
            case "prelu":
                r = Engine.get().runKernel1("Prelu", Attrs.EMPTY, x, prelu);
                break;
            default:
                return x;
        }
        x.dispose();
        return r;
    }

    /** A GLSL expression of float {@code v}: the activation (PReLU weights read as one value). */
    static String scalar(String act, Tensor prelu, String v, String j) {
        switch (act) {
            case "relu":
                return "(isNaN(" + v + ") || " + v + " > 0.0 ? " + v + " : 0.0)";
            case "relu6":
                return "(isNaN(" + v + ") ? " + v + " : clamp(" + v + ", 0.0, 6.0))";
            case "elu":
                return "(" + v + " >= 0.0 ? " + v + " : exp(" + v + ") - 1.0)";
            case "sigmoid":
                return "(isNaN(" + v + ") ? " + v + " : 1.0 / (1.0 + exp(-" + v + ")))";
            case "leakyrelu":
                return "(" + v + " < 0.0 ? LEAKY_ALPHA * " + v + " : " + v + ")";
            case "prelu":
                return "(" + v + " < 0.0 ? Alpha_at(" + (prelu.size() == 1 ? "0" : j) + ") * " + v + " : " + v + ")";
            default:
                return v;
        }
    }
}
