package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * ResizeBilinear and ResizeNearestNeighbor on the GPU. The source rows and columns (and the
 * bilinear fractions) are computed on the CPU in double precision, as the cpu kernels compute them,
 * and uploaded as small index tables: so every output element reads exactly the pixels the cpu
 * kernel reads (nearest-neighbour results are bit-identical; bilinear ones differ only by the GPU's
 * float32 interpolation arithmetic).
 */
final class ImageKernels {
    private ImageKernels() {
    }

    static void register() {
        Gpu.register("ResizeBilinear", ImageKernels::resizeBilinear);
        Gpu.register("ResizeNearestNeighbor", ImageKernels::resizeNearestNeighbor);
    }

    private static double ratio(int in, int out, boolean alignCorners) {
        double effIn = alignCorners && out > 1 ? in - 1 : in;
        double effOut = alignCorners && out > 1 ? out - 1 : out;
        return effIn / effOut;
    }

    private static Tensor ints(int[] v, Backend backend) {
        return Engine.get().makeTensor(v, new int[] {v.length}, DType.INT32, backend);
    }

    private static Tensor floats(float[] v, Backend backend) {
        return Engine.get().makeTensor(v, new int[] {v.length}, DType.FLOAT32, backend);
    }

    private static Tensor[] resizeBilinear(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] s = x.shapeRef();
        int[] size = attrs.getInts("size");
        boolean alignCorners = attrs.getBool("alignCorners", false);
        boolean half = attrs.getBool("halfPixelCenters", false);
        int[] outShape = {s[0], size[0], size[1], s[3]};
        if (x.dtype() == DType.BOOL || Math.min(size[0], size[1]) <= 0 || s[0] * s[3] == 0) {
            return Gpu.onCpu("ResizeBilinear", inputs, attrs);
        }
        Tensor[] rows = tables(s[1], size[0], alignCorners, half, backend);
        Tensor[] cols = tables(s[2], size[1], alignCorners, half, backend);
        Program p = Program.element("ResizeBilinear", outShape, DType.FLOAT32).input("A", x)
                .input("R0", rows[0]).input("R1", rows[1]).input("RF", rows[2])
                .input("K0", cols[0]).input("K1", cols[1]).input("KF", cols[2])
                .body("  int r0 = getR0(c1);\n  int r1 = getR1(c1);\n  float rf = getRF(c1);\n"
                        + "  int k0 = getK0(c2);\n  int k1 = getK1(c2);\n  float kf = getKF(c2);\n"
                        + "  float tl = float(getA(c0, r0, k0, c3));\n  float tr = float(getA(c0, r0, k1, c3));\n"
                        + "  float bl = float(getA(c0, r1, k0, c3));\n  float br = float(getA(c0, r1, k1, c3));\n"
                        + "  float top = tl + (tr - tl) * kf;\n  float bottom = bl + (br - bl) * kf;\n"
                        + "  return top + (bottom - top) * rf;");
        try {
            return Gpu.one(p.run());
        } finally {
            for (Tensor t : rows) {
                t.dispose();
            }
            for (Tensor t : cols) {
                t.dispose();
            }
        }
    }

    /** Floor and ceil source indices and the fraction of each output row (or column), as the cpu kernel. */
    private static Tensor[] tables(int in, int out, boolean alignCorners, boolean half, Backend backend) {
        double ratio = ratio(in, out, alignCorners);
        int[] lo = new int[out];
        int[] hi = new int[out];
        float[] frac = new float[out];
        for (int i = 0; i < out; i++) {
            double f = half ? ratio * (i + 0.5) - 0.5 : ratio * i;
            double fl = Math.max(0, Math.floor(f));
            lo[i] = (int) fl;
            hi[i] = (int) Math.min(in - 1, Math.ceil(f));
            frac[i] = (float) (f - fl);
        }
        return new Tensor[] {ints(lo, backend), ints(hi, backend), floats(frac, backend)};
    }

    private static Tensor[] resizeNearestNeighbor(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] s = x.shapeRef();
        int[] size = attrs.getInts("size");
        boolean alignCorners = attrs.getBool("alignCorners", false);
        boolean half = attrs.getBool("halfPixelCenters", false);
        int[] outShape = {s[0], size[0], size[1], s[3]};
        if (x.dtype() != DType.FLOAT32 || Math.min(size[0], size[1]) <= 0 || s[0] * s[3] == 0) {
            // int32 values pass through a Float32Array in TF.js's cpu kernel: left to it.
            return Gpu.onCpu("ResizeNearestNeighbor", inputs, attrs);
        }
        Tensor rows = ints(nearest(s[1], size[0], alignCorners, half), backend);
        Tensor cols = ints(nearest(s[2], size[1], alignCorners, half), backend);
        Program p = Program.element("ResizeNearestNeighbor", outShape, x.dtype()).input("A", x)
                .input("R", rows).input("K", cols)
                .body("  return getA(c0, getR(c1), getK(c2), c3);");
        try {
            return Gpu.one(p.run());
        } finally {
            rows.dispose();
            cols.dispose();
        }
    }

    private static int[] nearest(int in, int out, boolean alignCorners, boolean half) {
        double ratio = ratio(in, out, alignCorners);
        int[] idx = new int[out];
        for (int i = 0; i < out; i++) {
            double f = half ? ratio * (i + 0.5) : ratio * i;
            double n = Math.min(in - 1, alignCorners ? jsRound(f) : Math.floor(f));
            if (half) {
                n = Math.max(0, n);
            }
            idx[i] = (int) n;
        }
        return idx;
    }

    private static double jsRound(double x) {
        double f = Math.floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }
}
