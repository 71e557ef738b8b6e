package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.webgl.Program;

/**
 * The backward convolutions (NHWC), one output element per fragment as TF.js's webgl backend
 * computes them: Conv2DBackpropInput (also conv2dTranspose), Conv2DBackpropFilter,
 * DepthwiseConv2dNativeBackpropInput and DepthwiseConv2dNativeBackpropFilter. Sums run in float32
 * (the cpu kernels sum in double: results agree within float32 rounding of the sum). The optional
 * {@code dilations} attr (Samovar's, for gradients of dilated convolutions) is honoured.
 *
 * <p>Left to the cpu kernels: NCHW data, non-float32 inputs, a dy whose shape is not the forward
 * output's, and filters whose depth does not match the input (the cpu kernels throw TF.js's error).
 */
final class ConvBackpropKernels {
    private ConvBackpropKernels() {
    }

    static void register() {
        Gpu.register("Conv2DBackpropInput", (in, at, be) -> input(in, at, false));
        Gpu.register("DepthwiseConv2dNativeBackpropInput", (in, at, be) -> input(in, at, true));
        Gpu.register("Conv2DBackpropFilter", (in, at, be) -> filter(in, at, false));
        Gpu.register("DepthwiseConv2dNativeBackpropFilter", (in, at, be) -> filter(in, at, true));
    }

    private static ConvGeometry geometry(int[] inShape, int[] filterShape, Attrs attrs, boolean depthwise) {
        int[] dilations = attrs.getInts("dilations", null);
        return ConvGeometry.conv2d(inShape, filterShape, attrs.getInts("strides", null),
                dilations == null ? new int[] {1} : dilations, attrs.get("pad"),
                attrs.getString("dimRoundingMode", null), depthwise, true);
    }

    private static boolean supported(Attrs attrs, Tensor... ts) {
        if (!"NHWC".equals(attrs.getString("dataFormat", "NHWC"))) {
            return false;
        }
        for (Tensor t : ts) {
            if (t.dtype() != DType.FLOAT32 || t.rank() != 4) {
                return false;
            }
        }
        return true;
    }

    /** dx[b, r, c, d1] = sum over filter taps and output channels of dy * w, where the tap lands on (r, c). */
    private static Tensor[] input(Tensor[] inputs, Attrs attrs, boolean depthwise) {
        String name = depthwise ? "DepthwiseConv2dNativeBackpropInput" : "Conv2DBackpropInput";
        Tensor dy = inputs[0];
        Tensor w = inputs[1];
        int[] inShape = attrs.getInts("inputShape");
        if (!supported(attrs, dy, w) || inShape.length != 4) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        int[] ws = w.shapeRef();
        ConvGeometry g = geometry(inShape, ws, attrs, depthwise);
        if (ws[2] != g.inChannels || !Shapes.equal(dy.shapeRef(), g.outShape) || Shapes.sizeFromShape(inShape) == 0) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        String inner = depthwise
                ? "      for (int q = 0; q < mult; q++) sum += getDY(c0, yr, yc, c3 * mult + q) * getW(i, j, c3, q);\n"
                : "      for (int d2 = 0; d2 < outC; d2++) sum += getDY(c0, yr, yc, d2) * getW(i, j, c3, d2);\n";
        Program p = Program.element(name, inShape.clone(), DType.FLOAT32).constantShapes().input("DY", dy).input("W", w)
                .shapeInt("outH", g.outHeight).shapeInt("outW", g.outWidth).shapeInt("outC", g.outChannels)
                .shapeInt("mult", ws[3])
                .body("  float sum = 0.0;\n"
                        + "  for (int i = 0; i < fH; i++) {\n"
                        + "    int rn = c1 + padT - i * dH;\n"
                        + "    if (rn < 0) break;\n"
                        + "    int yr = rn / sH;\n"
                        + "    if (yr * sH != rn || yr >= outH) continue;\n"
                        + "    for (int j = 0; j < fW; j++) {\n"
                        + "      int qn = c2 + padL - j * dW;\n"
                        + "      if (qn < 0) break;\n"
                        + "      int yc = qn / sW;\n"
                        + "      if (yc * sW != qn || yc >= outW) continue;\n"
                        + inner
                        + "    }\n  }\n  return sum;");
        return Gpu.one(PoolKernels.geometry(p, g).run());
    }

    /** dw[i, j, d1, d2] = sum over the batch and output pixels of x under tap (i, j) times dy. */
    private static Tensor[] filter(Tensor[] inputs, Attrs attrs, boolean depthwise) {
        String name = depthwise ? "DepthwiseConv2dNativeBackpropFilter" : "Conv2DBackpropFilter";
        Tensor x = inputs[0];
        Tensor dy = inputs[1];
        int[] filterShape = attrs.getInts("filterShape");
        if (!supported(attrs, x, dy) || filterShape.length != 4) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        ConvGeometry g = geometry(x.shapeRef(), filterShape, attrs, depthwise);
        if (filterShape[2] != g.inChannels || !Shapes.equal(dy.shapeRef(), g.outShape)
                || Shapes.sizeFromShape(filterShape) == 0) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        String dyChannel = depthwise ? "c2 * mult + c3" : "c3";
        Program p = Program.element(name, filterShape.clone(), DType.FLOAT32).constantShapes().input("X", x).input("DY", dy)
                .shapeInt("batch", g.batchSize).shapeInt("outH", g.outHeight).shapeInt("outW", g.outWidth)
                .shapeInt("mult", filterShape[3])
                .body("  float sum = 0.0;\n"
                        + "  for (int b = 0; b < batch; b++) {\n"
                        + "    for (int yr = 0; yr < outH; yr++) {\n"
                        + "      int r = yr * sH - padT + c0 * dH;\n"
                        + "      if (r < 0 || r >= inH) continue;\n"
                        + "      for (int yc = 0; yc < outW; yc++) {\n"
                        + "        int q = yc * sW - padL + c1 * dW;\n"
                        + "        if (q < 0 || q >= inW) continue;\n"
                        + "        sum += getX(b, r, q, c2) * getDY(b, yr, yc, " + dyChannel + ");\n"
                        + "      }\n    }\n  }\n  return sum;");
        return Gpu.one(PoolKernels.geometry(p, g).run());
    }
}
