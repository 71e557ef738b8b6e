package dev.samovar.cpu.kernels;

import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/** Diag: x of shape S gives a tensor of shape [...S, ...S] with x on its diagonal (x's dtype). */
final class DiagKernel {
    private DiagKernel() {
    }

    static void register() {
        KernelRegistry.register("Diag", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int n = x.size();
            int[] s = x.shape();
            int[] outShape = new int[s.length * 2];
            System.arraycopy(s, 0, outShape, 0, s.length);
            System.arraycopy(s, 0, outShape, s.length, s.length);
            Object raw = Cpu.raw(x);
            if (raw instanceof float[]) {
                float[] v = (float[]) raw;
                float[] out = Cpu.newFloats(n * n);
                for (int i = 0; i < n; i++) {
                    out[i * n + i] = v[i];
                }
                return Cpu.one(Cpu.out(backend, out, outShape));
            }
            int[] v = (int[]) raw;
            int[] out = Cpu.newInts(n * n);
            for (int i = 0; i < n; i++) {
                out[i * n + i] = v[i];
            }
            return Cpu.one(Cpu.out(backend, out, outShape, x.dtype()));
        });
    }
}
