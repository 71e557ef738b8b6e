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
 * The 3-D convolution kernels (NDHWC), as TF.js's CPU backend computes them: Conv3D (inputs x,
 * filter; attrs {@code strides}, {@code pad}, {@code dilations}; the output has x's dtype and
 * every product is added into the stored output element, so float32 sums round at each step as
 * TF.js's do), Conv3DBackpropInputV2 (inputs dy, filter; attrs {@code strides}, {@code pad},
 * {@code inputShape}) and Conv3DBackpropFilterV2 (inputs x, dy; attrs {@code strides},
 * {@code pad}, {@code filterShape}), whose sums run in double and are stored once.
 */
public final class Conv3DKernels {
    private Conv3DKernels() {
    }

    static void register() {
        KernelRegistry.register("Conv3D", CpuBackend.NAME, Conv3DKernels::conv3d);
        KernelRegistry.register("Conv3DBackpropInputV2", CpuBackend.NAME, Conv3DKernels::backpropInput);
        KernelRegistry.register("Conv3DBackpropFilterV2", CpuBackend.NAME, Conv3DKernels::backpropFilter);
    }

    static Tensor[] conv3d(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor filter = inputs[1];
        Conv3DGeometry g = Conv3DGeometry.conv3d(x.shapeRef(), filter.shapeRef(), attrs.getInts("strides", null),
                attrs.getInts("dilations", null), attrs.get("pad"), null);
        int size = Shapes.sizeFromShape(g.outShape);
        float[] xv = Cpu.floats(x);
        float[] wv = Cpu.floats(filter);
        boolean isFloat = x.dtype() == DType.FLOAT32;
        float[] yf = isFloat ? Cpu.newFloats(size) : null;
        int[] yi = isFloat ? null : Cpu.newInts(size);
        int[] xs = Shapes.strides(x.shapeRef());
        int[] fs = Shapes.strides(filter.shapeRef());
        int[] ys = Shapes.strides(g.outShape);
        int inC = g.inChannels;
        int outC = g.outChannels;
        for (int b = 0; b < g.batchSize; b++) {
            int xOff1 = b * xs[0];
            int yOff1 = b * ys[0];
            for (int yF = 0; yF < g.outDepth; yF++) {
                int yOff2 = yOff1 + yF * ys[1];
                int xFCorner = yF * g.strideDepth - g.padFront;
                for (int wF = 0; wF < g.filterDepth; wF++) {
                    int xF = xFCorner + wF * g.dilationDepth;
                    if (xF < 0 || xF >= g.inDepth) {
                        continue;
                    }
                    int wOff1 = wF * fs[0];
                    int xOff2 = xOff1 + xF * xs[1];
                    for (int yR = 0; yR < g.outHeight; yR++) {
                        int yOff3 = yOff2 + yR * ys[2];
                        int xRCorner = yR * g.strideHeight - g.padTop;
                        for (int wR = 0; wR < g.filterHeight; wR++) {
                            int xR = xRCorner + wR * g.dilationHeight;
                            if (xR < 0 || xR >= g.inHeight) {
                                continue;
                            }
                            int wOff2 = wOff1 + wR * fs[1];
                            int xOff3 = xOff2 + xR * xs[2];
                            for (int yC = 0; yC < g.outWidth; yC++) {
                                int yOff4 = yOff3 + yC * outC;
                                int xCCorner = yC * g.strideWidth - g.padLeft;
                                for (int wC = 0; wC < g.filterWidth; wC++) {
                                    int xC = xCCorner + wC * g.dilationWidth;
                                    if (xC < 0 || xC >= g.inWidth) {
                                        continue;
                                    }
                                    int wOff4 = wOff2 + wC * fs[2];
                                    int xOff4 = xOff3 + xC * inC;
                                    if (isFloat) {
                                        accumulate(xv, xOff4, wv, wOff4, yf, yOff4, inC, outC);
                                    } else {
                                        accumulateInts(xv, xOff4, wv, wOff4, yi, yOff4, inC, outC);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Object out = isFloat ? yf : yi;
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, x.dtype(), backend)};
    }

    /** y[yOff + d2] += x[xOff + d1] * w[wOff + d1 * outC + d2], rounded to float32 at each add. */
    private static void accumulate(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff, int inC, int outC) {
        for (int d1 = 0; d1 < inC; d1++) {
            double xVal = x[xOff + d1];
            int wo = wOff + d1 * outC;
            for (int d2 = 0; d2 < outC; d2++) {
                y[yOff + d2] = (float) (y[yOff + d2] + xVal * w[wo + d2]);
            }
        }
    }

    private static void accumulateInts(float[] x, int xOff, float[] w, int wOff, int[] y, int yOff, int inC,
            int outC) {
        for (int d1 = 0; d1 < inC; d1++) {
            double xVal = x[xOff + d1];
            int wo = wOff + d1 * outC;
            for (int d2 = 0; d2 < outC; d2++) {
                y[yOff + d2] = JsNumber.toInt32(y[yOff + d2] + xVal * w[wo + d2]);
            }
        }
    }

    /**
     * dy's values for a loop over the convolution's output positions with dy's own strides: where
     * dy is smaller than the geometry says (an outputShape that does not match), TF.js reads past
     * the end of dy's array and gets undefined, so the values past the end read as NaN.
     */
    private static float[] dyValues(Tensor dy, int[] dys, Conv3DGeometry g) {
        float[] v = Cpu.floats(dy);
        int[] s = dy.shapeRef();
        if (s.length != 5) {
            throw new IllegalArgumentException("Error in conv3d backprop: dy must be rank 5");
        }
        if (g.batchSize == 0 || g.outDepth == 0 || g.outHeight == 0 || g.outWidth == 0 || g.outChannels == 0) {
            return v;
        }
        double last = (double) dys[0] * (g.batchSize - 1) + (double) dys[1] * (g.outDepth - 1)
                + (double) dys[2] * (g.outHeight - 1) + (double) dys[3] * (g.outWidth - 1) + g.outChannels;
        if (last <= v.length) {
            return v;
        }
        float[] padded = new float[(int) last];
        System.arraycopy(v, 0, padded, 0, v.length);
        for (int i = v.length; i < padded.length; i++) {
            padded[i] = Float.NaN;
        }
        return padded;
    }

    static Tensor[] backpropInput(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor dy = inputs[0];
        Tensor filter = inputs[1];
        Conv3DGeometry g = Conv3DGeometry.conv3d(attrs.getInts("inputShape"), filter.shapeRef(),
                attrs.getInts("strides", null), new int[] {1}, attrs.get("pad"), null);
        int[] dys = Shapes.strides(dy.shapeRef());
        float[] dyv = dyValues(dy, dys, g);
        float[] fv = Cpu.floats(filter);
        float[] dx = Cpu.newFloats(Shapes.sizeFromShape(g.inShape));
        int[] dxs = Shapes.strides(g.inShape);
        int[] fs = Shapes.strides(filter.shapeRef());
        int frontPad = g.filterDepth - 1 - g.padFront;
        int topPad = g.filterHeight - 1 - g.padTop;
        int leftPad = g.filterWidth - 1 - g.padLeft;
        int outC = g.outChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int d1 = 0; d1 < g.inChannels; d1++) {
                for (int xF = 0; xF < g.inDepth; xF++) {
                    int xFCorner = xF - frontPad;
                    int xFMin = (int) Math.max(0, Math.ceil((double) xFCorner / g.strideDepth));
                    double yFMax = Math.min(g.outDepth, (double) (g.filterDepth + xFCorner) / g.strideDepth);
                    for (int xR = 0; xR < g.inHeight; xR++) {
                        int xRCorner = xR - topPad;
                        int xRMin = (int) Math.max(0, Math.ceil((double) xRCorner / g.strideHeight));
                        double yRMax = Math.min(g.outHeight, (double) (g.filterHeight + xRCorner) / g.strideHeight);
                        for (int xC = 0; xC < g.inWidth; xC++) {
                            int xCCorner = xC - leftPad;
                            int xCMin = (int) Math.max(0, Math.ceil((double) xCCorner / g.strideWidth));
                            double yCMax = Math.min(g.outWidth, (double) (g.filterWidth + xCCorner) / g.strideWidth);
                            double dot = 0;
                            for (int yF = xFMin; yF < yFMax; yF++) {
                                int wF = yF * g.strideDepth - xFCorner;
                                for (int yR = xRMin; yR < yRMax; yR++) {
                                    int wR = yR * g.strideHeight - xRCorner;
                                    for (int yC = xCMin; yC < yCMax; yC++) {
                                        int wC = yC * g.strideWidth - xCCorner;
                                        int dyOff = dys[0] * b + dys[1] * yF + dys[2] * yR + dys[3] * yC;
                                        int fOff = fs[0] * (g.filterDepth - 1 - wF) + fs[1] * (g.filterHeight - 1 - wR)
                                                + fs[2] * (g.filterWidth - 1 - wC) + fs[3] * d1;
                                        for (int d2 = 0; d2 < outC; d2++) {
                                            dot += (double) dyv[dyOff + d2] * fv[fOff + d2];
                                        }
                                    }
                                }
                            }
                            dx[dxs[0] * b + dxs[1] * xF + dxs[2] * xR + dxs[3] * xC + d1] = (float) dot;
                        }
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dx, g.inShape, DType.FLOAT32, backend)};
    }

    static Tensor[] backpropFilter(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor dy = inputs[1];
        Conv3DGeometry g = Conv3DGeometry.conv3d(x.shapeRef(), attrs.getInts("filterShape"),
                attrs.getInts("strides", null), new int[] {1}, attrs.get("pad"), null);
        float[] xv = Cpu.floats(x);
        int[] dys = Shapes.strides(dy.shapeRef());
        float[] dyv = dyValues(dy, dys, g);
        float[] dw = Cpu.newFloats(Shapes.sizeFromShape(g.filterShape));
        int[] dws = Shapes.strides(g.filterShape);
        int[] xs = Shapes.strides(x.shapeRef());
        for (int wF = 0; wF < g.filterDepth; wF++) {
            int yFMin = (int) Math.max(0, Math.ceil((double) (g.padFront - wF) / g.strideDepth));
            double yFMax = Math.min(g.outDepth, (double) (g.inDepth + g.padFront - wF) / g.strideDepth);
            for (int wR = 0; wR < g.filterHeight; wR++) {
                int yRMin = (int) Math.max(0, Math.ceil((double) (g.padTop - wR) / g.strideHeight));
                double yRMax = Math.min(g.outHeight, (double) (g.inHeight + g.padTop - wR) / g.strideHeight);
                for (int wC = 0; wC < g.filterWidth; wC++) {
                    int yCMin = (int) Math.max(0, Math.ceil((double) (g.padLeft - wC) / g.strideWidth));
                    double yCMax = Math.min(g.outWidth, (double) (g.inWidth + g.padLeft - wC) / g.strideWidth);
                    int wOff3 = wF * dws[0] + wR * dws[1] + wC * dws[2];
                    for (int d1 = 0; d1 < g.inChannels; d1++) {
                        int wOff4 = wOff3 + d1 * dws[3];
                        for (int d2 = 0; d2 < g.outChannels; d2++) {
                            double dot = 0;
                            for (int b = 0; b < g.batchSize; b++) {
                                for (int yF = yFMin; yF < yFMax; yF++) {
                                    int xF = wF + yF * g.strideDepth - g.padFront;
                                    int xOff2 = b * xs[0] + xF * xs[1];
                                    int yOff2 = b * dys[0] + yF * dys[1];
                                    for (int yR = yRMin; yR < yRMax; yR++) {
                                        int xR = wR + yR * g.strideHeight - g.padTop;
                                        int xOff3 = xOff2 + xR * xs[2];
                                        int yOff3 = yOff2 + yR * dys[2];
                                        for (int yC = yCMin; yC < yCMax; yC++) {
                                            int xC = wC + yC * g.strideWidth - g.padLeft;
                                            dot += (double) xv[xOff3 + xC * xs[3] + d1] * dyv[yOff3 + yC * dys[3] + d2];
                                        }
                                    }
                                }
                            }
                            dw[wOff4 + d2] = (float) dot;
                        }
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dw, g.filterShape, DType.FLOAT32, backend)};
    }
}
