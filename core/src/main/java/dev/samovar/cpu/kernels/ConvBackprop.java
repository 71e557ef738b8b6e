package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;

/**
 * What the backward convolution and pooling kernels share: the geometry from their attrs, dy as a
 * channels-last buffer of the geometry's output size, and the unrolling of input patches (im2col)
 * and its adjoint (col2im, accumulating in double).
 */
final class ConvBackprop {
    /** The im2col block holds about this many values (at least MIN_ROWS rows). */
    static final int BUFFER = 32768;
    static final int MIN_ROWS = 32;

    private ConvBackprop() {
    }

    /**
     * The geometry of a conv2d with input {@code inShape} and filter {@code filterShape}. The
     * optional {@code dilations} attr (absent in TF.js's backprop kernels, which assume 1) lets
     * Samovar differentiate dilated convolutions.
     */
    static ConvGeometry geometry(int[] inShape, int[] filterShape, Attrs attrs, boolean depthwise) {
        boolean channelsLast = depthwise || !"NCHW".equals(attrs.getString("dataFormat", "NHWC"));
        int[] dilations = attrs.getInts("dilations", null);
        return ConvGeometry.conv2d(inShape, filterShape, attrs.getInts("strides", null),
                dilations == null ? new int[] {1} : dilations, attrs.get("pad"),
                attrs.getString("dimRoundingMode", null), depthwise, channelsLast);
    }

    /** Rejects a filter whose input depth is not the input's (the ops check this first). */
    static void checkChannels(ConvGeometry g, int[] filterShape) {
        if (filterShape.length != 4 || filterShape[2] != g.inChannels) {
            throw new IllegalArgumentException("Error in conv2d backprop: depth of input (" + g.inChannels
                    + ") must match input depth for filter " + (filterShape.length > 2 ? filterShape[2] : 0) + ".");
        }
    }

    /** x's values channels-last ([batch, inH, inW, inC]). */
    static float[] inputNhwc(Tensor x, ConvGeometry g) {
        float[] v = Cpu.floats(x);
        return g.channelsLast ? v : Conv2DKernel.nchwToNhwc(v, g.batchSize, g.inChannels, g.inHeight, g.inWidth);
    }

    /**
     * dy as a channels-last [batch, outH, outW, outC] buffer of the geometry's output size. When
     * dy's own shape differs (the forward pass rounded its output size with a dimRoundingMode the
     * backward pass does not get, as in TF.js), element (b, r, c, d) is read where TF.js's kernels
     * read it: at the flat index dy's own strides give, NaN past its end.
     */
    static float[] dyNhwc(Tensor dy, ConvGeometry g) {
        float[] v = Cpu.floats(dy);
        int[] s = dy.shapeRef();
        int n = g.batchSize;
        int oh = g.outHeight;
        int ow = g.outWidth;
        int oc = g.outChannels;
        boolean last = g.channelsLast;
        if (s.length == 4 && s[0] == n && (last ? s[1] == oh && s[2] == ow && s[3] == oc
                : s[1] == oc && s[2] == oh && s[3] == ow)) {
            return last ? v : Conv2DKernel.nchwToNhwc(v, n, oc, oh, ow);
        }
        int[] st = Shapes.fullStrides(s);
        int s1 = st.length > 1 ? st[1] : 1;
        int s2 = st.length > 2 ? st[2] : 1;
        float[] out = Cpu.newFloats(Shapes.sizeFromShape(new int[] {n, oh, ow, oc}));
        int o = 0;
        for (int b = 0; b < n; b++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    for (int d = 0; d < oc; d++) {
                        int flat = b * st[0] + (last ? r * s1 + c * s2 + d : d * s1 + r * s2 + c);
                        out[o++] = flat >= 0 && flat < v.length ? v[flat] : Float.NaN;
                    }
                }
            }
        }
        return out;
    }

    /** Output pixels per im2col block for patches of k values. */
    static int blockRows(int k, int pixels) {
        return Math.max(1, Math.min(Math.max(MIN_ROWS, BUFFER / Math.max(1, k)), pixels));
    }

    /** Whether the convolution is a plain matrix product over pixels (1x1, stride 1, no padding). */
    static boolean pointwise(ConvGeometry g) {
        return g.filterHeight == 1 && g.filterWidth == 1 && g.strideHeight == 1 && g.strideWidth == 1
                && g.padTop == 0 && g.padLeft == 0 && g.outHeight == g.inHeight && g.outWidth == g.inWidth;
    }

    /**
     * Unrolls output pixels p0..p0+m-1 of one channels-last image (at xBatch) into rows of cols:
     * row r holds the fh*fw*inC input values under the filter (zeros where padded).
     */
    static void im2col(float[] x, int xBatch, ConvGeometry g, int p0, int m, float[] cols) {
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
                    zero(cols, dst, fw * inC);
                    dst += fw * inC;
                    continue;
                }
                int rowBase = xBatch + iy * rowStride;
                for (int kx = 0; kx < fw; kx++) {
                    int ix = ix0 + kx * g.dilationWidth;
                    if (ix < 0 || ix >= inW) {
                        zero(cols, dst, inC);
                    } else if (inC >= 32) {
                        System.arraycopy(x, rowBase + ix * inC, cols, dst, inC);
                    } else {
                        for (int c = 0, src = rowBase + ix * inC; c < inC; c++) {
                            cols[dst + c] = x[src + c];
                        }
                    }
                    dst += inC;
                }
            }
        }
    }

    private static void zero(float[] a, int from, int n) {
        for (int i = 0; i < n; i++) {
            a[from + i] = 0;
        }
    }

    /**
     * The adjoint of {@link #im2col}: adds row r of cols (m rows of fh*fw*inC values, output pixels
     * p0..) into acc, one channels-last image, at the input positions the filter covered.
     */
    static void col2im(double[] cols, ConvGeometry g, int p0, int m, double[] acc) {
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
            int src = r * k;
            for (int ky = 0; ky < fh; ky++) {
                int iy = iy0 + ky * g.dilationHeight;
                if (iy < 0 || iy >= inH) {
                    src += fw * inC;
                    continue;
                }
                int rowBase = iy * rowStride;
                for (int kx = 0; kx < fw; kx++) {
                    int ix = ix0 + kx * g.dilationWidth;
                    if (ix >= 0 && ix < inW) {
                        addInto(acc, rowBase + ix * inC, cols, src, inC);
                    }
                    src += inC;
                }
            }
        }
    }

    /** acc[to + i] += v[from + i] for i in [0, n). */
    static void addInto(double[] acc, int to, double[] v, int from, int n) {
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

    /** out[off + i] = (float) acc[i] for i in [0, n): each sum rounded to float32 once. */
    static void store(double[] acc, float[] out, int off, int n) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            out[off + i] = (float) acc[i];
            out[off + i + 1] = (float) acc[i + 1];
            out[off + i + 2] = (float) acc[i + 2];
            out[off + i + 3] = (float) acc[i + 3];
        }
        for (; i < n; i++) {
            out[off + i] = (float) acc[i];
        }
    }
}
