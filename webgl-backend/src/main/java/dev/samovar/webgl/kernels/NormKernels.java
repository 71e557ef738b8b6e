package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * FusedBatchNorm, LRN and LRNGrad in float32. As the cpu kernels: batchNorm's parameters are read
 * cyclically (element i reads parameter value i modulo its length), a missing offset is 0 and a
 * missing scale 1. int32 / bool inputs and empty parameters are left to the cpu kernels.
 */
final class NormKernels {
    private NormKernels() {
    }

    static void register() {
        Gpu.register("FusedBatchNorm", NormKernels::batchNorm);
        Gpu.register("LRN", NormKernels::lrn);
        Gpu.register("LRNGrad", NormKernels::lrnGrad);
    }

    /**
     * batchNorm four channels at a time when the parameters are per channel (C values, C a multiple
     * of 4, or one value): each output texel reads its input texel at the same place (the output
     * takes the input's texture layout) and one texel of each parameter. Null otherwise.
     */
    private static Tensor batchNormTexels(Tensor x, Tensor[] params, double eps) {
        int[] xs = x.shapeRef();
        int c = xs.length == 0 ? 1 : xs[xs.length - 1];
        if (c % 4 != 0 || x.size() == 0) {
            return null;
        }
        dev.samovar.webgl.WebGLBackend be = dev.samovar.webgl.WebGLBackend.get();
        int xw = be.textureWidth(x);
        if (!dev.samovar.webgl.Layout.rowAligned(xw, c)) {
            return null;
        }
        String[] names = {"M", "V", "O", "S"};
        String[] reads = {"vec4(0.0)", "vec4(1.0)", "vec4(0.0)", "vec4(1.0)"};
        Program p = Program.texel("BatchNormTexels", xs, DType.FLOAT32).constantShapes().outTextureWidth(xw)
                .input("X", x);
        for (int k = 0; k < 4; k++) {
            Tensor t = params[k];
            if (t == null) {
                continue;
            }
            if (t.size() == 1) {
                reads[k] = "vec4(" + names[k] + "_at(0))";
            } else if (t.size() == c && be.textureWidth(t) == c / 4) {
                reads[k] = names[k] + "_texel(imod(t, " + (c / 4) + "))";
            } else {
                return null;
            }
            p.input(names[k], t);
        }
        p.uniformFloat("bnEps", eps);
        p.body("  vec4 m = " + reads[0] + "; vec4 v = " + reads[1] + "; vec4 o = " + reads[2] + "; vec4 s = "
                + reads[3] + ";\n  return o + (X_texelXY(x, y) - m) * s / sqrt(v + bnEps);");
        return p.run();
    }

    private static Tensor[] batchNorm(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        boolean noOffset = attrs.getBool("noOffset", false);
        Tensor mean = inputs[1];
        Tensor variance = inputs[2];
        Tensor offset = inputs.length > 3 && !noOffset ? inputs[3] : null;
        Tensor scale = noOffset ? (inputs.length > 3 ? inputs[3] : null) : inputs.length > 4 ? inputs[4] : null;
        Tensor[] params = {mean, variance, offset, scale};
        for (Tensor t : params) {
            if (t != null && (t.size() == 0 || t.dtype() != DType.FLOAT32)) {
                return Gpu.onCpu("FusedBatchNorm", inputs, attrs);
            }
        }
        if (x.dtype() != DType.FLOAT32 || mean == null || variance == null) {
            return Gpu.onCpu("FusedBatchNorm", inputs, attrs);
        }
        Tensor texelwise = batchNormTexels(x, params, attrs.getDouble("varianceEpsilon"));
        if (texelwise != null) {
            return Gpu.one(texelwise);
        }
        Program p = Program.element("FusedBatchNorm", x.shapeRef(), DType.FLOAT32).constantShapes().input("X", x);
        String[] names = {"M", "V", "O", "S"};
        String[] reads = new String[4];
        for (int k = 0; k < 4; k++) {
            Tensor t = params[k];
            if (t == null) {
                reads[k] = k == 2 ? "0.0" : "1.0";
            } else if (t.size() == x.size()) {
                p.input(names[k], t);
                reads[k] = names[k] + "_at(idx)";
            } else {
                p.input(names[k], t).shapeInt("bn" + names[k], t.size());
                reads[k] = names[k] + "_at(imod(idx, bn" + names[k] + "))";
            }
        }
        p.uniformFloat("bnEps", attrs.getDouble("varianceEpsilon"));
        p.body("  return " + reads[2] + " + (X_at(idx) - " + reads[0] + ") * " + reads[3] + " / sqrt(" + reads[1]
                + " + bnEps);");
        return Gpu.one(p.run());
    }

    /** Math.pow's cases GLSL's pow leaves undefined (NaN, zero or negative bases). */
    static final String POW = "float powJs(float b, float e) {\n"
            + "  if (isNaN(b) || isNaN(e)) return NAN;\n"
            + "  if (e == 0.0) return 1.0;\n"
            + "  if (b == 0.0) return e < 0.0 ? INFINITY : 0.0;\n"
            + "  if (b < 0.0) {\n"
            + "    if (floor(e) != e) return NAN;\n"
            + "    float r = exp2(e * log2(-b));\n"
            + "    return mod(e, 2.0) == 1.0 ? -r : r;\n"
            + "  }\n"
            + "  return exp2(e * log2(b));\n"
            + "}\n";

    private static Program lrnParams(Program p, Attrs attrs, int channels) {
        return p.functions(POW).shapeInt("lrnR", attrs.getInt("depthRadius")).shapeInt("lrnC", channels)
                .uniformFloat("lrnBias", attrs.getDouble("bias")).uniformFloat("lrnAlpha", attrs.getDouble("alpha"))
                .uniformFloat("lrnBeta", attrs.getDouble("beta"));
    }

    private static Tensor[] lrn(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        if (x.dtype() != DType.FLOAT32 || x.rank() != 4) {
            return Gpu.onCpu("LRN", inputs, attrs);
        }
        int channels = x.shapeRef()[3];
        Program p = Program.element("LRN", x.shapeRef(), DType.FLOAT32).constantShapes().input("X", x)
                .body("  int base = idx - c3;\n"
                        + "  int lo = max(0, c3 - lrnR);\n  int hi = min(c3 + lrnR, lrnC - 1);\n"
                        + "  float sum = 0.0;\n"
                        + "  for (int k = lo; k <= hi; k++) { float z = X_at(base + k); sum += z * z; }\n"
                        + "  return X_at(idx) * powJs(lrnBias + lrnAlpha * sum, -lrnBeta);");
        return Gpu.one(lrnParams(p, attrs, channels).run());
    }

    /**
     * result[k] = sum over the channels c whose window holds k of dy[c] * (scale * x[k] * y[c] /
     * norm[c] + (k == c ? norm[c]^-beta : 0)), norm[c] = alpha * (sum of x^2 over c's window) + bias.
     */
    private static Tensor[] lrnGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor y = inputs[1];
        Tensor dy = inputs[2];
        if (x.dtype() != DType.FLOAT32 || y.dtype() != DType.FLOAT32 || dy.dtype() != DType.FLOAT32 || dy.rank() != 4
                || x.size() != dy.size() || y.size() != dy.size()) {
            return Gpu.onCpu("LRNGrad", inputs, attrs);
        }
        int channels = dy.shapeRef()[3];
        Program p = Program.element("LRNGrad", dy.shapeRef(), DType.FLOAT32).constantShapes().input("X", x).input("Y", y).input("DY", dy)
                .uniformFloat("lrnScale", -2 * attrs.getDouble("alpha") * attrs.getDouble("beta"))
                .body("  int base = idx - c3;\n"
                        + "  float xk = X_at(idx);\n"
                        + "  float result = 0.0;\n"
                        + "  int lo = max(0, c3 - lrnR);\n  int hi = min(c3 + lrnR, lrnC - 1);\n"
                        + "  for (int c = lo; c <= hi; c++) {\n"
                        + "    int b = max(0, c - lrnR);\n    int e = min(lrnC, c + lrnR + 1);\n"
                        + "    float norm = 0.0;\n"
                        + "    for (int k = b; k < e; k++) { float v = X_at(base + k); norm += v * v; }\n"
                        + "    norm = lrnAlpha * norm + lrnBias;\n"
                        + "    float d = lrnScale * xk * Y_at(base + c) / norm;\n"
                        + "    if (c == c3) d += powJs(norm, -lrnBeta);\n"
                        + "    result += d * DY_at(base + c);\n"
                        + "  }\n  return result;");
        return Gpu.one(lrnParams(p, attrs, channels).run());
    }
}
