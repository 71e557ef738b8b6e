package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Prod: attrs {@code axis}, {@code keepDims}; float32 stays float32, int32 gives int32 (the op casts
 * bool to int32). The product is taken in double and stored once, as in TF.js.
 */
public final class ProdKernel {
    private ProdKernel() {
    }

    static void register() {
        KernelRegistry.register("Prod", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Reduce r = Reduce.of(inputs[0], attrs);
            int[] shape = r.outShape(attrs);
            if (r.values instanceof float[]) {
                float[] v = (float[]) r.values;
                float[] out = Cpu.newFloats(r.outSize);
                for (int i = 0, off = 0; i < r.outSize; i++, off += r.reduceSize) {
                    double p = 1;
                    for (int j = 0; j < r.reduceSize; j++) {
                        p *= v[off + j];
                    }
                    out[i] = (float) p;
                }
                return new Tensor[] {Engine.get().makeTensor(out, shape, DType.FLOAT32, backend)};
            }
            int[] v = (int[]) r.values;
            int[] out = Cpu.newInts(r.outSize);
            for (int i = 0, off = 0; i < r.outSize; i++, off += r.reduceSize) {
                double p = 1;
                for (int j = 0; j < r.reduceSize; j++) {
                    p *= v[off + j];
                }
                out[i] = JsNumber.toInt32(p);
            }
            return new Tensor[] {Engine.get().makeTensor(out, shape, DType.INT32, backend)};
        });
    }
}
