package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Grayscale morphological dilation (NHWC), as TF.js's CPU backend computes it: Dilation2D (inputs
 * x, filter [fh, fw, C]; attrs {@code strides}, {@code pad}, {@code dilations}): each output is
 * the largest x + filter over the window, starting from Number.MIN_SAFE_INTEGER (what a window
 * with no pixel inside gives; NaN sums never win), stored in x's dtype. Dilation2DBackpropInput
 * and Dilation2DBackpropFilter (inputs x, filter, dy) send each dy to the pixel / filter tap of
 * the window's first maximum (with no pixel inside: to the clamped window corner, resp. tap 0),
 * adding into an array of x's (resp. the filter's) dtype, so float32 sums round at each step.
 */
public final class Dilation2DKernels {
    private static final double MIN_SAFE_INTEGER = -9007199254740991.0;

    private Dilation2DKernels() {
    }

    static void register() {
        KernelRegistry.register("Dilation2D", CpuBackend.NAME, Dilation2DKernels::forward);
        KernelRegistry.register("Dilation2DBackpropInput", CpuBackend.NAME, (in, at, be) -> backprop(in, at, be, true));
        KernelRegistry.register("Dilation2DBackpropFilter", CpuBackend.NAME,
                (in, at, be) -> backprop(in, at, be, false));
    }

    /** TF.js's computeDilation2DInfo. */
    static ConvGeometry geometry(int[] xShape, int[] filterShape, Attrs attrs) {
        if (xShape.length != 4 || filterShape.length != 3) {
            throw new IllegalArgumentException("Dilation2D needs a rank-4 x and a rank-3 filter");
        }
        int[] f = {filterShape[0], filterShape[1], filterShape[2], xShape[3]};
        int[] dil = attrs.getInts("dilations", null);
        return ConvGeometry.conv2d(xShape, f, attrs.getInts("strides", null), dil == null ? new int[] {1, 1} : dil,
                attrs.get("pad"), null, false, true);
    }

    static Tensor[] forward(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor filter = inputs[1];
        ConvGeometry g = geometry(x.shapeRef(), filter.shapeRef(), attrs);
        float[] xv = Cpu.floats(x);
        float[] fv = Cpu.floats(filter);
        int size = Shapes.sizeFromShape(g.outShape);
        boolean isFloat = x.dtype() == DType.FLOAT32;
        float[] outF = isFloat ? Cpu.newFloats(size) : null;
        int[] outI = isFloat ? null : Cpu.newInts(size);
        int inC = g.inChannels;
        int fw = g.filterWidth;
        for (int b = 0; b < g.batchSize; b++) {
            for (int hOut = 0; hOut < g.outHeight; hOut++) {
                int hBeg = hOut * g.strideHeight - g.padTop;
                for (int wOut = 0; wOut < g.outWidth; wOut++) {
                    int wBeg = wOut * g.strideWidth - g.padLeft;
                    for (int d = 0; d < inC; d++) {
                        double cur = MIN_SAFE_INTEGER;
                        for (int h = 0; h < g.filterHeight; h++) {
                            int hIn = hBeg + h * g.dilationHeight;
                            if (hIn < 0 || hIn >= g.inHeight) {
                                continue;
                            }
                            for (int w = 0; w < fw; w++) {
                                int wIn = wBeg + w * g.dilationWidth;
                                if (wIn < 0 || wIn >= g.inWidth) {
                                    continue;
                                }
                                double val = (double) xv[((b * g.inHeight + hIn) * g.inWidth + wIn) * inC + d]
                                        + fv[(h * fw + w) * inC + d];
                                if (val > cur) {
                                    cur = val;
                                }
                            }
                        }
                        int o = ((b * g.outHeight + hOut) * g.outWidth + wOut) * inC + d;
                        if (isFloat) {
                            outF[o] = (float) cur;
                        } else if (x.dtype() == DType.BOOL) {
                            outI[o] = JsNumber.toUint8(cur);
                        } else {
                            outI[o] = JsNumber.toInt32(cur);
                        }
                    }
                }
            }
        }
        Object out = isFloat ? outF : outI;
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, x.dtype(), backend)};
    }

    static Tensor[] backprop(Tensor[] inputs, Attrs attrs, Backend backend, boolean input) {
        Tensor x = inputs[0];
        Tensor filter = inputs[1];
        Tensor dy = inputs[2];
        ConvGeometry g = geometry(x.shapeRef(), filter.shapeRef(), attrs);
        String kernel = input ? "Dilation2DBackpropInput" : "Dilation2DBackpropFilter";
        if (dy.rank() != 4) {
            throw new IllegalArgumentException("Error in " + kernel + ", dy must have the same rank as output 4, but got "
                    + dy.rank());
        }
        if (dy.size() < Shapes.sizeFromShape(g.outShape)) {
            throw new IllegalArgumentException("Error in " + kernel + ": dy of shape "
                    + java.util.Arrays.toString(dy.shapeRef()) + " is smaller than the output shape "
                    + java.util.Arrays.toString(g.outShape));
        }
        float[] xv = Cpu.floats(x);
        float[] fv = Cpu.floats(filter);
        float[] dyv = Cpu.floats(dy);
        Tensor target = input ? x : filter;
        boolean isFloat = target.dtype() == DType.FLOAT32;
        float[] gf = isFloat ? Cpu.newFloats(target.size()) : null;
        int[] gi = isFloat ? null : Cpu.newInts(target.size());
        int inC = g.inChannels;
        int fw = g.filterWidth;
        for (int b = 0; b < g.batchSize; b++) {
            for (int hOut = 0; hOut < g.outHeight; hOut++) {
                int hBeg = hOut * g.strideHeight - g.padTop;
                for (int wOut = 0; wOut < g.outWidth; wOut++) {
                    int wBeg = wOut * g.strideWidth - g.padLeft;
                    for (int d = 0; d < inC; d++) {
                        double cur = MIN_SAFE_INTEGER;
                        int hAt = input ? Math.max(hBeg, 0) : 0;
                        int wAt = input ? Math.max(wBeg, 0) : 0;
                        for (int h = 0; h < g.filterHeight; h++) {
                            int hIn = hBeg + h * g.dilationHeight;
                            if (hIn < 0 || hIn >= g.inHeight) {
                                continue;
                            }
                            for (int w = 0; w < fw; w++) {
                                int wIn = wBeg + w * g.dilationWidth;
                                if (wIn < 0 || wIn >= g.inWidth) {
                                    continue;
                                }
                                double val = (double) xv[((b * g.inHeight + hIn) * g.inWidth + wIn) * inC + d]
                                        + fv[(h * fw + w) * inC + d];
                                if (val > cur) {
                                    cur = val;
                                    hAt = input ? hIn : h;
                                    wAt = input ? wIn : w;
                                }
                            }
                        }
                        int at;
                        if (input) {
                            if (hAt >= g.inHeight || wAt >= g.inWidth) {
                                continue;
                            }
                            at = ((b * g.inHeight + hAt) * g.inWidth + wAt) * inC + d;
                        } else {
                            at = (hAt * fw + wAt) * inC + d;
                        }
                        double gy = dyv[((b * g.outHeight + hOut) * g.outWidth + wOut) * inC + d];
                        if (isFloat) {
                            gf[at] = (float) (gf[at] + gy);
                        } else {
                            gi[at] = JsNumber.toInt32(gi[at] + gy);
                        }
                    }
                }
            }
        }
        Object out = isFloat ? gf : gi;
        return new Tensor[] {Engine.get().makeTensor(out, target.shape(), target.dtype(), backend)};
    }
}
