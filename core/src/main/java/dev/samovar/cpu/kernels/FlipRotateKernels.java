package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * FlipLeftRight and RotateWithOffset (attrs {@code radians}, {@code fillValue}: a number or
 * per-channel values, {@code center}: a number or [x, y] fractions) on float32 NHWC images, as
 * TF.js's CPU backend: nearest source pixel by JavaScript rounding; with per-channel fill values
 * the fourth channel is filled with 255.
 */
final class FlipRotateKernels {
    private FlipRotateKernels() {
    }

    static void register() {
        KernelRegistry.register("FlipLeftRight", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor image = inputs[0];
            int[] s = image.shapeRef();
            float[] x = Cpu.floats(image);
            float[] out = Cpu.newFloats(x.length);
            int w = s[2];
            int ch = s[3];
            int rows = s[0] * s[1];
            for (int r = 0; r < rows; r++) {
                int ro = r * w * ch;
                for (int c = 0; c < w; c++) {
                    int src = ro + (w - c - 1) * ch;
                    int dst = ro + c * ch;
                    for (int d = 0; d < ch; d++) {
                        out[dst + d] = x[src + d];
                    }
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, s.clone(), image.dtype(), backend)};
        });
        KernelRegistry.register("RotateWithOffset", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor image = inputs[0];
            int[] s = image.shapeRef();
            float[] x = Cpu.floats(image);
            float[] out = Cpu.newFloats(x.length);
            int h = s[1];
            int w = s[2];
            int ch = s[3];
            double[] fill = doubles(attrs.get("fillValue"));
            boolean scalarFill = !(attrs.get("fillValue") instanceof double[] || attrs.get("fillValue") instanceof int[]);
            double[] center = doubles(attrs.get("center"));
            double centerX = w * center[0];
            double centerY = h * (center.length > 1 ? center[1] : center[0]);
            double radians = attrs.getDouble("radians");
            double sin = Math.sin(radians);
            double cos = Math.cos(radians);
            for (int b = 0; b < s[0]; b++) {
                int bo = b * w * h * ch;
                for (int row = 0; row < h; row++) {
                    for (int col = 0; col < w; col++) {
                        double cx = (col - centerX) * cos - (row - centerY) * sin;
                        double cy = (col - centerX) * sin + (row - centerY) * cos;
                        cx = ImageKernels.jsRound(cx + centerX);
                        cy = ImageKernels.jsRound(cy + centerY);
                        boolean inside = cx >= 0 && cx < w && cy >= 0 && cy < h;
                        int src = inside ? bo + (int) cy * w * ch + (int) cx * ch : 0;
                        int dst = bo + row * w * ch + col * ch;
                        for (int d = 0; d < ch; d++) {
                            double v;
                            if (inside) {
                                v = x[src + d];
                            } else if (scalarFill) {
                                v = fill[0];
                            } else if (d == 3) {
                                v = 255;
                            } else {
                                v = d < fill.length ? fill[d] : Double.NaN;
                            }
                            out[dst + d] = (float) v;
                        }
                    }
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, s.clone(), image.dtype(), backend)};
        });
    }

    /** A number attribute or an array of numbers, as doubles. */
    static double[] doubles(Object v) {
        if (v instanceof double[]) {
            return (double[]) v;
        }
        if (v instanceof int[]) {
            int[] iv = (int[]) v;
            double[] d = new double[iv.length];
            for (int i = 0; i < iv.length; i++) {
                d[i] = iv[i];
            }
            return d;
        }
        if (v instanceof float[]) {
            float[] fv = (float[]) v;
            double[] d = new double[fv.length];
            for (int i = 0; i < fv.length; i++) {
                d[i] = fv[i];
            }
            return d;
        }
        return new double[] {((Number) v).doubleValue()};
    }
}
