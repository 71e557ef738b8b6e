package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Any and All: bool in, bool out; attrs {@code axis}, {@code keepDims}. As TF.js's kernels fold with
 * JavaScript's {@code ||} and {@code &&}, the result is the deciding element itself (a bool tensor
 * may hold 2 after arithmetic), and an empty reduction gives false.
 */
public final class AnyAllKernels {
    private AnyAllKernels() {
    }

    static void register() {
        KernelRegistry.register("Any", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Reduce r = Reduce.of(inputs[0], attrs);
            int[] v = (int[]) r.values;
            int n = r.reduceSize;
            int[] out = Cpu.newInts(r.outSize);
            for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                int acc = 0;
                for (int j = 0; j < n; j++) {
                    acc = v[off + j];
                    if (acc != 0) {
                        break;
                    }
                }
                out[i] = acc;
            }
            return new Tensor[] {Engine.get().makeTensor(out, r.outShape(attrs), DType.BOOL, backend)};
        });
        KernelRegistry.register("All", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Reduce r = Reduce.of(inputs[0], attrs);
            int[] v = (int[]) r.values;
            int n = r.reduceSize;
            int[] out = Cpu.newInts(r.outSize);
            for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                int acc = 0;
                for (int j = 0; j < n; j++) {
                    acc = v[off + j];
                    if (acc == 0) {
                        break;
                    }
                }
                out[i] = acc;
            }
            return new Tensor[] {Engine.get().makeTensor(out, r.outShape(attrs), DType.BOOL, backend)};
        });
    }
}
