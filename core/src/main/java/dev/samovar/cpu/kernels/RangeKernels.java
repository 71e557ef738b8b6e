package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Range (attrs {@code start}, {@code stop}, {@code step}, {@code dtype}) and LinSpace (attrs
 * {@code start}, {@code stop}, {@code num}): as TF.js's CPU kernels, each value is the previous
 * stored value plus the step, stored in the output dtype.
 */
public final class RangeKernels {
    private RangeKernels() {
    }

    static void register() {
        KernelRegistry.register("Range", CpuBackend.NAME, (inputs, attrs, backend) -> {
            double start = attrs.getDouble("start");
            double stop = attrs.getDouble("stop");
            double step = attrs.getDouble("step");
            DType dtype = attrs.getDType("dtype");
            int n = 0;
            boolean empty = start == stop || (start < stop && step < 0) || (stop < start && step > 1);
            if (!empty) {
                double count = Math.abs(Math.ceil((stop - start) / step));
                if (Double.isNaN(count)) {
                    count = 0;
                }
                if (count > Shapes.MAX_SIZE) {
                    throw new IllegalArgumentException("Invalid typed array length: " + JsNumber.toString(count));
                }
                n = (int) count;
                if (stop < start && step == 1) {
                    step = -1;
                }
            }
            Object out = accumulate(n, start, step, dtype);
            return new Tensor[] {Engine.get().makeTensor(out, new int[] {n}, dtype, backend)};
        });
        KernelRegistry.register("LinSpace", CpuBackend.NAME, (inputs, attrs, backend) -> {
            double start = attrs.getDouble("start");
            double stop = attrs.getDouble("stop");
            double num = attrs.getDouble("num");
            double step = (stop - start) / (num - 1);
            // The length of new Float32Array(num): truncated, NaN is 0.
            int n = Double.isNaN(num) ? 0 : (int) num;
            Object out = accumulate(n, start, step, DType.FLOAT32);
            return new Tensor[] {Engine.get().makeTensor(out, new int[] {n}, DType.FLOAT32, backend)};
        });
    }

    /** {@code v[0] = start; v[i] = v[i - 1] + step}, each value stored in {@code dtype}. */
    private static Object accumulate(int n, double start, double step, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float[] v = Cpu.newFloats(n);
            if (n > 0) {
                v[0] = (float) start;
                for (int i = 1; i < n; i++) {
                    v[i] = (float) (v[i - 1] + step);
                }
            }
            return v;
        }
        int[] v = Cpu.newInts(n);
        boolean isBool = dtype == DType.BOOL;
        if (n > 0) {
            v[0] = isBool ? JsNumber.toUint8(start) : JsNumber.toInt32(start);
            for (int i = 1; i < n; i++) {
                double next = v[i - 1] + step;
                v[i] = isBool ? JsNumber.toUint8(next) : JsNumber.toInt32(next);
            }
        }
        return v;
    }
}
