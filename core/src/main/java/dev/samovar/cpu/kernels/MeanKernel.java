package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Mean: attrs {@code axis}, {@code keepDims}; float32 output for every dtype. As TF.js's CPU kernel
 * (cast to float32, divide by the float32 reduce size, then Sum): each element is divided first
 * and rounded to float32, the quotients are summed in double.
 */
public final class MeanKernel {
    private MeanKernel() {
    }

    static void register() {
        KernelRegistry.register("Mean", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Reduce r = Reduce.of(inputs[0], attrs);
            float[] out = Cpu.newFloats(r.outSize);
            double n = F32.round(r.reduceSize);
            if (r.values instanceof float[]) {
                float[] v = (float[]) r.values;
                for (int i = 0, off = 0; i < r.outSize; i++, off += r.reduceSize) {
                    double sum = 0;
                    for (int j = 0; j < r.reduceSize; j++) {
                        sum += F32.round(v[off + j] / n);
                    }
                    out[i] = (float) sum;
                }
            } else {
                int[] v = (int[]) r.values;
                for (int i = 0, off = 0; i < r.outSize; i++, off += r.reduceSize) {
                    double sum = 0;
                    for (int j = 0; j < r.reduceSize; j++) {
                        sum += F32.round(F32.round(v[off + j]) / n);
                    }
                    out[i] = (float) sum;
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, r.outShape(attrs), DType.FLOAT32, backend)};
        });
    }
}
