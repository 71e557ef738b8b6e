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
 * DepthwiseConv2dNative and FusedDepthwiseConv2D (always channels-last, as TF.js's CPU kernel).
 * attrs: {@code strides}, {@code pad}, {@code dilations}, {@code dimRoundingMode}; the fused
 * kernel adds {@code activation}, {@code leakyreluAlpha}, optional bias and PReLU weights.
 *
 * <p>A direct loop per output pixel with channels innermost and contiguous. Each output element
 * accumulates its products in float32, in the same order as TF.js (filter row, then column), so
 * results are bit-identical.
 */
public final class DepthwiseConv2dNativeKernel {
    private DepthwiseConv2dNativeKernel() {
    }

    static void register() {
        KernelRegistry.register("DepthwiseConv2dNative", CpuBackend.NAME, DepthwiseConv2dNativeKernel::depthwise);
        KernelRegistry.register("FusedDepthwiseConv2D", CpuBackend.NAME, DepthwiseConv2dNativeKernel::fused);
    }

    static ConvGeometry geometry(Tensor x, Tensor filter, Attrs attrs) {
        int[] given = attrs.getInts("dilations", null);
        int[] dilations = given == null ? new int[] {1, 1} : given;
        int[] strides = attrs.getInts("strides", null);
        if (!ConvGeometry.eitherStridesOrDilationsAreOne(strides, dilations)) {
            throw new IllegalArgumentException("Error in depthwiseConv2d: Either strides or dilations must be 1. Got "
                    + "strides " + ConvGeometry.tupleToString(strides) + " and dilations '"
                    + ConvGeometry.tupleToString(dilations) + "'");
        }
        return ConvGeometry.conv2d(x.shapeRef(), filter.shapeRef(), strides, dilations, attrs.get("pad"),
                attrs.getString("dimRoundingMode", null), true, true);
    }

    static Tensor[] depthwise(Tensor[] inputs, Attrs attrs, Backend backend) {
        ConvGeometry g = geometry(inputs[0], inputs[1], attrs);
        float[] out = compute(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]), inputs[1].shapeRef(), g);
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, DType.FLOAT32, backend)};
    }

    static Tensor[] fused(Tensor[] inputs, Attrs attrs, Backend backend) {
        ConvGeometry g = geometry(inputs[0], inputs[1], attrs);
        float[] out = compute(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]), inputs[1].shapeRef(), g);
        Tensor[] extra = FusedActivation.extras(inputs, 2, attrs);
        return new Tensor[] {FusedActivation.apply(backend, out, g.outShape, DType.FLOAT32,
                extra[0], extra[1],
                attrs.getString("activation", "linear"), attrs.getDouble("leakyreluAlpha"), false)};
    }

    /** Depthwise convolution of NHWC x with filter [fh, fw, fInC, mult]; output in g.outShape. */
    public static float[] compute(float[] x, float[] filter, int[] filterShape, ConvGeometry g) {
        int outH = g.outHeight;
        int outW = g.outWidth;
        int outC = g.outChannels;
        int inH = g.inHeight;
        int inW = g.inWidth;
        int inC = g.inChannels;
        int fh = g.filterHeight;
        int fw = g.filterWidth;
        int mult = filterShape[3];
        int fs1 = filterShape[2] * mult;
        int fs0 = fw * fs1;
        float[] out = Cpu.newFloats(g.batchSize * outH * outW * outC);
        if (out.length == 0) {
            return out;
        }
        float[] w = filter;
        // The filter's channel count differs from x's only for NCHW input, which TF.js's kernel reads
        // as NHWC past the filter's end (undefined: NaN).
        int needed = (fh - 1) * fs0 + (fw - 1) * fs1 + inC * mult;
        if (needed > filter.length) {
            w = Cpu.newFloats(needed);
            System.arraycopy(filter, 0, w, 0, filter.length);
            for (int i = filter.length; i < needed; i++) {
                w[i] = Float.NaN;
            }
        }
        int xRow = inW * inC;
        for (int b = 0; b < g.batchSize; b++) {
            int xBatch = b * inH * xRow;
            for (int oy = 0; oy < outH; oy++) {
                int iy0 = oy * g.strideHeight - g.padTop;
                for (int ox = 0; ox < outW; ox++) {
                    int o = ((b * outH + oy) * outW + ox) * outC;
                    int ix0 = ox * g.strideWidth - g.padLeft;
                    for (int ky = 0; ky < fh; ky++) {
                        int iy = iy0 + ky * g.dilationHeight;
                        if (iy < 0 || iy >= inH) {
                            continue;
                        }
                        int xr = xBatch + iy * xRow;
                        int wr = ky * fs0;
                        for (int kx = 0; kx < fw; kx++) {
                            int ix = ix0 + kx * g.dilationWidth;
                            if (ix < 0 || ix >= inW) {
                                continue;
                            }
                            int xo = xr + ix * inC;
                            int wo = wr + kx * fs1;
                            if (mult == 1) {
                                multiplyAdd(out, o, x, xo, w, wo, inC);
                            } else {
                                int oo = o;
                                for (int c = 0; c < inC; c++) {
                                    double xv = x[xo + c];
                                    for (int q = 0; q < mult; q++) {
                                        out[oo + q] = (float) (out[oo + q] + xv * w[wo + q]);
                                    }
                                    oo += mult;
                                    wo += mult;
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** out[o+c] += x[xo+c] * w[wo+c] for c in [0, n), each sum rounded to float32. */
    private static void multiplyAdd(float[] out, int o, float[] x, int xo, float[] w, int wo, int n) {
        int c = 0;
        for (; c + 3 < n; c += 4) {
            out[o + c] = (float) (out[o + c] + (double) x[xo + c] * w[wo + c]);
            out[o + c + 1] = (float) (out[o + c + 1] + (double) x[xo + c + 1] * w[wo + c + 1]);
            out[o + c + 2] = (float) (out[o + c + 2] + (double) x[xo + c + 2] * w[wo + c + 2]);
            out[o + c + 3] = (float) (out[o + c + 3] + (double) x[xo + c + 3] * w[wo + c + 3]);
        }
        for (; c < n; c++) {
            out[o + c] = (float) (out[o + c] + (double) x[xo + c] * w[wo + c]);
        }
    }
}
