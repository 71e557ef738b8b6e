package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Tensor;

/**
 * The epilogue of the fused kernels (_FusedMatMul, FusedConv2D, FusedDepthwiseConv2D) in GLSL: bias
 * then activation, applied to four values of a texel at once. A bias or PReLU weights input is read
 * either as one value ({@code Bias_at(0)}) or as a vector along the output's last axis
 * ({@code Bias_texel(c4)}); other shapes run unfused (see {@link #inShader}).
 */
final class Fused {
    private Fused() {
    }

    /** The inputs after the first {@code start}: {bias|null, prelu|null}, as the attrs flag them. */
    static Tensor[] extras(Tensor[] inputs, int start, Attrs attrs) {
        int i = start;
        Tensor bias = attrs.getBool("hasBias", false) ? inputs[i++] : null;
        Tensor prelu = attrs.getBool("hasPrelu", false) ? inputs[i] : null;
        return new Tensor[] {bias, prelu};
    }

    /** Whether {@code t} (null, one value, or a vector of the last axis' {@code c} values) can be read in the shader. */
    static boolean inShader(Tensor t, int c) {
        if (t == null || t.size() == 1) {
            return true;
        }
        int[] s = t.shapeRef();
        return c % 4 == 0 && t.size() == c && s[s.length - 1] == c;
    }

    /** Whether the activation is one this backend computes in the shader. */
    static boolean knownActivation(String activation) {
        switch (activation) {
            case "linear":
            case "relu":
            case "relu6":
            case "elu":
            case "sigmoid":
            case "leakyrelu":
            case "prelu":
                return true;
            default:
                return false;
        }
    }

    /**
     * GLSL statements turning {@code vec4 acc} (four outputs along the last axis, at texel
     * {@code c4} of that axis) into the fused result.
     */
    static String epilogue(Tensor bias, Tensor prelu, String activation, String c4) {
        StringBuilder sb = new StringBuilder();
        if (bias != null) {
            sb.append(bias.size() == 1 ? "  acc += vec4(Bias_at(0));\n" : "  acc += Bias_texel(" + c4 + ");\n");
        }
        sb.append("  vec4 pre = acc;\n");
        switch (activation) {
            case "relu":
                sb.append("  acc = mix(max(acc, vec4(0.0)), acc, isNaN(acc));\n");
                break;
            case "relu6":
                sb.append("  acc = mix(min(max(acc, vec4(0.0)), vec4(6.0)), acc, isNaN(acc));\n");
                break;
            case "elu":
                sb.append("  acc = mix(exp(acc) - 1.0, acc, greaterThanEqual(acc, vec4(0.0)));\n");
                break;
            case "sigmoid":
                sb.append("  acc = 1.0 / (1.0 + exp(-acc));\n");
                break;
            case "leakyrelu":
                sb.append("  acc = mix(acc, LEAKY_ALPHA * acc, lessThan(acc, vec4(0.0)));\n");
                break;
            case "prelu":
                sb.append(prelu.size() == 1 ? "  vec4 w = vec4(Alpha_at(0));\n" : "  vec4 w = Alpha_texel(" + c4 + ");\n");
                sb.append("  acc = mix(acc, w * acc, lessThan(acc, vec4(0.0)));\n");
                break;
            default:
                break;
        }
        sb.append("  acc = mix(acc, pre, isNaN(pre));\n");
        return sb.toString();
    }

    /** Adds the epilogue's inputs and parameters to a program. */
    static void addInputs(dev.samovar.webgl.Program p, Tensor bias, Tensor prelu, String activation, double alpha) {
        if (bias != null) {
            p.input("Bias", bias);
        }
        if ("prelu".equals(activation)) {
            p.input("Alpha", prelu);
        }
        if ("leakyrelu".equals(activation)) {
            p.uniformFloat("LEAKY_ALPHA", alpha);
        }
    }
}
