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
 * DilatedPool and DilatedPoolGrad (tf.pool with dilations) follow the cpu kernels: padded pixels are
 * zeros (they can be a window's maximum, and then take its gradient away); averages count the
 * whole window.
 *
 * <p>Left to the cpu kernels: int32 / bool inputs, and a dy whose shape is not the forward
 * output's (a dimRoundingMode the backward pass does not get).
 */
final class PoolKernels {
    private PoolKernels() {
    }

    static void register() {
        Gpu.register("MaxPool", (in, at, be) -> pool(in, at, true));
        Gpu.register("AvgPool", (in, at, be) -> pool(in, at, false));
        Gpu.register("MaxPoolGrad", PoolKernels::maxPoolGrad);
        Gpu.register("AvgPoolGrad", PoolKernels::avgPoolGrad);
        Gpu.register("DilatedPool", PoolKernels::dilatedPool);
        Gpu.register("DilatedPoolGrad", PoolKernels::dilatedPoolGrad);
    }

    /**
     * tf.pool with dilations: {fh, fw, dh, dw, padTop, padLeft, outH, outW}, or null where the cpu
     * kernel throws TF.js's error (a crop below -1). The window samples every dilation-th pixel;
     * 'same' padding counts as zeros, as TF.js's spaceToBatchND / pool / batchToSpaceND composition.
     */
    private static int[] dilatedGeometry(int[] xs, Attrs attrs) {
        int[] win = ConvGeometry.tuple(attrs.getInts("windowShape"));
        int[] dil = ConvGeometry.tuple(attrs.getInts("dilations"));
        boolean same = "same".equals(attrs.get("pad"));
        int fh = win[0];
        int fw = win[1];
        int dh = dil[0];
        int dw = dil[1];
        if (fh <= 0 || fw <= 0 || dh <= 0 || dw <= 0) {
            return null;
        }
        int padTop = 0;
        int padLeft = 0;
        int padBottom = 0;
        int padRight = 0;
        if (same) {
            int extraH = fh + (fh - 1) * (dh - 1) - 1;
            int extraW = fw + (fw - 1) * (dw - 1) - 1;
            padTop = extraH / 2;
            padBottom = extraH - padTop;
            padLeft = extraW / 2;
            padRight = extraW - padLeft;
        }
        int fullH = xs[1] + padTop + padBottom;
        int fullW = xs[2] + padLeft + padRight;
        int extraEndH = (dh - fullH % dh) % dh;
        int extraEndW = (dw - fullW % dw) % dw;
        int subOutH = (fullH + extraEndH) / dh - fh + 1;
        int subOutW = (fullW + extraEndW) / dw - fw + 1;
        if (subOutH < 0 || subOutW < 0) {
            return null;
        }
        int outH = subOutH * dh - extraEndH;
        int outW = subOutW * dw - extraEndW;
        if (outH == -1) {
            outH = subOutH * dh;
        }
        if (outW == -1) {
            outW = subOutW * dw;
        }
        if (outH < 0 || outW < 0) {
            return null;
        }
        return new int[] {fh, fw, dh, dw, padTop, padLeft, outH, outW};
    }

    private static Program dilatedParams(Program p, int[] g, int[] xs) {
        return p.shapeInt("fH", g[0]).shapeInt("fW", g[1]).shapeInt("dH", g[2]).shapeInt("dW", g[3])
                .shapeInt("padT", g[4]).shapeInt("padL", g[5]).shapeInt("outH", g[6]).shapeInt("outW", g[7])
                .shapeInt("inH", xs[1]).shapeInt("inW", xs[2]);
    }

    /** The window loop of DilatedPool: padded pixels read as 0; {@code visit} sees v, inside, i, j. */
    private static String dilatedLoop(String visit) {
        return "  for (int i = 0; i < fH; i++) {\n"
                + "    int r = c1 + i * dH - padT;\n"
                + "    for (int j = 0; j < fW; j++) {\n"
                + "      int q = c2 + j * dW - padL;\n"
                + "      bool inside = r >= 0 && r < inH && q >= 0 && q < inW;\n"
                + "      float v = inside ? getX(c0, r, q, c3) : 0.0;\n"
                + visit
                + "    }\n  }\n";
    }

    private static Tensor[] dilatedPool(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] g = x.rank() == 4 && x.dtype() == DType.FLOAT32 ? dilatedGeometry(x.shapeRef(), attrs) : null;
        if (g == null) {
            return Gpu.onCpu("DilatedPool", inputs, attrs);
        }
        boolean max = !"avg".equals(attrs.getString("poolingType", "max"));
        int[] xs = x.shapeRef();
        int[] outShape = {xs[0], g[6], g[7], xs[3]};
        String body = (max ? "  float best = -INFINITY;\n" : "  float sum = 0.0;\n")
                + dilatedLoop(max ? "      if (v > best) best = v;\n" : "      sum += v;\n")
                + (max ? "  return best;" : "  return sum / float(fH * fW);");
        Program p = Program.element("DilatedPool", outShape, DType.FLOAT32).constantShapes().input("X", x).body(body);
        return Gpu.one(dilatedParams(p, g, xs).run());
    }

    private static Tensor[] dilatedPoolGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor dy = inputs[0];
        Tensor x = inputs[1];
        int[] xs = x.shapeRef();
        int[] g = x.rank() == 4 && x.dtype() == DType.FLOAT32 && dy.dtype() == DType.FLOAT32
                ? dilatedGeometry(xs, attrs) : null;
        int[] ys = dy.shapeRef();
        if (g == null || ys.length != 4 || ys[0] != xs[0] || ys[3] != xs[3] || x.size() == 0) {
            return Gpu.onCpu("DilatedPoolGrad", inputs, attrs);
        }
        // The gradient's windows are dy's pixels.
        g[6] = ys[1];
        g[7] = ys[2];
        boolean max = !"avg".equals(attrs.getString("poolingType", "max"));
        Tensor positions = null;
        String hit;
        if (max) {
            Program pos = Program.element("DilatedPoolPositions", ys, DType.INT32).constantShapes().input("X", x)
                    .body("  float best = -INFINITY;\n  int at = -1;\n  bool atInside = false;\n"
                            + dilatedLoop("      if (v > best) { best = v; at = i * fW + j; atInside = inside; }\n")
                            + "  return atInside ? at : -1;");
            positions = dilatedParams(pos, g, xs).run();
            hit = "getP(c0, y, xo, c3) == i * fW + j";
        } else {
            hit = "true";
        }
        Program p = Program.element("DilatedPoolGrad", xs, DType.FLOAT32).constantShapes().input("DY", dy)
                .body("  float sum = 0.0;\n"
                        + "  for (int i = 0; i < fH; i++) {\n"
                        + "    int y = c1 + padT - i * dH;\n"
                        + "    if (y < 0 || y >= outH) continue;\n"
                        + "    for (int j = 0; j < fW; j++) {\n"
                        + "      int xo = c2 + padL - j * dW;\n"
                        + "      if (xo < 0 || xo >= outW) continue;\n"
                        + "      if (" + hit + ") sum += getDY(c0, y, xo, c3);\n"
                        + "    }\n  }\n"
                        + (max ? "  return sum;" : "  return sum / float(fH * fW);"));
        if (positions != null) {
            p.input("P", positions);
        }
        Tensor dx = dilatedParams(p, g, xs).run();
        if (positions != null) {
            positions.dispose();
        }
        return Gpu.one(dx);
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
        Program p = Program.element(name, g.outShape, DType.FLOAT32).constantShapes().input("X", x).body(body);
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
        Program pos = Program.element("MaxPoolPositions", g.outShape, DType.INT32).constantShapes().input("X", x)
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
        Program p = Program.element("MaxPoolGrad", x.shapeRef(), DType.FLOAT32).constantShapes().input("DY", dy).input("P", positions)
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
        Program p = Program.element("AvgPoolGrad", x.shapeRef(), DType.FLOAT32).constantShapes().input("DY", dy)
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
