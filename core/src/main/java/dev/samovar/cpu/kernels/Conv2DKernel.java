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
 * Conv2D and FusedConv2D. attrs: {@code strides}, {@code pad}, {@code dataFormat} ('NHWC' |
 * 'NCHW'), {@code dilations}, {@code dimRoundingMode}; FusedConv2D adds {@code activation},
 * {@code leakyreluAlpha} and optional inputs bias, preluActivationWeights.
 *
 * <p>Three paths, by size. Up to {@link #EXACT_MAX_MACS} multiply-adds: a direct loop that
 * accumulates in float32 in TF.js's order (filter row, column, input channel), so results are
 * bit-identical to TF.js. Larger, with small filters: the same direct loop summing in double,
 * stored once. Larger filters (or dilated columns): blocks of output pixels unrolled (im2col,
 * padding as zeros) and multiplied with the filter seen as a [fh*fw*inC, outC] matrix by
 * {@link Gemm}. The double paths agree with TF.js's float32 running sums to float32 rounding.
 */
public final class Conv2DKernel {
    /** The im2col buffer holds about this many floats (at least MIN_ROWS rows). */
    private static final int BUFFER = 32768;
    private static final int MIN_ROWS = 64;
    /**
     * Convolutions of at most this many multiply-adds accumulate in float32 in TF.js's order
     * (bit-identical results); larger ones sum in double (faster, within float32 rounding).
     */
    private static final long EXACT_MAX_MACS = 1L << 22;
    /** Filters with at most this many taps (fh*fw*inC) are computed directly, without im2col. */
    private static final int DIRECT_MAX_K = 64;

    private Conv2DKernel() {
    }

    static void register() {
        KernelRegistry.register("Conv2D", CpuBackend.NAME, Conv2DKernel::conv2d);
        KernelRegistry.register("FusedConv2D", CpuBackend.NAME, Conv2DKernel::fused);
    }

    static ConvGeometry geometry(Tensor x, Tensor filter, Attrs attrs) {
        boolean channelsLast = !"NCHW".equals(attrs.getString("dataFormat", "NHWC"));
        return ConvGeometry.conv2d(x.shapeRef(), filter.shapeRef(), attrs.getInts("strides", null),
                attrs.getInts("dilations", null), attrs.get("pad"), attrs.getString("dimRoundingMode", null), false,
                channelsLast);
    }

    static Tensor[] conv2d(Tensor[] inputs, Attrs attrs, Backend backend) {
        ConvGeometry g = geometry(inputs[0], inputs[1], attrs);
        float[] out = compute(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]), g);
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, DType.FLOAT32, backend)};
    }

    static Tensor[] fused(Tensor[] inputs, Attrs attrs, Backend backend) {
        ConvGeometry g = geometry(inputs[0], inputs[1], attrs);
        float[] out = compute(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]), g);
        boolean nchw = !g.channelsLast;
        Tensor[] extra = FusedActivation.extras(inputs, 2, attrs);
        return new Tensor[] {FusedActivation.apply(backend, out, g.outShape, DType.FLOAT32,
                extra[0], extra[1],
                attrs.getString("activation", "linear"), attrs.getDouble("leakyreluAlpha"), nchw)};
    }

    /** The convolution of x (in g.inShape) with filter [fh, fw, inC, outC]; output in g.outShape. */
    public static float[] compute(float[] x, float[] w, ConvGeometry g) {
        if (!g.channelsLast) {
            float[] xNhwc = nchwToNhwc(x, g.batchSize, g.inChannels, g.inHeight, g.inWidth);
            float[] yNhwc = computeNhwc(xNhwc, w, g);
            return nhwcToNchw(yNhwc, g.batchSize, g.outHeight, g.outWidth, g.outChannels);
        }
        return computeNhwc(x, w, g);
    }

    private static float[] computeNhwc(float[] x, float[] w, ConvGeometry g) {
        int outH = g.outHeight;
        int outW = g.outWidth;
        int outC = g.outChannels;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int k = fh * fw * inC;
        int pixels = outH * outW;
        float[] out = Cpu.newFloats(g.batchSize * pixels * outC);
        if (out.length == 0 || k == 0) {
            return out;
        }
        boolean pointwise = fh == 1 && fw == 1 && g.strideHeight == 1 && g.strideWidth == 1 && g.padTop == 0
                && g.padLeft == 0 && outH == inH && outW == inW;
        if ((long) out.length * k <= EXACT_MAX_MACS) {
            directExact(x, w, g, out);
            return out;
        }
        if (!pointwise && k <= DIRECT_MAX_K && g.dilationWidth == 1) {
            direct(x, w, g, out);
            return out;
        }
        int rows = Math.min(Math.max(MIN_ROWS, BUFFER / k), pixels);
        float[] cols = pointwise ? null : Cpu.newFloats(rows * k);
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * inH * inW * inC;
            int yBatch = b * pixels * outC;
            if (pointwise) {
                Gemm.gemm(pixels, outC, k, x, xBatch, k, 1, w, 0, outC, 1, out, yBatch);
                continue;
            }
            for (int p0 = 0; p0 < pixels; p0 += rows) {
                int m = Math.min(rows, pixels - p0);
                im2col(x, xBatch, g, p0, m, cols);
                Gemm.gemm(m, outC, k, cols, 0, k, 1, w, 0, outC, 1, out, yBatch + p0 * outC);
            }
        }
        return out;
    }

    /** Unrolls output pixels p0..p0+m-1 of one image into rows of cols (zeros where padded). */
    private static void im2col(float[] x, int xBatch, ConvGeometry g, int p0, int m, float[] cols) {
        int outW = g.outWidth;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int k = fh * fw * inC;
        int rowStride = inW * inC;
        for (int r = 0; r < m; r++) {
            int p = p0 + r;
            int oy = p / outW;
            int ox = p - oy * outW;
            int iy0 = oy * g.strideHeight - g.padTop;
            int ix0 = ox * g.strideWidth - g.padLeft;
            int dst = r * k;
            for (int ky = 0; ky < fh; ky++) {
                int iy = iy0 + ky * g.dilationHeight;
                if (iy < 0 || iy >= inH) {
                    for (int i = 0, n = fw * inC; i < n; i++) {
                        cols[dst++] = 0;
                    }
                    continue;
                }
                int rowBase = xBatch + iy * rowStride;
                for (int kx = 0; kx < fw; kx++) {
                    int ix = ix0 + kx * g.dilationWidth;
                    if (ix < 0 || ix >= inW) {
                        for (int c = 0; c < inC; c++) {
                            cols[dst++] = 0;
                        }
                    } else if (inC >= 32) {
                        System.arraycopy(x, rowBase + ix * inC, cols, dst, inC);
                        dst += inC;
                    } else {
                        for (int c = 0, src = rowBase + ix * inC; c < inC; c++) {
                            cols[dst++] = x[src + c];
                        }
                    }
                }
            }
        }
    }

    static float[] nchwToNhwc(float[] x, int n, int c, int h, int w) {
        float[] out = Cpu.newFloats(x.length);
        int hw = h * w;
        for (int b = 0; b < n; b++) {
            int base = b * c * hw;
            for (int ch = 0; ch < c; ch++) {
                int src = base + ch * hw;
                for (int i = 0; i < hw; i++) {
                    out[base + i * c + ch] = x[src + i];
                }
            }
        }
        return out;
    }

    static float[] nhwcToNchw(float[] y, int n, int h, int w, int c) {
        float[] out = Cpu.newFloats(y.length);
        int hw = h * w;
        for (int b = 0; b < n; b++) {
            int base = b * c * hw;
            for (int i = 0; i < hw; i++) {
                int src = base + i * c;
                for (int ch = 0; ch < c; ch++) {
                    out[base + ch * hw + i] = y[src + ch];
                }
            }
        }
        return out;
    }

    /**
     * Direct convolution for small filters (dilation width 1): each output pixel reads, per filter
     * row, one contiguous run of fw*inC input values (or a zero-padded copy at the borders). Two
     * pixels by four output channels at a time, summed in double in im2col order and stored once.
     */
    private static void direct(float[] x, float[] w, ConvGeometry g, float[] out) {
        int outH = g.outHeight;
        int outW = g.outWidth;
        int n = g.outChannels;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int seg = fw * inC;
        int n4 = n & ~3;
        int[] offA = Cpu.newInts(fh);
        int[] offB = Cpu.newInts(fh);
        float[] scratchA = Cpu.newFloats(fh * seg);
        float[] scratchB = Cpu.newFloats(fh * seg);
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * inH * inW * inC;
            for (int oy = 0; oy < outH; oy++) {
                int iy0 = oy * g.strideHeight - g.padTop;
                for (int ox = 0; ox < outW; ox += 2) {
                    boolean two = ox + 1 < outW;
                    float[] srcA = rows(x, xBatch, g, iy0, ox, offA, scratchA);
                    float[] srcB = two ? rows(x, xBatch, g, iy0, ox + 1, offB, scratchB) : srcA;
                    int[] ob = two ? offB : offA;
                    int yA = ((b * outH + oy) * outW + ox) * n;
                    int yB = yA + n;
                    int j8 = eightWide(srcA, srcB, offA, ob, w, fh, seg, n, out, yA, yB, two);
                    for (int j = j8; j < n4; j += 4) {
                        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
                        for (int ky = 0; ky < fh; ky++) {
                            int pa = offA[ky];
                            if (pa < 0) {
                                continue;
                            }
                            int pb = ob[ky];
                            int wi = ky * seg * n + j;
                            for (int t = 0; t < seg; t++) {
                                double xa = srcA[pa + t];
                                double xb = srcB[pb + t];
                                double w0 = w[wi];
                                double w1 = w[wi + 1];
                                double w2 = w[wi + 2];
                                double w3 = w[wi + 3];
                                a0 += xa * w0;
                                a1 += xa * w1;
                                a2 += xa * w2;
                                a3 += xa * w3;
                                b0 += xb * w0;
                                b1 += xb * w1;
                                b2 += xb * w2;
                                b3 += xb * w3;
                                wi += n;
                            }
                        }
                        out[yA + j] = (float) a0;
                        out[yA + j + 1] = (float) a1;
                        out[yA + j + 2] = (float) a2;
                        out[yA + j + 3] = (float) a3;
                        if (two) {
                            out[yB + j] = (float) b0;
                            out[yB + j + 1] = (float) b1;
                            out[yB + j + 2] = (float) b2;
                            out[yB + j + 3] = (float) b3;
                        }
                    }
                    for (int j = n4; j < n; j++) {
                        double a0 = 0;
                        double b0 = 0;
                        for (int ky = 0; ky < fh; ky++) {
                            int pa = offA[ky];
                            if (pa < 0) {
                                continue;
                            }
                            int pb = ob[ky];
                            int wi = ky * seg * n + j;
                            for (int t = 0; t < seg; t++) {
                                a0 += (double) srcA[pa + t] * w[wi];
                                b0 += (double) srcB[pb + t] * w[wi];
                                wi += n;
                            }
                        }
                        out[yA + j] = (float) a0;
                        if (two) {
                            out[yB + j] = (float) b0;
                        }
                    }
                }
            }
        }
    }

    /**
     * Output channels in blocks of eight for the two pixels of {@link #direct} (16 accumulators,
     * 10 loads per 16 multiply-adds); returns the first channel left for the 4-wide loop.
     */
    private static int eightWide(float[] srcA, float[] srcB, int[] offA, int[] ob, float[] w, int fh, int seg, int n,
            float[] out, int yA, int yB, boolean two) {
        int n8 = n & ~7;
        for (int j = 0; j < n8; j += 8) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
            for (int ky = 0; ky < fh; ky++) {
                int pa = offA[ky];
                if (pa < 0) {
                    continue;
                }
                int pb = ob[ky];
                int wi = ky * seg * n + j;
                for (int t = 0; t < seg; t++) {
                    double xa = srcA[pa + t];
                    double xb = srcB[pb + t];
                    double w0 = w[wi];
                    double w1 = w[wi + 1];
                    double w2 = w[wi + 2];
                    double w3 = w[wi + 3];
                    double w4 = w[wi + 4];
                    double w5 = w[wi + 5];
                    double w6 = w[wi + 6];
                    double w7 = w[wi + 7];
                    a0 += xa * w0;
                    a1 += xa * w1;
                    a2 += xa * w2;
                    a3 += xa * w3;
                    a4 += xa * w4;
                    a5 += xa * w5;
                    a6 += xa * w6;
                    a7 += xa * w7;
                    b0 += xb * w0;
                    b1 += xb * w1;
                    b2 += xb * w2;
                    b3 += xb * w3;
                    b4 += xb * w4;
                    b5 += xb * w5;
                    b6 += xb * w6;
                    b7 += xb * w7;
                    wi += n;
                }
            }
            out[yA + j] = (float) a0;
            out[yA + j + 1] = (float) a1;
            out[yA + j + 2] = (float) a2;
            out[yA + j + 3] = (float) a3;
            out[yA + j + 4] = (float) a4;
            out[yA + j + 5] = (float) a5;
            out[yA + j + 6] = (float) a6;
            out[yA + j + 7] = (float) a7;
            if (two) {
                out[yB + j] = (float) b0;
                out[yB + j + 1] = (float) b1;
                out[yB + j + 2] = (float) b2;
                out[yB + j + 3] = (float) b3;
                out[yB + j + 4] = (float) b4;
                out[yB + j + 5] = (float) b5;
                out[yB + j + 6] = (float) b6;
                out[yB + j + 7] = (float) b7;
            }
        }
        return n8;
    }

    /**
     * The input rows of output column ox: offs[ky] is where filter row ky's run of fw*inC values
     * starts in the returned array (x itself, or scratch holding a zero-padded copy), or -1 where
     * the row lies in the padding.
     */
    private static float[] rows(float[] x, int xBatch, ConvGeometry g, int iy0, int ox, int[] offs, float[] scratch) {
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fw = g.filterWidth;
        int seg = fw * inC;
        int ix0 = ox * g.strideWidth - g.padLeft;
        int dw = g.dilationWidth;
        boolean inside = dw == 1 && ix0 >= 0 && ix0 + fw <= inW;
        for (int ky = 0; ky < offs.length; ky++) {
            int iy = iy0 + ky * g.dilationHeight;
            if (iy < 0 || iy >= inH) {
                offs[ky] = -1;
                continue;
            }
            int rowStart = xBatch + iy * inW * inC;
            if (inside) {
                offs[ky] = rowStart + ix0 * inC;
                continue;
            }
            int dst = ky * seg;
            offs[ky] = dst;
            for (int kx = 0; kx < fw; kx++) {
                int ix = ix0 + kx * dw;
                boolean valid = ix >= 0 && ix < inW;
                int src = rowStart + ix * inC;
                for (int c = 0; c < inC; c++) {
                    scratch[dst++] = valid ? x[src + c] : 0;
                }
            }
        }
        return inside ? x : scratch;
    }

    /**
     * The direct convolution accumulating in float32 (each sum stored in a float array, which
     * rounds on the JVM and in TeaVM alike), in TF.js's order: filter row, column, input channel.
     */
    private static void directExact(float[] x, float[] w, ConvGeometry g, float[] out) {
        int outH = g.outHeight;
        int outW = g.outWidth;
        int n = g.outChannels;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int seg = fw * inC;
        int n4 = n & ~3;
        int[] offA = Cpu.newInts(fh);
        int[] offB = Cpu.newInts(fh);
        float[] scratchA = Cpu.newFloats(fh * seg);
        float[] scratchB = Cpu.newFloats(fh * seg);
        float[] acc = Cpu.newFloats(8);
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * inH * inW * inC;
            for (int oy = 0; oy < outH; oy++) {
                int iy0 = oy * g.strideHeight - g.padTop;
                for (int ox = 0; ox < outW; ox += 2) {
                    boolean two = ox + 1 < outW;
                    float[] srcA = rows(x, xBatch, g, iy0, ox, offA, scratchA);
                    float[] srcB = two ? rows(x, xBatch, g, iy0, ox + 1, offB, scratchB) : srcA;
                    int[] ob = two ? offB : offA;
                    int yA = ((b * outH + oy) * outW + ox) * n;
                    int yB = yA + n;
                    for (int j = 0; j < n4; j += 4) {
                        for (int r = 0; r < 8; r++) {
                            acc[r] = 0;
                        }
                        for (int ky = 0; ky < fh; ky++) {
                            int pa = offA[ky];
                            if (pa < 0) {
                                continue;
                            }
                            int pb = ob[ky];
                            int wi = ky * seg * n + j;
                            for (int t = 0; t < seg; t++) {
                                double xa = srcA[pa + t];
                                double xb = srcB[pb + t];
                                double w0 = w[wi];
                                double w1 = w[wi + 1];
                                double w2 = w[wi + 2];
                                double w3 = w[wi + 3];
                                acc[0] = (float) (acc[0] + xa * w0);
                                acc[1] = (float) (acc[1] + xa * w1);
                                acc[2] = (float) (acc[2] + xa * w2);
                                acc[3] = (float) (acc[3] + xa * w3);
                                acc[4] = (float) (acc[4] + xb * w0);
                                acc[5] = (float) (acc[5] + xb * w1);
                                acc[6] = (float) (acc[6] + xb * w2);
                                acc[7] = (float) (acc[7] + xb * w3);
                                wi += n;
                            }
                        }
                        out[yA + j] = acc[0];
                        out[yA + j + 1] = acc[1];
                        out[yA + j + 2] = acc[2];
                        out[yA + j + 3] = acc[3];
                        if (two) {
                            out[yB + j] = acc[4];
                            out[yB + j + 1] = acc[5];
                            out[yB + j + 2] = acc[6];
                            out[yB + j + 3] = acc[7];
                        }
                    }
                    for (int j = n4; j < n; j++) {
                        acc[0] = 0;
                        acc[1] = 0;
                        for (int ky = 0; ky < fh; ky++) {
                            int pa = offA[ky];
                            if (pa < 0) {
                                continue;
                            }
                            int pb = ob[ky];
                            int wi = ky * seg * n + j;
                            for (int t = 0; t < seg; t++) {
                                acc[0] = (float) (acc[0] + (double) srcA[pa + t] * w[wi]);
                                acc[1] = (float) (acc[1] + (double) srcB[pb + t] * w[wi]);
                                wi += n;
                            }
                        }
                        out[yA + j] = acc[0];
                        if (two) {
                            out[yB + j] = acc[1];
                        }
                    }
                }
            }
        }
    }
}
