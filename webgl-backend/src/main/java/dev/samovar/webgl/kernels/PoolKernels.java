package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.webgl.Program;

/**
 * Pooling (NHWC) and its gradients: MaxPool, AvgPool, MaxPoolGrad, AvgPoolGrad. As the cpu kernels
 * and TF.js: max ignores NaN and an empty window gives -Infinity; the average divides by the
 * pixels inside the window (NaN for none); MaxPoolGrad sends dy to the first strict maximum of
 * each window (found by a positions program, as TF.js's webgl backend does); AvgPoolGrad sends
 * dy / (filter height * filter width) to every pixel of the window.
 *
 * <p>Left to the cpu kernels: int32 / bool inputs, DilatedPool / DilatedPoolGrad (tf.pool with
 * dilations), and a dy whose shape is not the forward output's (a dimRoundingMode the backward
 * pass does not get).
 */
final class PoolKernels {
    private PoolKernels() {
    }

    static void register() {
        Gpu.register("MaxPool", (in, at, be) -> pool(in, at, true));
        Gpu.register("AvgPool", (in, at, be) -> pool(in, at, false));
        Gpu.register("MaxPoolGrad", PoolKernels::maxPoolGrad);
        Gpu.register("AvgPoolGrad", PoolKernels::avgPoolGrad);
    }

    /** The geometry's uniforms: input size, strides, padding, filter. */
    static Program geometry(Program p, ConvGeometry g) {
        return p.shapeInt("inH", g.inHeight).shapeInt("inW", g.inWidth).shapeInt("sH", g.strideHeight)
                .shapeInt("sW", g.strideWidth).shapeInt("padT", g.padTop).shapeInt("padL", g.padLeft)
                .shapeInt("fH", g.filterHeight).shapeInt("fW", g.filterWidth).shapeInt("dH", g.dilationHeight)
                .shapeInt("dW", g.dilationWidth);
    }

    private static ConvGeometry geometryOf(int[] xShape, Attrs attrs, boolean rounding) {
        return ConvGeometry.pool2d(xShape, attrs.getInts("filterSize"), attrs.getInts("strides", null),
                new int[] {1}, attrs.get("pad"), rounding ? attrs.getString("dimRoundingMode", null) : null);
    }

    private static Tensor[] pool(Tensor[] inputs, Attrs attrs, boolean max) {
        Tensor x = inputs[0];
        String name = max ? "MaxPool" : "AvgPool";
        if (x.dtype() != DType.FLOAT32 || x.rank() != 4) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        ConvGeometry g = geometryOf(x.shapeRef(), attrs, true);
        if (g.filterWidth == 1 && g.filterHeight == 1 && Shapes.equal(g.inShape, g.outShape)) {
            return Gpu.one(Engine.get().runKernel1("Identity", Attrs.EMPTY, x));
        }
        String body = "  int r0 = c1 * sH - padT;\n  int q0 = c2 * sW - padL;\n"
                + (max ? "  float best = -INFINITY;\n" : "  float sum = 0.0;\n  int count = 0;\n")
                + "  for (int i = 0; i < fH; i++) {\n"
                + "    int r = r0 + i * dH;\n"
                + "    if (r < 0 || r >= inH) continue;\n"
                + "    for (int j = 0; j < fW; j++) {\n"
                + "      int q = q0 + j * dW;\n"
                + "      if (q < 0 || q >= inW) continue;\n"
                + "      float v = getX(c0, r, q, c3);\n"
                + (max ? "      if (v > best) best = v;\n" : "      sum += v;\n      count++;\n")
                + "    }\n  }\n"
                + (max ? "  return best;" : "  return count == 0 ? NAN : sum / float(count);");
        Program p = Program.element(name, g.outShape, DType.FLOAT32).input("X", x).body(body);
        return Gpu.one(geometry(p, g).run());
    }

    private static Tensor[] maxPoolGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor dy = inputs[0];
        Tensor x = inputs[1];
        if (x.dtype() != DType.FLOAT32 || dy.dtype() != DType.FLOAT32 || x.rank() != 4) {
            return Gpu.onCpu("MaxPoolGrad", inputs, attrs);
        }
        ConvGeometry g = geometryOf(x.shapeRef(), attrs, true);
        if (!Shapes.equal(dy.shapeRef(), g.outShape) || x.size() == 0) {
            return Gpu.onCpu("MaxPoolGrad", inputs, attrs);
        }
        // Pass 1: per output pixel and channel, the window offset (i * fW + j) of the first strict
        // maximum, or -1.
        Program pos = Program.element("MaxPoolPositions", g.outShape, DType.INT32).input("X", x)
                .body("  int r0 = c1 * sH - padT;\n  int q0 = c2 * sW - padL;\n"
                        + "  float best = -INFINITY;\n  int at = -1;\n"
                        + "  for (int i = 0; i < fH; i++) {\n"
                        + "    int r = r0 + i * dH;\n"
                        + "    if (r < 0 || r >= inH) continue;\n"
                        + "    for (int j = 0; j < fW; j++) {\n"
                        + "      int q = q0 + j * dW;\n"
                        + "      if (q < 0 || q >= inW) continue;\n"
                        + "      float v = getX(c0, r, q, c3);\n"
                        + "      if (v > best) { best = v; at = i * fW + j; }\n"
                        + "    }\n  }\n  return at;");
        Tensor positions = geometry(pos, g).run();
        // Pass 2: each input pixel sums dy over the windows whose maximum it is.
        Program p = Program.element("MaxPoolGrad", x.shapeRef(), DType.FLOAT32).input("DY", dy).input("P", positions)
                .shapeInt("outH", g.outHeight).shapeInt("outW", g.outWidth)
                .body("  float sum = 0.0;\n"
                        + "  for (int i = 0; i < fH; i++) {\n"
                        + "    int rn = c1 + padT - i;\n"
                        + "    if (rn < 0) break;\n"
                        + "    int yr = rn / sH;\n"
                        + "    if (yr * sH != rn || yr >= outH) continue;\n"
                        + "    for (int j = 0; j < fW; j++) {\n"
                        + "      int qn = c2 + padL - j;\n"
                        + "      if (qn < 0) break;\n"
                        + "      int yc = qn / sW;\n"
                        + "      if (yc * sW != qn || yc >= outW) continue;\n"
                        + "      if (getP(c0, yr, yc, c3) == i * fW + j) sum += getDY(c0, yr, yc, c3);\n"
                        + "    }\n  }\n  return sum;");
        Tensor dx = geometry(p, g).run();
        positions.dispose();
        return Gpu.one(dx);
    }

    private static Tensor[] avgPoolGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor dy = inputs[0];
        Tensor x = inputs[1];
        if (dy.dtype() != DType.FLOAT32 || x.rank() != 4) {
            return Gpu.onCpu("AvgPoolGrad", inputs, attrs);
        }
        ConvGeometry g = geometryOf(x.shapeRef(), attrs, false);
        if (!Shapes.equal(dy.shapeRef(), g.outShape) || x.size() == 0) {
            return Gpu.onCpu("AvgPoolGrad", inputs, attrs);
        }
        Program p = Program.element("AvgPoolGrad", x.shapeRef(), DType.FLOAT32).input("DY", dy)
                .shapeInt("outH", g.outHeight).shapeInt("outW", g.outWidth)
                .uniformFloat("avgMul", 1.0 / (g.filterHeight * g.filterWidth))
                .body("  float sum = 0.0;\n"
                        + "  for (int i = 0; i < fH; i++) {\n"
                        + "    int rn = c1 + padT - i;\n"
                        + "    if (rn < 0) break;\n"
                        + "    int yr = rn / sH;\n"
                        + "    if (yr * sH != rn || yr >= outH) continue;\n"
                        + "    for (int j = 0; j < fW; j++) {\n"
                        + "      int qn = c2 + padL - j;\n"
                        + "      if (qn < 0) break;\n"
                        + "      int yc = qn / sW;\n"
                        + "      if (yc * sW != qn || yc >= outW) continue;\n"
                        + "      sum += getDY(c0, yr, yc, c3);\n"
                        + "    }\n  }\n  return sum * avgMul;");
        return Gpu.one(geometry(p, g).run());
    }
}
