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
 * DepthwiseConv2dNativeBackpropInput (inputs dy, filter; attr {@code inputShape}) and
 * DepthwiseConv2dNativeBackpropFilter (inputs x, dy; attr {@code filterShape}), both with
 * {@code strides}, {@code pad}, {@code dilations}, {@code dimRoundingMode}; channels-last, as
 * TF.js's CPU kernels. Unlike those (which assume dilation 1), dilations are honoured.
 *
 * <p>One pass over the output pixels with channels innermost; every gradient element is summed in
 * double and rounded to float32 once, as in TF.js.
 */
public final class DepthwiseBackpropKernels {
    private DepthwiseBackpropKernels() {
    }

    static void register() {
        KernelRegistry.register("DepthwiseConv2dNativeBackpropInput", CpuBackend.NAME,
                DepthwiseBackpropKernels::input);
        KernelRegistry.register("DepthwiseConv2dNativeBackpropFilter", CpuBackend.NAME,
                DepthwiseBackpropKernels::filter);
    }

    static Tensor[] input(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor filter = inputs[1];
        int[] inShape = attrs.getInts("inputShape").clone();
        int[] fShape = filter.shapeRef();
        ConvGeometry g = ConvBackprop.geometry(inShape, fShape, attrs, true);
        float[] dy = ConvBackprop.dyNhwc(inputs[0], g);
        float[] w = Cpu.floats(filter);
        float[] dx = Cpu.newFloats(Shapes.sizeFromShape(inShape));
        int mult = fShape[3];
        int inC = g.inChannels;
        if (dx.length > 0 && mult > 0 && fShape[2] == inC && inC * mult * g.filterHeight * g.filterWidth <= w.length
                && dx.length == g.batchSize * g.inHeight * g.inWidth * inC) {
            inputGrad(dy, w, g, mult, dx);
        }
        return new Tensor[] {Engine.get().makeTensor(dx, inShape, DType.FLOAT32, backend)};
    }

    private static void inputGrad(float[] dy, float[] w, ConvGeometry g, int mult, float[] dx) {
        int inC = g.inChannels;
        int outC = inC * mult;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int image = inH * inW * inC;
        double[] acc = new double[image];
        for (int b = 0; b < g.batchSize; b++) {
            java.util.Arrays.fill(acc, 0);
            for (int oy = 0; oy < g.outHeight; oy++) {
                int iy0 = oy * g.strideHeight - g.padTop;
                for (int ox = 0; ox < g.outWidth; ox++) {
                    int ix0 = ox * g.strideWidth - g.padLeft;
                    int o = ((b * g.outHeight + oy) * g.outWidth + ox) * outC;
                    for (int ky = 0; ky < fh; ky++) {
                        int iy = iy0 + ky * g.dilationHeight;
                        if (iy < 0 || iy >= inH) {
                            continue;
                        }
                        for (int kx = 0; kx < fw; kx++) {
                            int ix = ix0 + kx * g.dilationWidth;
                            if (ix < 0 || ix >= inW) {
                                continue;
                            }
                            int a = (iy * inW + ix) * inC;
                            int wo = (ky * fw + kx) * outC;
                            if (mult == 1) {
                                productInto(acc, a, dy, o, w, wo, inC);
                            } else {
                                for (int c = 0; c < inC; c++) {
                                    double s = 0;
                                    int q0 = c * mult;
                                    for (int q = 0; q < mult; q++) {
                                        s += (double) dy[o + q0 + q] * w[wo + q0 + q];
                                    }
                                    acc[a + c] += s;
                                }
                            }
                        }
                    }
                }
            }
            ConvBackprop.store(acc, dx, b * image, image);
        }
    }

    static Tensor[] filter(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] filterShape = attrs.getInts("filterShape").clone();
        ConvGeometry g = ConvBackprop.geometry(x.shapeRef(), filterShape, attrs, true);
        float[] xv = Cpu.floats(x);
        float[] dy = ConvBackprop.dyNhwc(inputs[1], g);
        int size = Shapes.sizeFromShape(filterShape);
        float[] dw = Cpu.newFloats(size);
        int mult = filterShape[3];
        if (size > 0 && filterShape[2] == g.inChannels && size == g.filterHeight * g.filterWidth * g.inChannels * mult
                && xv.length == g.batchSize * g.inHeight * g.inWidth * g.inChannels) {
            double[] acc = new double[size];
            filterGrad(xv, dy, g, mult, acc);
            ConvBackprop.store(acc, dw, 0, size);
        }
        return new Tensor[] {Engine.get().makeTensor(dw, filterShape, DType.FLOAT32, backend)};
    }

    private static void filterGrad(float[] x, float[] dy, ConvGeometry g, int mult, double[] acc) {
        int inC = g.inChannels;
        int outC = inC * mult;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * inH * inW * inC;
            for (int oy = 0; oy < g.outHeight; oy++) {
                int iy0 = oy * g.strideHeight - g.padTop;
                for (int ox = 0; ox < g.outWidth; ox++) {
                    int ix0 = ox * g.strideWidth - g.padLeft;
                    int o = ((b * g.outHeight + oy) * g.outWidth + ox) * outC;
                    for (int ky = 0; ky < fh; ky++) {
                        int iy = iy0 + ky * g.dilationHeight;
                        if (iy < 0 || iy >= inH) {
                            continue;
                        }
                        for (int kx = 0; kx < fw; kx++) {
                            int ix = ix0 + kx * g.dilationWidth;
                            if (ix < 0 || ix >= inW) {
                                continue;
                            }
                            int xo = xBatch + (iy * inW + ix) * inC;
                            int ao = (ky * fw + kx) * outC;
                            if (mult == 1) {
                                productInto(acc, ao, x, xo, dy, o, inC);
                            } else {
                                for (int c = 0; c < inC; c++) {
                                    double xv = x[xo + c];
                                    int q0 = c * mult;
                                    for (int q = 0; q < mult; q++) {
                                        acc[ao + q0 + q] += xv * dy[o + q0 + q];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** acc[to + i] += u[uo + i] * v[vo + i] for i in [0, n), in double. */
    private static void productInto(double[] acc, int to, float[] u, int uo, float[] v, int vo, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            acc[to + i] += (double) u[uo + i] * v[vo + i];
            acc[to + i + 1] += (double) u[uo + i + 1] * v[vo + i + 1];
            acc[to + i + 2] += (double) u[uo + i + 2] * v[vo + i + 2];
            acc[to + i + 3] += (double) u[uo + i + 3] * v[vo + i + 3];
        }
        for (; i < n; i++) {
            acc[to + i] += (double) u[uo + i] * v[vo + i];
        }
    }
}
