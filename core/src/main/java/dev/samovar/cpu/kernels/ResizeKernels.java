package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * ResizeBilinear and ResizeNearestNeighbor on an NHWC batch (attrs {@code size} [newHeight,
 * newWidth], {@code alignCorners}, {@code halfPixelCenters}), with TF.js's CPU arithmetic: source
 * coordinates and interpolation in double, each result stored once. Bilinear output is float32;
 * nearest keeps the dtype (TF.js passes the values through a Float32Array, so int32 values above
 * 2^24 round as there).
 */
final class ResizeKernels {
    private ResizeKernels() {
    }

    static void register() {
        KernelRegistry.register("ResizeBilinear", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] s = x.shapeRef();
            int[] size = attrs.getInts("size");
            int[] outShape = {s[0], size[0], size[1], s[3]};
            float[] out = Cpu.newFloats(s[0] * size[0] * size[1] * s[3]);
            Object v = x.dataId().payload;
            float[] xf = v instanceof float[] ? (float[]) v : Cpu.floats(x);
            bilinear(xf, s[0], s[1], s[2], s[3], size[0], size[1], attrs.getBool("alignCorners", false),
                    attrs.getBool("halfPixelCenters", false), out);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, DType.FLOAT32, backend)};
        });
        KernelRegistry.register("ResizeNearestNeighbor", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] s = x.shapeRef();
            int[] size = attrs.getInts("size");
            int[] outShape = {s[0], size[0], size[1], s[3]};
            int[] map = nearestMap(s, size, attrs);
            Object out;
            if (x.dtype() == DType.FLOAT32) {
                float[] xv = (float[]) x.dataId().payload;
                float[] o = Cpu.newFloats(map.length);
                for (int i = 0; i < o.length; i++) {
                    o[i] = xv[map[i]];
                }
                out = o;
            } else {
                int[] xv = (int[]) x.dataId().payload;
                int[] o = Cpu.newInts(map.length);
                for (int i = 0; i < o.length; i++) {
                    o[i] = (int) (float) xv[map[i]];
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
    }

    static double ratio(int in, int out, boolean alignCorners) {
        double effIn = alignCorners && out > 1 ? in - 1 : in;
        double effOut = alignCorners && out > 1 ? out - 1 : out;
        return effIn / effOut;
    }

    static void bilinear(float[] x, int batch, int oldH, int oldW, int ch, int newH, int newW,
            boolean alignCorners, boolean halfPixelCenters, float[] out) {
        double rowRatio = ratio(oldH, newH, alignCorners);
        double colRatio = ratio(oldW, newW, alignCorners);
        int s1 = oldW * ch;
        int s0 = oldH * s1;
        int[] c0 = new int[newW];
        int[] c1 = new int[newW];
        double[] cf = new double[newW];
        for (int c = 0; c < newW; c++) {
            double fc = halfPixelCenters ? colRatio * (c + 0.5) - 0.5 : colRatio * c;
            double fl = Math.max(0, Math.floor(fc));
            c0[c] = (int) fl * ch;
            cf[c] = fc - fl;
            c1[c] = (int) Math.min(oldW - 1, Math.ceil(fc)) * ch;
        }
        int o = 0;
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < newH; r++) {
                double fr = halfPixelCenters ? rowRatio * (r + 0.5) - 0.5 : rowRatio * r;
                double rl = Math.max(0, Math.floor(fr));
                double rowFrac = fr - rl;
                int top = b * s0 + (int) rl * s1;
                int bot = b * s0 + (int) Math.min(oldH - 1, Math.ceil(fr)) * s1;
                o = row(x, top, bot, rowFrac, c0, c1, cf, ch, out, o);
            }
        }
    }

    private static int row(float[] x, int top, int bot, double rowFrac, int[] c0, int[] c1, double[] cf, int ch,
            float[] out, int o) {
        for (int c = 0; c < c0.length; c++) {
            int tl = top + c0[c];
            int tr = top + c1[c];
            int bl = bot + c0[c];
            int br = bot + c1[c];
            double colFrac = cf[c];
            for (int d = 0; d < ch; d++) {
                double topLeft = x[tl + d];
                double bottomLeft = x[bl + d];
                double topRight = x[tr + d];
                double bottomRight = x[br + d];
                double t = topLeft + (topRight - topLeft) * colFrac;
                double bo = bottomLeft + (bottomRight - bottomLeft) * colFrac;
                out[o++] = (float) (t + (bo - t) * rowFrac);
            }
        }
        return o;
    }

    /** For each output element, the flat index of the input element it copies. */
    static int[] nearestMap(int[] s, int[] size, Attrs attrs) {
        boolean alignCorners = attrs.getBool("alignCorners", false);
        boolean half = attrs.getBool("halfPixelCenters", false);
        int batch = s[0];
        int oldH = s[1];
        int oldW = s[2];
        int ch = s[3];
        int newH = size[0];
        int newW = size[1];
        double rowRatio = ratio(oldH, newH, alignCorners);
        double colRatio = ratio(oldW, newW, alignCorners);
        int[] cols = new int[newW];
        for (int c = 0; c < newW; c++) {
            cols[c] = nearest(colRatio, c, oldW, alignCorners, half) * ch;
        }
        int[] map = new int[batch * newH * newW * ch];
        int o = 0;
        for (int b = 0; b < batch; b++) {
            int bo = b * oldH * oldW * ch;
            for (int r = 0; r < newH; r++) {
                int ro = bo + nearest(rowRatio, r, oldH, alignCorners, half) * oldW * ch;
                for (int c = 0; c < newW; c++) {
                    int co = ro + cols[c];
                    for (int d = 0; d < ch; d++) {
                        map[o++] = co + d;
                    }
                }
            }
        }
        return map;
    }

    private static int nearest(double ratio, int i, int old, boolean alignCorners, boolean half) {
        double f = half ? ratio * (i + 0.5) : ratio * i;
        double n = Math.min(old - 1, alignCorners ? ImageKernels.jsRound(f) : Math.floor(f));
        if (half) {
            n = Math.max(0, n);
        }
        return (int) n;
    }
}
