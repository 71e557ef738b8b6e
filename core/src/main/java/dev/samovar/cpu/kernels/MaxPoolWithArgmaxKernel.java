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
 * MaxPoolWithArgmax (NHWC; attrs {@code filterSize}, {@code strides}, {@code pad},
 * {@code includeBatchInIndex}): MaxPool's result, and for each output the flattened index
 * {@code (y * width + x) * channels + c} (with the batch: {@code ((b * height + y) * width + x) *
 * channels + c}) of the window's first maximum, -1 where the window has none (int32), as TF.js's
 * CPU backend computes them.
 */
public final class MaxPoolWithArgmaxKernel {
    private MaxPoolWithArgmaxKernel() {
    }

    static void register() {
        KernelRegistry.register("MaxPoolWithArgmax", CpuBackend.NAME, MaxPoolWithArgmaxKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        if (x.rank() != 4) {
            throw new IllegalArgumentException("MaxPoolWithArgmax needs a rank-4 input, got rank " + x.rank());
        }
        Attrs poolAttrs = Attrs.of().put("filterSize", attrs.getInts("filterSize"))
                .put("strides", attrs.getInts("strides", null)).put("pad", attrs.get("pad"));
        ConvGeometry g = ConvGeometry.pool2d(x.shapeRef(), attrs.getInts("filterSize"), attrs.getInts("strides", null),
                new int[] {1, 1}, attrs.get("pad"), null);
        Tensor pooled = poolOf(x, poolAttrs, backend, g);
        boolean withBatch = attrs.getBool("includeBatchInIndex", false);
        float[] xv = Cpu.floats(x);
        int[] idx = Cpu.newInts(Shapes.sizeFromShape(g.outShape));
        int inC = g.inChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int d = 0; d < inC; d++) {
                for (int yR = 0; yR < g.outHeight; yR++) {
                    int rCorner = yR * g.strideHeight - g.padTop;
                    int rMin = rCorner;
                    while (rMin < 0) {
                        rMin += g.dilationHeight;
                    }
                    int rMax = Math.min(g.inHeight, g.effectiveFilterHeight + rCorner);
                    for (int yC = 0; yC < g.outWidth; yC++) {
                        int cCorner = yC * g.strideWidth - g.padLeft;
                        int cMin = cCorner;
                        while (cMin < 0) {
                            cMin += g.dilationWidth;
                        }
                        int cMax = Math.min(g.inWidth, g.effectiveFilterWidth + cCorner);
                        double best = Double.NEGATIVE_INFINITY;
                        int pos = -1;
                        for (int r = rMin; r < rMax; r += g.dilationHeight) {
                            for (int c = cMin; c < cMax; c += g.dilationWidth) {
                                double p = xv[((b * g.inHeight + r) * g.inWidth + c) * inC + d];
                                if (p > best) {
                                    best = p;
                                    pos = withBatch ? ((b * g.inHeight + r) * g.inWidth + c) * inC + d
                                            : (r * g.inWidth + c) * inC + d;
                                }
                            }
                        }
                        idx[((b * g.outHeight + yR) * g.outWidth + yC) * inC + d] = pos;
                    }
                }
            }
        }
        Tensor indexes = Engine.get().makeTensor(idx, g.outShape, DType.INT32, backend);
        return new Tensor[] {pooled, indexes};
    }

    /** MaxPool's values (TF.js's pool() has no identity shortcut here: a 1x1 window still copies). */
    private static Tensor poolOf(Tensor x, Attrs attrs, Backend backend, ConvGeometry g) {
        if (g.filterWidth == 1 && g.filterHeight == 1 && Shapes.equal(g.inShape, g.outShape)) {
            Object v = x.dataId().payload;
            Object copy = v instanceof float[] ? ((float[]) v).clone() : ((int[]) v).clone();
            return Engine.get().makeTensor(copy, g.outShape, x.dtype(), backend);
        }
        return PoolKernel.pool(new Tensor[] {x}, attrs, backend, true)[0];
    }
}
