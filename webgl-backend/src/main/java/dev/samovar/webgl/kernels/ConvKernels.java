package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.webgl.Program;

/**
 * Conv2D, FusedConv2D, DepthwiseConv2dNative and FusedDepthwiseConv2D for NHWC float32 inputs
 * (NCHW and odd cases run on the cpu). The geometry is TF.js's (ConvGeometry, shared with the cpu
 * kernels). Each fragment computes one output texel. Packed path (output channels a multiple of
 * 4): four output channels of one pixel; the filter is read four output channels per texel and, when
 * the input channels are a multiple of 4, the input four channels per texel, so each step of four
 * input channels costs five texture reads for sixteen multiply-adds. Otherwise four outputs
 * anywhere, each a scalar loop. Bias and activation are applied in the shader.
 */
final class ConvKernels {
    private ConvKernels() {
    }

    static void register() {
        Gpu.register("Conv2D", (in, attrs, b) -> conv(in, attrs, false, false));
        Gpu.register("FusedConv2D", (in, attrs, b) -> conv(in, attrs, true, false));
        Gpu.register("DepthwiseConv2dNative", (in, attrs, b) -> conv(in, attrs, false, true));
        Gpu.register("FusedDepthwiseConv2D", (in, attrs, b) -> conv(in, attrs, true, true));
    }

    private static String name(boolean fused, boolean depthwise) {
        return depthwise ? (fused ? "FusedDepthwiseConv2D" : "DepthwiseConv2dNative") : (fused ? "FusedConv2D" : "Conv2D");
    }

    private static Tensor[] conv(Tensor[] inputs, Attrs attrs, boolean fused, boolean depthwise) {
        String kernel = name(fused, depthwise);
        Tensor x = inputs[0];
        Tensor w = inputs[1];
        if (x.dtype() != DType.FLOAT32 || w.dtype() != DType.FLOAT32 || x.rank() != 4 || w.rank() != 4
                || "NCHW".equals(attrs.getString("dataFormat", "NHWC"))) {
            return Gpu.onCpu(kernel, inputs, attrs);
        }
        ConvGeometry g;
        try {
            int[] dil = attrs.getInts("dilations", null);
            int[] strides = attrs.getInts("strides", null);
            if (depthwise) {
                dil = dil == null ? new int[] {1, 1} : dil;
                if (!ConvGeometry.eitherStridesOrDilationsAreOne(strides, dil)) {
                    return Gpu.onCpu(kernel, inputs, attrs);
                }
            }
            g = ConvGeometry.conv2d(x.shapeRef(), w.shapeRef(), strides, dil, attrs.get("pad"),
                    attrs.getString("dimRoundingMode", null), depthwise, true);
        } catch (RuntimeException e) {
            return Gpu.onCpu(kernel, inputs, attrs);
        }
        int[] ws = w.shapeRef();
        if (ws[2] != g.inChannels || Gpu.size(g.outShape) == 0 || x.size() == 0 || w.size() == 0) {
            return Gpu.onCpu(kernel, inputs, attrs);
        }
        Tensor bias = null;
        Tensor prelu = null;
        String act = "linear";
        double alpha = 0;
        if (fused) {
            Tensor[] extra = Fused.extras(inputs, 2, attrs);
            bias = extra[0];
            prelu = extra[1];
            act = attrs.getString("activation", "linear");
            alpha = attrs.getDouble("leakyreluAlpha");
            int oc = g.outChannels;
            if (!Fused.knownActivation(act) || ("prelu".equals(act) && prelu == null)) {
                return Gpu.onCpu(kernel, inputs, attrs);
            }
            if (oc % 4 != 0 || !Fused.inShader(bias, oc) || ("prelu".equals(act) && !Fused.inShader(prelu, oc))) {
                // Unfused: the convolution, then the Add and activation kernels (broadcasting as they do).
                Tensor r = run(x, w, g, depthwise, null, null, "linear", 0);
                if (bias != null) {
                    Tensor sum = dev.samovar.core.Engine.get().runKernel1("Add", Attrs.EMPTY, r, bias);
                    r.dispose();
                    r = sum;
                }
                return Gpu.one(Activations.apply(r, prelu, act, alpha));
            }
        }
        return Gpu.one(run(x, w, g, depthwise, bias, prelu, act, alpha));
    }

    private static Tensor run(Tensor x, Tensor w, ConvGeometry g, boolean depthwise, Tensor bias, Tensor prelu,
            String act, double alpha) {
        Tensor blocked = runBlock(x, w, g, depthwise, bias, prelu, act, alpha);
        if (blocked != null) {
            return blocked;
        }
        int oc = g.outChannels;
        int ic = g.inChannels;
        int mult = depthwise ? w.shapeRef()[3] : 1;
        Program p = Program.texel(depthwise ? "DepthwiseConv2D" : "Conv2D", g.outShape, DType.FLOAT32)
                .constantShapes().input("X", x).input("W", w);
        Fused.addInputs(p, bias, prelu, act, alpha);
        p.shapeInt("IH", g.inHeight).shapeInt("IW", g.inWidth).shapeInt("IC", ic)
                .shapeInt("OH", g.outHeight).shapeInt("OW", g.outWidth).shapeInt("OC", oc)
                .shapeInt("FH", g.filterHeight).shapeInt("FW", g.filterWidth)
                .shapeInt("SH", g.strideHeight).shapeInt("SW", g.strideWidth)
                .shapeInt("DH", g.dilationHeight).shapeInt("DW", g.dilationWidth)
                .shapeInt("PT", g.padTop).shapeInt("PL", g.padLeft).shapeInt("MULT", mult);
        String fn = "float convAt(int b, int oy, int ox, int c) {\n"
                + "  float s = 0.0;\n"
                + (depthwise ? "  int ch = c / MULT; int q = c - ch * MULT;\n" : "")
                + "  for (int fy = 0; fy < FH; fy++) {\n"
                + "    int iy = oy * SH - PT + fy * DH;\n"
                + "    if (iy < 0 || iy >= IH) continue;\n"
                + "    for (int fx = 0; fx < FW; fx++) {\n"
                + "      int ix = ox * SW - PL + fx * DW;\n"
                + "      if (ix < 0 || ix >= IW) continue;\n"
                + "      int xBase = ((b * IH + iy) * IW + ix) * IC;\n"
                + (depthwise
                    ? "      s += X_at(xBase + ch) * W_at(((fy * FW + fx) * IC + ch) * MULT + q);\n"
                    : "      int wBase = (fy * FW + fx) * IC * OC + c;\n"
                        + "      for (int k = 0; k < IC; k++) s += X_at(xBase + k) * W_at(wBase + k * OC);\n")
                + "    }\n  }\n  return s;\n}\n";
        StringBuilder body = new StringBuilder();
        if (oc % 4 == 0) {
            body.append("  int OC4 = OC / 4; int pix = t / OC4; int c4 = t - pix * OC4; int c = c4 * 4;\n"
                    + "  int ox = pix % OW; int r = pix / OW; int oy = r % OH; int b = r / OH;\n"
                    + "  vec4 acc = vec4(0.0);\n"
                    + "  for (int fy = 0; fy < FH; fy++) {\n"
                    + "    int iy = oy * SH - PT + fy * DH;\n"
                    + "    if (iy < 0 || iy >= IH) continue;\n"
                    + "    for (int fx = 0; fx < FW; fx++) {\n"
                    + "      int ix = ox * SW - PL + fx * DW;\n"
                    + "      if (ix < 0 || ix >= IW) continue;\n"
                    + "      int xBase = ((b * IH + iy) * IW + ix) * IC;\n");
            if (depthwise && mult == 1) {
                // Output channel c reads input channel c: four channels per texel on both sides.
                body.append("      acc += X_texel((xBase + c) >> 2) * W_texel(((fy * FW + fx) * IC + c) >> 2);\n");
            } else if (depthwise) {
                body.append("      int wBase = (fy * FW + fx) * IC * MULT;\n"
                        + "      vec4 xv = vec4(X_at(xBase + c / MULT), X_at(xBase + (c + 1) / MULT),"
                        + " X_at(xBase + (c + 2) / MULT), X_at(xBase + (c + 3) / MULT));\n"
                        + "      acc += xv * W_texel((wBase + c) >> 2);\n");
            } else {
                body.append("      int wBase = (fy * FW + fx) * IC * OC + c;\n");
                if (ic % 4 == 0) {
                    body.append("      for (int k = 0; k < IC; k += 4) {\n"
                            + "        vec4 xv = X_texel((xBase + k) >> 2);\n"
                            + "        int wr = wBase + k * OC;\n"
                            + "        acc += xv.x * W_texel(wr >> 2) + xv.y * W_texel((wr + OC) >> 2)"
                            + " + xv.z * W_texel((wr + 2 * OC) >> 2) + xv.w * W_texel((wr + 3 * OC) >> 2);\n"
                            + "      }\n");
                } else {
                    body.append("      for (int k = 0; k < IC; k++) {\n"
                            + "        acc += X_at(xBase + k) * W_texel((wBase + k * OC) >> 2);\n"
                            + "      }\n");
                }
            }
            body.append("    }\n  }\n");
            body.append(Fused.epilogue(bias, prelu, act, "c4"));
            body.append("  return acc;");
        } else {
            body.append("  vec4 acc = vec4(0.0);\n"
                    + "  for (int q = 0; q < 4; q++) {\n"
                    + "    int e = t * 4 + q;\n"
                    + "    if (e >= OUT_SIZE) break;\n"
                    + "    int c = e % OC; int pix = e / OC;\n"
                    + "    int ox = pix % OW; int r = pix / OW; int oy = r % OH; int b = r / OH;\n"
                    + "    acc[q] = convAt(b, oy, ox, c);\n"
                    + "  }\n  return acc;");
        }
        p.functions(fn).body(body.toString());
        return p.run();
    }

    /**
     * A convolution whose input channels do not fill texels (IC not a multiple of 4, e.g. the RGB
     * input of a first layer): the patches as a [pixels, K] matrix (K = FH*FW*IC rounded up to a
     * multiple of 4, zeros past the end), the filter as [K, OC] (zero rows past the end), then the
     * block matMul with the fused epilogue. Reading each input value once per patch position costs
     * far less than reading it by scalar index in the convolution's inner loop.
     */
    private static Tensor im2col(Tensor x, Tensor w, ConvGeometry g, Tensor bias, Tensor prelu, String act,
            double alpha) {
        int ic = g.inChannels;
        int oc = g.outChannels;
        int k = g.filterHeight * g.filterWidth * ic;
        int kPad = (k + 3) / 4 * 4;
        int pixels = Gpu.size(g.outShape) / oc;
        Program patches = Program.element("Im2Col", new int[] {pixels, kPad}, DType.FLOAT32).constantShapes().input("X", x)
                .shapeInt("IH", g.inHeight).shapeInt("IW", g.inWidth).shapeInt("IC", ic)
                .shapeInt("OH", g.outHeight).shapeInt("OW", g.outWidth)
                .shapeInt("FW", g.filterWidth).shapeInt("KR", k)
                .shapeInt("SH", g.strideHeight).shapeInt("SW", g.strideWidth)
                .shapeInt("DH", g.dilationHeight).shapeInt("DW", g.dilationWidth)
                .shapeInt("PT", g.padTop).shapeInt("PL", g.padLeft)
                .body("  if (c1 >= KR) return 0.0;\n"
                        + "  int tap = c1 / IC; int ch = c1 - tap * IC; int fy = tap / FW; int fx = tap - fy * FW;\n"
                        + "  int ox = c0 % OW; int q = c0 / OW; int oy = q % OH; int b = q / OH;\n"
                        + "  int iy = oy * SH - PT + fy * DH; int ix = ox * SW - PL + fx * DW;\n"
                        + "  if (iy < 0 || iy >= IH || ix < 0 || ix >= IW) return 0.0;\n"
                        + "  return X_at(((b * IH + iy) * IW + ix) * IC + ch);");
        Tensor cols = patches.run();
        Program filter = Program.element("PadRows", new int[] {kPad, oc}, DType.FLOAT32).constantShapes().input("W", w)
                .shapeInt("KR", k).shapeInt("OC", oc)
                .body("  return c0 < KR ? W_at(c0 * OC + c1) : 0.0;");
        Tensor wPad = filter.run();
        Tensor r = MatMulKernels.matMul(cols, wPad, false, false, bias, prelu, act, alpha);
        cols.dispose();
        wPad.dispose();
        return r == null ? null : Glsl.reshape(r, g.outShape);
    }

    /**
     * The convolution as a {@link Program#block} program: the output viewed as [pixels, OC], each
     * fragment computes four consecutive pixels by four output channels. Per filter tap and step of
     * four input channels it reads one input texel per pixel and four filter texels (64
     * multiply-adds for 8 reads); with input channels not a multiple of 4 it reads the input one
     * value at a time. Depthwise (multiplier 1): per tap one filter texel serves the four pixels.
     * Null where the output channels are not a multiple of 4 or the textures do not line up.
     */
    private static Tensor runBlock(Tensor x, Tensor w, ConvGeometry g, boolean depthwise, Tensor bias, Tensor prelu,
            String act, double alpha) {
        int oc = g.outChannels;
        int ic = g.inChannels;
        int mult = depthwise ? w.shapeRef()[3] : 1;
        if (!Program.canBlock(g.outShape) || oc % 4 != 0 || (depthwise && mult != 1)) {
            return null;
        }
        dev.samovar.webgl.WebGLBackend be = dev.samovar.webgl.WebGLBackend.get();
        boolean xRows = ic % 4 == 0 && dev.samovar.webgl.Layout.rowAligned(be.textureWidth(x), ic);
        if (!depthwise && !xRows) {
            return im2col(x, w, g, bias, prelu, act, alpha);
        }
        if (depthwise ? !xRows : !dev.samovar.webgl.Layout.rowAligned(be.textureWidth(w), oc)) {
            return null;
        }
        Program p = Program.block(depthwise ? "DepthwiseConv2DBlock" : "Conv2DBlock", g.outShape, DType.FLOAT32)
                .constantShapes().input("X", x).input("W", w);
        Fused.addInputs(p, bias, prelu, act, alpha);
        p.shapeInt("IH", g.inHeight).shapeInt("IW", g.inWidth).shapeInt("IC", ic)
                .shapeInt("OH", g.outHeight).shapeInt("OW", g.outWidth).shapeInt("OC", oc)
                .shapeInt("FH", g.filterHeight).shapeInt("FW", g.filterWidth)
                .shapeInt("SH", g.strideHeight).shapeInt("SW", g.strideWidth)
                .shapeInt("DH", g.dilationHeight).shapeInt("DW", g.dilationWidth)
                .shapeInt("PT", g.padTop).shapeInt("PL", g.padLeft)
                .shapeInt("PIXELS", Gpu.size(g.outShape) / oc);
        StringBuilder body = new StringBuilder();
        // Pixel r of the block: batch, top-left input corner (rows past the end repeat the last pixel).
        for (int r = 0; r < 4; r++) {
            body.append("  int p").append(r).append(" = min(row0 + ").append(r).append(", PIXELS - 1);")
                    .append(" int ox").append(r).append(" = p").append(r).append(" % OW; int q").append(r)
                    .append(" = p").append(r).append(" / OW; int oy").append(r).append(" = q").append(r)
                    .append(" % OH; int b").append(r).append(" = q").append(r).append(" / OH;\n")
                    .append("  int y").append(r).append(" = oy").append(r).append(" * SH - PT; int x").append(r)
                    .append(" = ox").append(r).append(" * SW - PL;\n");
        }
        body.append("  vec4 acc0 = vec4(0.0); vec4 acc1 = vec4(0.0); vec4 acc2 = vec4(0.0); vec4 acc3 = vec4(0.0);\n"
                + "  for (int fy = 0; fy < FH; fy++) {\n"
                + "    for (int fx = 0; fx < FW; fx++) {\n");
        for (int r = 0; r < 4; r++) {
            body.append("      int iy").append(r).append(" = y").append(r).append(" + fy * DH; int ix").append(r)
                    .append(" = x").append(r).append(" + fx * DW;\n")
                    .append("      bool v").append(r).append(" = iy").append(r).append(" >= 0 && iy").append(r)
                    .append(" < IH && ix").append(r).append(" >= 0 && ix").append(r).append(" < IW;\n")
                    .append("      int xr").append(r).append(" = v").append(r).append(" ? (b").append(r)
                    .append(" * IH + iy").append(r).append(") * IW + ix").append(r).append(" : 0;\n");
        }
        if (depthwise) {
            body.append("      vec4 wv = W_texel(((fy * FW + fx) * IC >> 2) + c4);\n");
            for (int r = 0; r < 4; r++) {
                body.append("      if (v").append(r).append(") { ivec2 xb = X_rowBase(xr").append(r).append("); acc")
                        .append(r).append(" += X_texelXY(xb.x + c4, xb.y) * wv; }\n");
            }
        } else {
            body.append("      ivec2 wb = W_rowBase((fy * FW + fx) * IC);\n");
            if (xRows) {
                for (int r = 0; r < 4; r++) {
                    body.append("      ivec2 xb").append(r).append(" = X_rowBase(xr").append(r).append(");\n");
                }
                body.append("      for (int k4 = 0; k4 < IC / 4; k4++) {\n");
                for (int q = 0; q < 4; q++) {
                    body.append("        vec4 w").append(q).append(" = W_texelXY(wb.x + c4, wb.y); wb = W_nextRow(wb);\n");
                }
                for (int r = 0; r < 4; r++) {
                    body.append("        vec4 s").append(r).append(" = v").append(r).append(" ? X_texelXY(xb").append(r)
                            .append(".x + k4, xb").append(r).append(".y) : vec4(0.0);\n");
                }
                for (int r = 0; r < 4; r++) {
                    body.append("        acc").append(r).append(" += s").append(r).append(".x * w0 + s").append(r)
                            .append(".y * w1 + s").append(r).append(".z * w2 + s").append(r).append(".w * w3;\n");
                }
                body.append("      }\n");
            } else {
                body.append("      for (int k = 0; k < IC; k++) {\n"
                        + "        vec4 wv = W_texelXY(wb.x + c4, wb.y); wb = W_nextRow(wb);\n");
                for (int r = 0; r < 4; r++) {
                    body.append("        if (v").append(r).append(") acc").append(r).append(" += X_at(xr").append(r)
                            .append(" * IC + k) * wv;\n");
                }
                body.append("      }\n");
            }
        }
        body.append("    }\n  }\n");
        String epilogue = Fused.epilogue(bias, prelu, act, "c4");
        for (int r = 0; r < 4; r++) {
            body.append("  { vec4 acc = acc").append(r).append(";\n").append(epilogue).append("  r").append(r)
                    .append(" = acc; }\n");
        }
        return p.body(body.toString()).run();
    }
}
