package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Conv2DBackpropInput (the gradient of conv2d with respect to its input; conv2dTranspose). inputs:
 * dy, filter [fh, fw, inC, outC]; attrs: {@code inputShape}, {@code strides}, {@code pad},
 * {@code dataFormat}, {@code dimRoundingMode}. Each output element is one double-precision dot
 * product in TF.js's order, stored once: bit-identical to TF.js.
 */
public final class Conv2DBackpropInputKernel {
    private Conv2DBackpropInputKernel() {
    }

    static void register() {
        KernelRegistry.register("Conv2DBackpropInput", CpuBackend.NAME, Conv2DBackpropInputKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor dy = inputs[0];
        Tensor filter = inputs[1];
        int[] inShape = attrs.getInts("inputShape");
        boolean channelsLast = !"NCHW".equals(attrs.getString("dataFormat", "NHWC"));
        ConvGeometry g = ConvGeometry.conv2d(inShape, filter.shapeRef(), attrs.getInts("strides", null), new int[] {1},
                attrs.get("pad"), attrs.getString("dimRoundingMode", null), false, channelsLast);
        float[] dyv = Cpu.floats(dy);
        float[] w = Cpu.floats(filter);
        int[] fShape = filter.shapeRef();
        int fs2 = fShape[3];
        int fs1 = fShape[2] * fs2;
        int fs0 = fShape[1] * fs1;
        int[] dyStrides = Shapes.fullStrides(dy.shapeRef());
        int dyLen = dyv.length;
        float[] dx = Cpu.newFloats(Shapes.sizeFromShape(inShape));
        int[] dxStrides = Shapes.fullStrides(inShape);
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int sh = g.strideHeight;
        int sw = g.strideWidth;
        int topPad = fh - 1 - g.padTop;
        int leftPad = fw - 1 - g.padLeft;
        int xB = dxStrides[0];
        int xR = channelsLast ? dxStrides[1] : dxStrides[2];
        int xCs = channelsLast ? dxStrides[2] : 1;
        int xCh = channelsLast ? 1 : dxStrides[1];
        int yB = dyStrides[0];
        int yR = channelsLast ? dyStrides[1] : dyStrides[2];
        int yC = channelsLast ? dyStrides[2] : 1;
        int yCh = channelsLast ? 1 : dyStrides[1];
        int outC = g.outChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int d1 = 0; d1 < g.inChannels; d1++) {
                for (int xr = 0; xr < g.inHeight; xr++) {
                    int xRCorner = xr - topPad;
                    int xRMin = Math.max(0, (int) Math.ceil((double) xRCorner / sh));
                    double yRMax = Math.min(g.outHeight, (double) (fh + xRCorner) / sh);
                    for (int xc = 0; xc < g.inWidth; xc++) {
                        int xCCorner = xc - leftPad;
                        int xCMin = Math.max(0, (int) Math.ceil((double) xCCorner / sw));
                        double yCMax = Math.min(g.outWidth, (double) (fw + xCCorner) / sw);
                        double dot = 0;
                        for (int yr = xRMin; yr < yRMax; yr++) {
                            int wR = yr * sh - xRCorner;
                            for (int yc = xCMin; yc < yCMax; yc++) {
                                int wC = yc * sw - xCCorner;
                                int dyOff = yB * b + yR * yr + yC * yc;
                                int fOff = fs0 * (fh - 1 - wR) + fs1 * (fw - 1 - wC) + fs2 * d1;
                                for (int d2 = 0; d2 < outC; d2++) {
                                    int di = dyOff + yCh * d2;
                                    double pixel = di < dyLen ? dyv[di] : Double.NaN;
                                    dot += pixel * w[fOff + d2];
                                }
                            }
                        }
                        dx[xB * b + xR * xr + xCs * xc + xCh * d1] = (float) dot;
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dx, inShape, DType.FLOAT32, backend)};
    }
}
