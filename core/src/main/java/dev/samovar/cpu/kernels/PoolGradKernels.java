package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * The pooling gradients (channels-last): MaxPoolGrad (inputs dy, x, y; attrs {@code filterSize},
 * {@code strides}, {@code pad}, {@code dimRoundingMode}), AvgPoolGrad (inputs dy, x; attrs
 * {@code filterSize}, {@code strides}, {@code pad}) and DilatedPoolGrad (inputs dy, x; the attrs of
 * DilatedPool), the gradient of what TF.js's spaceToBatchND / pool / batchToSpaceND composition
 * computes.
 *
 * <p>As in TF.js: max pooling sends dy to the first strict maximum of each window (NaN never
 * wins; a window without a maximum sends nothing); average pooling sends dy times
 * 1 / (filter height * filter width) to every pixel of the window, whatever the padding (so at
 * 'same' borders TF.js's gradient is not the derivative of its forward average, and neither is
 * this one). Each element is summed in double and rounded to float32 once.
 */
public final class PoolGradKernels {
    private PoolGradKernels() {
    }

    static void register() {
        KernelRegistry.register("MaxPoolGrad", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, true));
        KernelRegistry.register("AvgPoolGrad", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, false));
        KernelRegistry.register("DilatedPoolGrad", CpuBackend.NAME, PoolGradKernels::dilated);
    }

    static Tensor[] pool(Tensor[] inputs, Attrs attrs, Backend backend, boolean max) {
        Tensor x = inputs[1];
        ConvGeometry g = ConvGeometry.pool2d(x.shapeRef(), attrs.getInts("filterSize"), attrs.getInts("strides", null),
                new int[] {1}, attrs.get("pad"), max ? attrs.getString("dimRoundingMode", null) : null);
        float[] dy = ConvBackprop.dyNhwc(inputs[0], g);
        float[] xv = Cpu.floats(x);
        float[] dx = Cpu.newFloats(x.size());
        if (dx.length > 0 && dx.length == g.batchSize * g.inHeight * g.inWidth * g.inChannels) {
            double multiplier = 1.0 / (g.filterHeight * g.filterWidth);
            if (g.strideHeight >= g.effectiveFilterHeight && g.strideWidth >= g.effectiveFilterWidth) {
                // Windows do not overlap: each pixel gets at most one term, stored directly.
                if (max) {
                    maxScatter(xv, dy, g, null, dx);
                } else {
                    avgDirect(dy, g, multiplier, dx);
                }
            } else {
                double[] acc = new double[dx.length];
                if (max) {
                    maxScatter(xv, dy, g, acc, null);
                    ConvBackprop.store(acc, dx, 0, dx.length);
                } else {
                    avgScatter(dy, g, acc);
                    for (int i = 0; i < dx.length; i++) {
                        dx[i] = (float) (acc[i] * multiplier);
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dx, x.shape(), DType.FLOAT32, backend)};
    }

    /**
     * Adds each dy to the first strict maximum of its window: into acc, or (windows that do not
     * overlap, acc null) stored into dx.
     */
    private static void maxScatter(float[] x, float[] dy, ConvGeometry g, double[] acc, float[] dx) {
        int inC = g.inChannels;
        int rowStride = g.inWidth * inC;
        double[] best = new double[inC];
        int[] pos = Cpu.newInts(inC);
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * g.inHeight * rowStride;
            for (int yR = 0; yR < g.outHeight; yR++) {
                int xRCorner = yR * g.strideHeight - g.padTop;
                int xRMin = Math.max(0, xRCorner);
                int xRMax = Math.min(g.inHeight, g.effectiveFilterHeight + xRCorner);
                for (int yC = 0; yC < g.outWidth; yC++) {
                    int xCCorner = yC * g.strideWidth - g.padLeft;
                    int xCMin = Math.max(0, xCCorner);
                    int xCMax = Math.min(g.inWidth, g.effectiveFilterWidth + xCCorner);
                    for (int d = 0; d < inC; d++) {
                        best[d] = Double.NEGATIVE_INFINITY;
                        pos[d] = -1;
                    }
                    for (int r = xRMin; r < xRMax; r++) {
                        int rOff = xBatch + r * rowStride;
                        for (int c = xCMin; c < xCMax; c++) {
                            int off = rOff + c * inC;
                            for (int d = 0; d < inC; d++) {
                                double p = x[off + d];
                                if (p > best[d]) {
                                    best[d] = p;
                                    pos[d] = off + d;
                                }
                            }
                        }
                    }
                    int o = ((b * g.outHeight + yR) * g.outWidth + yC) * inC;
                    if (acc == null) {
                        for (int d = 0; d < inC; d++) {
                            if (pos[d] >= 0) {
                                dx[pos[d]] = dy[o + d];
                            }
                        }
                    } else {
                        for (int d = 0; d < inC; d++) {
                            if (pos[d] >= 0) {
                                acc[pos[d]] += dy[o + d];
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds each dy to every pixel of its window. */
    private static void avgScatter(float[] dy, ConvGeometry g, double[] acc) {
        int inC = g.inChannels;
        int rowStride = g.inWidth * inC;
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * g.inHeight * rowStride;
            for (int yR = 0; yR < g.outHeight; yR++) {
                int xRCorner = yR * g.strideHeight - g.padTop;
                int xRMin = Math.max(0, xRCorner);
                int xRMax = Math.min(g.inHeight, g.effectiveFilterHeight + xRCorner);
                for (int yC = 0; yC < g.outWidth; yC++) {
                    int xCCorner = yC * g.strideWidth - g.padLeft;
                    int xCMin = Math.max(0, xCCorner);
                    int xCMax = Math.min(g.inWidth, g.effectiveFilterWidth + xCCorner);
                    int o = ((b * g.outHeight + yR) * g.outWidth + yC) * inC;
                    for (int r = xRMin; r < xRMax; r++) {
                        int rOff = xBatch + r * rowStride;
                        for (int c = xCMin; c < xCMax; c++) {
                            addFloats(acc, rOff + c * inC, dy, o, inC);
                        }
                    }
                }
            }
        }
    }

    /** Windows that do not overlap: each pixel of a window gets dy * multiplier. */
    private static void avgDirect(float[] dy, ConvGeometry g, double multiplier, float[] dx) {
        int inC = g.inChannels;
        int rowStride = g.inWidth * inC;
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * g.inHeight * rowStride;
            for (int yR = 0; yR < g.outHeight; yR++) {
                int xRCorner = yR * g.strideHeight - g.padTop;
                int xRMin = Math.max(0, xRCorner);
                int xRMax = Math.min(g.inHeight, g.effectiveFilterHeight + xRCorner);
                for (int yC = 0; yC < g.outWidth; yC++) {
                    int xCCorner = yC * g.strideWidth - g.padLeft;
                    int xCMin = Math.max(0, xCCorner);
                    int xCMax = Math.min(g.inWidth, g.effectiveFilterWidth + xCCorner);
                    int o = ((b * g.outHeight + yR) * g.outWidth + yC) * inC;
                    for (int r = xRMin; r < xRMax; r++) {
                        int rOff = xBatch + r * rowStride;
                        for (int c = xCMin; c < xCMax; c++) {
                            scaleInto(dx, rOff + c * inC, dy, o, inC, multiplier);
                        }
                    }
                }
            }
        }
    }

    /** out[to + i] = (float) (v[from + i] * m) for i in [0, n). */
    private static void scaleInto(float[] out, int to, float[] v, int from, int n, double m) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            out[to + i] = (float) (v[from + i] * m);
            out[to + i + 1] = (float) (v[from + i + 1] * m);
            out[to + i + 2] = (float) (v[from + i + 2] * m);
            out[to + i + 3] = (float) (v[from + i + 3] * m);
        }
        for (; i < n; i++) {
            out[to + i] = (float) (v[from + i] * m);
        }
    }

    /** acc[to + i] += v[from + i] for i in [0, n). */
    private static void addFloats(double[] acc, int to, float[] v, int from, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            acc[to + i] += v[from + i];
            acc[to + i + 1] += v[from + i + 1];
            acc[to + i + 2] += v[from + i + 2];
            acc[to + i + 3] += v[from + i + 3];
        }
        for (; i < n; i++) {
            acc[to + i] += v[from + i];
        }
    }

    /**
     * The gradient of DilatedPool: TF.js's gradient of batchToSpaceND(pool(spaceToBatchND(x))),
     * where the padded pixels are zeros (they can be a window's maximum, and then take its
     * gradient away) and each average counts the whole window.
     */
    static Tensor[] dilated(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[1];
        int[] xs = x.shapeRef();
        if (xs.length != 4) {
            throw new IllegalArgumentException("DilatedPoolGrad: x must be rank 4");
        }
        int[] win = ConvGeometry.tuple(attrs.getInts("windowShape"));
        int[] dil = ConvGeometry.tuple(attrs.getInts("dilations"));
        boolean max = !"avg".equals(attrs.getString("poolingType", "max"));
        boolean same = "same".equals(attrs.get("pad"));
        int inH = xs[1];
        int inW = xs[2];
        int inC = xs[3];
        int fh = win[0];
        int fw = win[1];
        int dh = dil[0];
        int dw = dil[1];
        int padTop = same ? (fh + (fh - 1) * (dh - 1) - 1) / 2 : 0;
        int padLeft = same ? (fw + (fw - 1) * (dw - 1) - 1) / 2 : 0;
        int[] ys = inputs[0].shapeRef();
        float[] xv = Cpu.floats(x);
        float[] dy = Cpu.floats(inputs[0]);
        float[] dx = Cpu.newFloats(x.size());
        if (ys.length != 4 || ys[0] != xs[0] || ys[3] != inC) {
            throw new IllegalArgumentException("DilatedPoolGrad: dy of shape " + java.util.Arrays.toString(ys)
                    + " does not match x of shape " + java.util.Arrays.toString(xs));
        }
        int outH = ys[1];
        int outW = ys[2];
        double[] acc = new double[dx.length];
        int rowStride = inW * inC;
        for (int b = 0; b < xs[0]; b++) {
            int xBatch = b * inH * rowStride;
            for (int y = 0; y < outH; y++) {
                for (int xo = 0; xo < outW; xo++) {
                    int o = ((b * outH + y) * outW + xo) * inC;
                    for (int d = 0; d < inC; d++) {
                        double g = dy[o + d];
                        double bestValue = Double.NEGATIVE_INFINITY;
                        int bestPos = -1;
                        boolean bestInside = false;
                        for (int r = 0; r < fh; r++) {
                            int iy = y + r * dh - padTop;
                            boolean rowInside = iy >= 0 && iy < inH;
                            for (int s = 0; s < fw; s++) {
                                int ix = xo + s * dw - padLeft;
                                boolean inside = rowInside && ix >= 0 && ix < inW;
                                int off = inside ? xBatch + iy * rowStride + ix * inC + d : -1;
                                if (max) {
                                    double p = inside ? xv[off] : 0;
                                    if (p > bestValue) {
                                        bestValue = p;
                                        bestPos = off;
                                        bestInside = inside;
                                    }
                                } else if (inside) {
                                    acc[off] += g;
                                }
                            }
                        }
                        if (max && bestInside) {
                            acc[bestPos] += g;
                        }
                    }
                }
            }
        }
        if (max) {
            ConvBackprop.store(acc, dx, 0, dx.length);
        } else {
            double multiplier = 1.0 / (fh * fw);
            for (int i = 0; i < dx.length; i++) {
                dx[i] = (float) (acc[i] * multiplier);
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dx, x.shape(), DType.FLOAT32, backend)};
    }
}
