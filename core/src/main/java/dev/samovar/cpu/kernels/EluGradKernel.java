package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * EluGrad (the gradient of elu): inputs {@code dy} and {@code y} (elu's output), both float32 of
 * one shape; the result is {@code dy} where {@code y >= 0}, else {@code dy * (y + 1)} (NaN where y
 * is NaN), as TF.js's cpu kernel.
 */
final class EluGradKernel {
    private EluGradKernel() {
    }

    static void register() {
        KernelRegistry.register("EluGrad", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor dy = inputs[0];
            Tensor y = inputs[1];
            if (dy.size() != y.size()) {
                throw new IllegalArgumentException("EluGrad: dy and y must have the same size");
            }
            float[] d = Cpu.floats(dy);
            float[] v = Cpu.floats(y);
            int n = v.length;
            float[] o = Cpu.newFloats(n);
            loop(d, v, o, n);
            return new Tensor[] {Engine.get().makeTensor(o, y.shapeRef(), DType.FLOAT32, backend)};
        });
    }

    private static void loop(float[] d, float[] v, float[] o, int n) {
        for (int i = 0; i < n; i++) {
            double y = v[i];
            o[i] = y >= 0 ? d[i] : (float) (d[i] * (y + 1));
        }
    }
}
