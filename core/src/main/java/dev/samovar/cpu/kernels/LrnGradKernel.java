package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * LRNGrad: the gradient of local response normalization. inputs: x, y (LRN's output), dy; attrs
 * {@code depthRadius}, {@code bias}, {@code alpha}, {@code beta}. As TF.js's CPU kernel: each
 * term in double, accumulated into a float32 result in the same order (so the same rounding
 * points), and the result has x's dtype.
 */
public final class LrnGradKernel {
    private LrnGradKernel() {
    }

    static void register() {
        KernelRegistry.register("LRNGrad", CpuBackend.NAME, LrnGradKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor dyT = inputs[2];
        int[] shape = dyT.shapeRef();
        int channels = shape.length > 3 ? shape[3] : 0;
        int radius = attrs.getInt("depthRadius");
        double bias = attrs.getDouble("bias");
        double alpha = attrs.getDouble("alpha");
        double beta = attrs.getDouble("beta");
        float[] xv = Cpu.floats(x);
        float[] yv = Cpu.floats(inputs[1]);
        float[] dy = Cpu.floats(dyT);
        int size = dy.length;
        float[] result = Cpu.newFloats(size);
        if (channels > 0 && xv.length >= size && yv.length >= size) {
            compute(xv, yv, dy, result, channels, radius, bias, alpha, beta);
        }
        return new Tensor[] {Engine.get().makeTensor(NormKernels.toDtype(result, x.dtype()), dyT.shape(), x.dtype(),
                backend)};
    }

    private static void compute(float[] x, float[] y, float[] dy, float[] result, int channels, int radius,
            double bias, double alpha, double beta) {
        double scale = -2 * alpha * beta;
        for (int base = 0; base < dy.length; base += channels) {
            for (int c = 0; c < channels; c++) {
                int offset = base + c;
                int begin = base + Math.max(0, c - radius);
                int end = base + Math.min(channels, c + radius + 1);
                double norm = 0;
                for (int k = begin; k < end; k++) {
                    double v = x[k];
                    norm += v * v;
                }
                norm = alpha * norm + bias;
                double yo = y[offset];
                double g = dy[offset];
                for (int k = begin; k < end; k++) {
                    double dyi = scale * x[k] * yo / norm;
                    if (k == offset) {
                        dyi += Math.pow(norm, -beta);
                    }
                    dyi *= g;
                    result[k] = (float) (result[k] + dyi);
                }
            }
        }
    }
}
