package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Moments (Samovar's fused kernel for tf.moments): attrs {@code axis} (normalized), {@code keepDims};
 * outputs the float32 mean and variance. It computes what TF.js's composition
 * {@code mean(x)}, {@code mean(square(cast(x) - mean(x)))} computes on its CPU backend, with the
 * same float32 rounding at every intermediate tensor (the Mean kernel divides each element by the
 * float32 count before summing).
 */
public final class MomentsKernel {
    private MomentsKernel() {
    }

    static void register() {
        KernelRegistry.register("Moments", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Reduce r = Reduce.of(x, attrs);
            int n = r.reduceSize;
            double count = F32.round(n);
            float[] mean = Cpu.newFloats(r.outSize);
            float[] variance = Cpu.newFloats(r.outSize);
            float[] fv = r.values instanceof float[] ? (float[]) r.values : null;
            int[] iv = fv == null ? (int[]) r.values : null;
            for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double e = fv != null ? fv[off + j] : F32.round(iv[off + j]);
                    sum += F32.round(e / count);
                }
                mean[i] = (float) sum;
                double m = mean[i];
                sum = 0;
                for (int j = 0; j < n; j++) {
                    double e = fv != null ? fv[off + j] : F32.round(iv[off + j]);
                    double d = F32.round(e - m);
                    sum += F32.round(F32.round(d * d) / count);
                }
                variance[i] = (float) sum;
            }
            int[] shape = r.outShape(attrs);
            return new Tensor[] {
                Engine.get().makeTensor(mean, shape, DType.FLOAT32, backend),
                Engine.get().makeTensor(variance, shape.clone(), DType.FLOAT32, backend)
            };
        });
    }
}
