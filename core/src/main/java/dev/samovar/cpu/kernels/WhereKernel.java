package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Where (TF.js's whereImpl, behind tf.whereAsync and graph models' Where): the coordinates of the
 * true (non-zero) elements in row-major order, int32 [count, rank].
 */
final class WhereKernel {
    private WhereKernel() {
    }

    static void register() {
        KernelRegistry.register("Where", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor condition = inputs[0];
            int[] shape = condition.shapeRef();
            int rank = shape.length;
            Object v = condition.dataId().payload;
            float[] fv = v instanceof float[] ? (float[]) v : null;
            int[] iv = fv == null ? (int[]) v : null;
            int size = fv != null ? fv.length : iv.length;
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (fv != null ? fv[i] != 0 && fv[i] == fv[i] : iv[i] != 0) {
                    count++;
                }
            }
            int[] out = new int[count * rank];
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (fv != null ? fv[i] != 0 && fv[i] == fv[i] : iv[i] != 0) {
                    int rem = i;
                    for (int d = rank - 1; d >= 0; d--) {
                        out[k * rank + d] = rem % shape[d];
                        rem = rem / shape[d];
                    }
                    k++;
                }
            }
            return new Tensor[] {Cpu.out(backend, out, new int[] {count, rank}, DType.INT32)};
        });
    }
}
