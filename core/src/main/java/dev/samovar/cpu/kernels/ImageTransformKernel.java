package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Transform (tf.image.transform): projective transforms of NHWC images (inputs {@code image},
 * {@code transforms} [1 or batch, 8]; attrs {@code interpolation} nearest|bilinear,
 * {@code fillMode} constant|reflect|wrap|nearest, {@code fillValue}, {@code outputShape}). As in
 * TF.js's CPU kernel, only the first image of a batch is transformed; the others keep the fill
 * value (an empty batch comes back with the input image's shape).
 */
final class ImageTransformKernel {
    private ImageTransformKernel() {
    }

    static void register() {
        KernelRegistry.register("Transform", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor image = inputs[0];
            int[] s = image.shapeRef();
            int[] outHW = attrs.getInts("outputShape", null);
            int outH = outHW != null ? outHW[0] : s[1];
            int outW = outHW != null ? outHW[1] : s[2];
            int[] outShape = {s[0], outH, outW, s[3]};
            String interpolation = attrs.getString("interpolation", "nearest");
            boolean bilinear = "bilinear".equals(interpolation);
            if (!bilinear && !"nearest".equals(interpolation) && s[0] > 0 && outH * outW * s[3] > 0) {
                throw new IllegalArgumentException(
                        "Error in Transform: Expect 'nearest' or 'bilinear', but got " + interpolation);
            }
            String fillMode = attrs.getString("fillMode", "constant");
            int mode = "reflect".equals(fillMode) ? 1 : "wrap".equals(fillMode) ? 2 : "nearest".equals(fillMode) ? 3 : 0;
            double fill = attrs.getDouble("fillValue");
            float[] out = Cpu.newFloats(s[0] * outH * outW * s[3]);
            java.util.Arrays.fill(out, (float) fill);
            float[] img = Cpu.floats(image);
            float[] tr = Cpu.floats(inputs[1]);
            if (s[0] > 0) {
                transformFirst(img, s[1], s[2], s[3], tr, outH, outW, bilinear, mode, fill, out);
            }
            return new Tensor[] {Engine.get().makeTensor(out, s[0] > 0 ? outShape : s.clone(), image.dtype(), backend)};
        });
    }

    private static void transformFirst(float[] img, int h, int w, int ch, float[] t, int outH, int outW,
            boolean bilinear, int mode, double fill, float[] out) {
        int rowStride = w * ch;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                double projection = t[6] * (double) ox + t[7] * (double) oy + 1;
                if (projection == 0) {
                    continue;
                }
                double inX = (t[0] * (double) ox + t[1] * (double) oy + t[2]) / projection;
                double inY = (t[3] * (double) ox + t[4] * (double) oy + t[5]) / projection;
                double x = map(inX, w, mode);
                double y = map(inY, h, mode);
                for (int c = 0; c < ch; c++) {
                    double v;
                    if (!bilinear) {
                        v = read(img, h, w, rowStride, ch, ImageKernels.jsRound(y), ImageKernels.jsRound(x), c, fill);
                    } else {
                        double yF = Math.floor(y);
                        double xF = Math.floor(x);
                        double yC = yF + 1;
                        double xC = xF + 1;
                        double vYF = (xC - x) * read(img, h, w, rowStride, ch, yF, xF, c, fill)
                                + (x - xF) * read(img, h, w, rowStride, ch, yF, xC, c, fill);
                        double vYC = (xC - x) * read(img, h, w, rowStride, ch, yC, xF, c, fill)
                                + (x - xF) * read(img, h, w, rowStride, ch, yC, xC, c, fill);
                        v = (yC - y) * vYF + (y - yF) * vYC;
                    }
                    out[(oy * outW + ox) * ch + c] = (float) v;
                }
            }
        }
    }

    private static double read(float[] img, int h, int w, int rowStride, int ch, double y, double x, int c,
            double fill) {
        if (0 <= y && y < h && 0 <= x && x < w) {
            double idx = y * rowStride + x * ch + c;
            int i = (int) idx;
            // A fractional coordinate (reflect / wrap of a fractional input) indexes a typed array
            // with a non-integer: undefined there, NaN in the arithmetic.
            return i == idx ? img[i] : Double.NaN;
        }
        return fill;
    }

    private static double map(double coord, int len, int mode) {
        double in = coord;
        switch (mode) {
            case 1:
                if (in < 0) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        double sz2 = 2.0 * len;
                        if (in < sz2) {
                            in = sz2 * trunc(-in / sz2) + in;
                        }
                        in = in < -len ? in + sz2 : -in - 1;
                    }
                } else if (in > len - 1) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        double sz2 = 2.0 * len;
                        in -= sz2 * trunc(in / sz2);
                        if (in >= len) {
                            in = sz2 - in - 1;
                        }
                    }
                }
                return clamp(in, len);
            case 2:
                if (in < 0) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        double sz = len - 1;
                        in += len * (trunc(-in / sz) + 1);
                    }
                } else if (in > len - 1) {
                    if (len <= 1) {
                        in = 0;
                    } else {
                        double sz = len - 1;
                        in -= len * trunc(in / sz);
                    }
                }
                return clamp(in, len);
            case 3:
                return clamp(in, len);
            default:
                return in;
        }
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** TF.js's util.clamp(0, x, len - 1): Math.max(0, Math.min(x, len - 1)). */
    private static double clamp(double x, int len) {
        return Math.max(0, Math.min(x, len - 1));
    }
}
