package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * Sum: attrs {@code axis}, {@code keepDims}; float32 stays float32, int32 and bool give int32. As
 * TF.js's CPU kernel: the reduced axes are moved innermost (no copy when they already are, as for
 * all axes or the last one), each output is summed in double in order and stored once.
 */
public final class SumKernel {
    private SumKernel() {
    }

    static void register() {
        KernelRegistry.register("Sum", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Reduce r = Reduce.of(x, attrs);
            int[] shape = r.outShape(attrs);
            int outSize = r.outSize;
            int n = r.reduceSize;
            if (r.values instanceof float[]) {
                float[] v = (float[]) r.values;
                float[] out = new float[outSize];
                for (int i = 0, off = 0; i < outSize; i++, off += n) {
                    double sum = 0;
                    for (int j = off, end = off + n; j < end; j++) {
                        sum += v[j];
                    }
                    out[i] = (float) sum;
                }
                return new Tensor[] {Engine.get().makeTensor(out, shape, DType.FLOAT32, backend)};
            }
            int[] v = (int[]) r.values;
            int[] out = new int[outSize];
            for (int i = 0, off = 0; i < outSize; i++, off += n) {
                double sum = 0;
                for (int j = off, end = off + n; j < end; j++) {
                    sum += v[j];
                }
                out[i] = JsNumber.toInt32(sum);
            }
            return new Tensor[] {Engine.get().makeTensor(out, shape, DType.INT32, backend)};
        });
    }
}
