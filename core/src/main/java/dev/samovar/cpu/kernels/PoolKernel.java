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
 * MaxPool and AvgPool (NHWC; attrs {@code filterSize}, {@code strides}, {@code pad},
 * {@code dimRoundingMode}), and DilatedPool, which computes what TF.js's {@code tf.pool} computes
 * for dilations &gt; 1 with spaceToBatchND / pool / batchToSpaceND: the window samples every
 * dilation-th pixel, and the 'same' padding counts as zeros (attrs {@code windowShape},
 * {@code poolingType}, {@code pad}, {@code dilations}).
 *
 * <p>As in TF.js, max ignores NaN, an empty window gives -Infinity (max) or NaN (avg), and the
 * average is a double-precision sum over the window divided by the count.
 */
public final class PoolKernel {
    private PoolKernel() {
    }

    static void register() {
        KernelRegistry.register("MaxPool", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, true));
        KernelRegistry.register("AvgPool", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, false));
        KernelRegistry.register("DilatedPool", CpuBackend.NAME, PoolKernel::dilated);
    }

    static Tensor[] pool(Tensor[] inputs, Attrs attrs, Backend backend, boolean max) {
        Tensor x = inputs[0];
        ConvGeometry g = ConvGeometry.pool2d(x.shapeRef(), attrs.getInts("filterSize"), attrs.getInts("strides", null),
                new int[] {1}, attrs.get("pad"), attrs.getString("dimRoundingMode", null));
        if (g.filterWidth == 1 && g.filterHeight == 1 && Shapes.equal(g.inShape, g.outShape)) {
            return new Tensor[] {x.clone()};
        }
        int size = Shapes.sizeFromShape(g.outShape);
        Object xv = x.dataId().payload;
        float[] xf = xv instanceof float[] ? (float[]) xv : null;
        int[] xi = xv instanceof int[] ? (int[]) xv : null;
        double[] acc = new double[g.inChannels];
        int[] cnt = Cpu.newInts(g.inChannels);
        float[] outF = x.dtype() == DType.FLOAT32 ? Cpu.newFloats(size) : null;
        int[] outI = outF == null ? Cpu.newInts(size) : null;
        boolean isBool = x.dtype() == DType.BOOL;
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
                    for (int d = 0; d < inC; d++) {
                        acc[d] = max ? Double.NEGATIVE_INFINITY : 0;
                        cnt[d] = 0;
                    }
                    for (int r = xRMin; r < xRMax; r += g.dilationHeight) {
                        int rOff = xBatch + r * rowStride;
                        for (int c = xCMin; c < xCMax; c += g.dilationWidth) {
                            int off = rOff + c * inC;
                            if (max) {
                                for (int d = 0; d < inC; d++) {
                                    double p = xf != null ? xf[off + d] : xi[off + d];
                                    if (p > acc[d]) {
                                        acc[d] = p;
                                    }
                                }
                            } else {
                                for (int d = 0; d < inC; d++) {
                                    acc[d] += xf != null ? xf[off + d] : xi[off + d];
                                    cnt[d]++;
                                }
                            }
                        }
                    }
                    int o = ((b * g.outHeight + yR) * g.outWidth + yC) * inC;
                    for (int d = 0; d < inC; d++) {
                        double v = max ? acc[d] : acc[d] / cnt[d];
                        if (outF != null) {
                            outF[o + d] = (float) v;
                        } else {
                            outI[o + d] = isBool ? JsNumber.toUint8(v) : JsNumber.toInt32(v);
                        }
                    }
                }
            }
        }
        Object out = outF != null ? outF : outI;
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, x.dtype(), backend)};
    }

    /**
     * tf.pool with dilations &gt; 1 (strides 1): pads as spaceToBatchND does (zeros), pools each
     * dilated window with 'valid' windows, and crops as batchToSpaceND does.
     */
    static Tensor[] dilated(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] xs = x.shapeRef();
        int[] win = ConvGeometry.tuple(attrs.getInts("windowShape"));
        int[] dil = ConvGeometry.tuple(attrs.getInts("dilations"));
        boolean max = !"avg".equals(attrs.getString("poolingType", "max"));
        boolean same = "same".equals(attrs.get("pad"));
        int batch = xs[0];
        int inH = xs[1];
        int inW = xs[2];
        int inC = xs[3];
        int fh = win[0];
        int fw = win[1];
        int dh = dil[0];
        int dw = dil[1];
        int padTop = 0;
        int padLeft = 0;
        int padBottom = 0;
        int padRight = 0;
        if (same) {
            int extraH = fh + (fh - 1) * (dh - 1) - 1;
            int extraW = fw + (fw - 1) * (dw - 1) - 1;
            padTop = extraH / 2;
            padBottom = extraH - padTop;
            padLeft = extraW / 2;
            padRight = extraW - padLeft;
        }
        // spaceToBatchND's padded size, rounded up to a multiple of the block.
        int fullH = inH + padTop + padBottom;
        int fullW = inW + padLeft + padRight;
        int extraEndH = (dh - fullH % dh) % dh;
        int extraEndW = (dw - fullW % dw) % dw;
        int subH = (fullH + extraEndH) / dh;
        int subW = (fullW + extraEndW) / dw;
        int subOutH = subH - fh + 1;
        int subOutW = subW - fw + 1;
        Shapes.sizeFromShape(new int[] {batch * dh * dw, subOutH, subOutW, inC});
        int outH = cropSize(subOutH * dh, extraEndH, 1);
        int outW = cropSize(subOutW * dw, extraEndW, 2);
        int[] outShape = {batch, outH, outW, inC};
        int size = Shapes.sizeFromShape(outShape);
        Object xv = x.dataId().payload;
        float[] xf = xv instanceof float[] ? (float[]) xv : null;
        int[] xi = xv instanceof int[] ? (int[]) xv : null;
        float[] outF = x.dtype() == DType.FLOAT32 ? Cpu.newFloats(size) : null;
        int[] outI = outF == null ? Cpu.newInts(size) : null;
        boolean isBool = x.dtype() == DType.BOOL;
        double count = (double) fh * fw;
        int rowStride = inW * inC;
        for (int b = 0; b < batch; b++) {
            int xBatch = b * inH * rowStride;
            for (int y = 0; y < outH; y++) {
                for (int xo = 0; xo < outW; xo++) {
                    int o = ((b * outH + y) * outW + xo) * inC;
                    for (int d = 0; d < inC; d++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int r = 0; r < fh; r++) {
                            int iy = y + r * dh - padTop;
                            for (int s = 0; s < fw; s++) {
                                int ix = xo + s * dw - padLeft;
                                double p = 0;
                                if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
                                    int off = xBatch + iy * rowStride + ix * inC + d;
                                    p = xf != null ? xf[off] : xi[off];
                                }
                                if (max) {
                                    if (p > acc) {
                                        acc = p;
                                    }
                                } else {
                                    acc += p;
                                }
                            }
                        }
                        // spaceToBatchND stores the padded input in the input's dtype first.
                        double v = max ? acc : acc / count;
                        if (outF != null) {
                            outF[o + d] = (float) v;
                        } else {
                            outI[o + d] = isBool ? JsNumber.toUint8(v) : JsNumber.toInt32(v);
                        }
                    }
                }
            }
        }
        Object out = outF != null ? outF : outI;
        return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
    }

    /** batchToSpaceND's crop as TF.js slices it: a size of -1 means "the rest", below that fails. */
    private static int cropSize(int full, int cropEnd, int axis) {
        int size = full - cropEnd;
        if (size == -1) {
            return full;
        }
        if (size < -1) {
            throw new IllegalArgumentException("Negative size values should be exactly -1 but got " + size
                    + " for the slice() size at index " + axis + ".");
        }
        return size;
    }
}
