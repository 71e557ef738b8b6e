package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Cumsum and Cumprod: attrs {@code axis} (normalized; an axis past the last one means the last, as
 * TF.js's kernels treat it), {@code exclusive}, {@code reverse}. float32 stays float32, int32 and
 * bool give int32; every partial result is stored in the output dtype (float32 rounds at each
 * step), as TF.js does. A scalar gives 0 (Cumsum) or 1 (Cumprod), as TF.js's kernels do.
 */
public final class CumulativeKernels {
    private CumulativeKernels() {
    }

    static void register() {
        KernelRegistry.register("Cumsum", CpuBackend.NAME, (inputs, attrs, backend) -> scan(inputs[0], attrs, false, backend));
        KernelRegistry.register("Cumprod", CpuBackend.NAME, (inputs, attrs, backend) -> scan(inputs[0], attrs, true, backend));
    }

    private static Tensor[] scan(Tensor x, Attrs attrs, boolean product, Backend backend) {
        int rank = x.rank();
        int[] shape = x.shapeRef();
        boolean exclusive = attrs.getBool("exclusive", false);
        boolean reverse = attrs.getBool("reverse", false);
        DType dtype = x.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.INT32;
        double identity = product ? 1 : 0;
        int size = x.size();
        if (rank == 0) {
            Object out = FillLikeKernels.filled(1, identity, dtype);
            return new Tensor[] {Engine.get().makeTensor(out, shape, dtype, backend)};
        }
        int axis = Math.min(attrs.getInt("axis"), rank - 1);
        int len = shape[axis];
        int inner = 1;
        for (int i = axis + 1; i < rank; i++) {
            inner *= shape[i];
        }
        int outer = len == 0 || inner == 0 ? 0 : size / (len * inner);
        Object xv = x.dataId().payload;
        float[] fOut = dtype == DType.FLOAT32 ? Cpu.newFloats(size) : null;
        int[] iOut = fOut == null ? Cpu.newInts(size) : null;
        float[] fIn = xv instanceof float[] ? (float[]) xv : null;
        int[] iIn = fIn == null ? (int[]) xv : null;
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * len * inner + in;
                for (int j = 0; j < len; j++) {
                    int idx = base + (reverse ? len - 1 - j : j) * inner;
                    double value;
                    if (j == 0) {
                        value = exclusive ? identity : (fIn != null ? (double) fIn[idx] : (double) iIn[idx]);
                    } else {
                        int prev = base + (reverse ? len - j : j - 1) * inner;
                        double a = fIn != null ? (double) fIn[exclusive ? prev : idx] : (double) iIn[exclusive ? prev : idx];
                        double acc = fOut != null ? (double) fOut[prev] : (double) iOut[prev];
                        value = product ? a * acc : a + acc;
                    }
                    if (fOut != null) {
                        fOut[idx] = (float) value;
                    } else {
                        iOut[idx] = JsNumber.toInt32(value);
                    }
                }
            }
        }
        Object out = fOut != null ? fOut : iOut;
        return new Tensor[] {Engine.get().makeTensor(out, shape, dtype, backend)};
    }
}
