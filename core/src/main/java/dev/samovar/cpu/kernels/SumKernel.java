package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
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
                float[] out = sumFloats((float[]) r.values, outSize, n);
                return new Tensor[] {Engine.get().makeTensor(out, shape, DType.FLOAT32, backend)};
            }
            int[] out = sumInts((int[]) r.values, outSize, n);
            return new Tensor[] {Engine.get().makeTensor(out, shape, DType.INT32, backend)};
        });
    }

    /**
     * Sums each run of {@code n} values in double, in order (TF.js's rounding). Unrolled by four:
     * TeaVM reads a Java array's typed-array field once per basic block, and V8 does not hoist that
     * read out of the loop, so a one-element body pays it per element (~1.8x slower here).
     */
    private static float[] sumFloats(float[] v, int outSize, int n) {
        float[] out = Cpu.newFloats(outSize);
        int off = 0;
        for (int i = 0; i < outSize; i++) {
            double sum = 0;
            int end = off + n;
            int j = off;
            for (; j + 3 < end; j += 4) {
                sum += v[j];
                sum += v[j + 1];
                sum += v[j + 2];
                sum += v[j + 3];
            }
            for (; j < end; j++) {
                sum += v[j];
            }
            out[i] = (float) sum;
            off = end;
        }
        return out;
    }

    private static int[] sumInts(int[] v, int outSize, int n) {
        int[] out = Cpu.newInts(outSize);
        int off = 0;
        for (int i = 0; i < outSize; i++) {
            double sum = 0;
            int end = off + n;
            for (int j = off; j < end; j++) {
                sum += v[j];
            }
            out[i] = JsNumber.toInt32(sum);
            off = end;
        }
        return out;
    }
}
