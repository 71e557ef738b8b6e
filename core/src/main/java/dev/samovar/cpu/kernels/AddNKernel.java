package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * AddN: the sum of tensors of one shape and dtype (checked by the op), accumulated in the output
 * buffer one input at a time, as TF.js does: float32 rounds after each addition, int32 wraps, bool
 * wraps as a Uint8Array.
 */
final class AddNKernel {
    private AddNKernel() {
    }

    static void register() {
        KernelRegistry.register("AddN", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor first = inputs[0];
            int n = first.size();
            DType dtype = first.dtype();
            Object out;
            if (dtype == DType.FLOAT32) {
                float[] o = Cpu.newFloats(n);
                for (Tensor t : inputs) {
                    float[] v = (float[]) t.dataId().payload;
                    for (int j = 0; j < n; j++) {
                        o[j] += v[j];
                    }
                }
                out = o;
            } else {
                int[] o = Cpu.newInts(n);
                for (Tensor t : inputs) {
                    int[] v = (int[]) t.dataId().payload;
                    for (int j = 0; j < n; j++) {
                        o[j] += v[j];
                    }
                }
                if (dtype == DType.BOOL) {
                    for (int j = 0; j < n; j++) {
                        o[j] &= 0xFF;
                    }
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, first.shapeRef(), dtype, backend)};
        });
    }
}
