package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Max and Min (attrs {@code axis}, {@code keepDims}; the input's dtype) and ArgMax, ArgMin (attr
 * {@code axis}: one normalized axis; int32 indices). As in TF.js: a NaN wins Max and Min; ArgMax
 * and ArgMin keep the first extreme and never pick a NaN after the first element; an empty
 * reduction gives NaN (float32) or 0, and index 0.
 */
public final class MinMaxKernels {
    private MinMaxKernels() {
    }

    static void register() {
        KernelRegistry.register("Max", CpuBackend.NAME, (inputs, attrs, backend) -> minMax(inputs[0], attrs, true, backend));
        KernelRegistry.register("Min", CpuBackend.NAME, (inputs, attrs, backend) -> minMax(inputs[0], attrs, false, backend));
        KernelRegistry.register("ArgMax", CpuBackend.NAME, (inputs, attrs, backend) -> argMinMax(inputs[0], attrs, true, backend));
        KernelRegistry.register("ArgMin", CpuBackend.NAME, (inputs, attrs, backend) -> argMinMax(inputs[0], attrs, false, backend));
    }

    private static Tensor[] minMax(Tensor x, Attrs attrs, boolean isMax, Backend backend) {
        Reduce r = Reduce.of(x, attrs);
        int[] shape = r.outShape(attrs);
        int n = r.reduceSize;
        if (r.values instanceof float[]) {
            float[] v = (float[]) r.values;
            float[] out = Cpu.newFloats(r.outSize);
            for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                if (n == 0) {
                    out[i] = Float.NaN;
                    continue;
                }
                float m = v[off];
                if (isMax) {
                    for (int j = 0; j < n; j++) {
                        float e = v[off + j];
                        if (e != e || e > m) {
                            m = e;
                        }
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        float e = v[off + j];
                        if (e != e || e < m) {
                            m = e;
                        }
                    }
                }
                out[i] = m;
            }
            return new Tensor[] {Engine.get().makeTensor(out, shape, DType.FLOAT32, backend)};
        }
        int[] v = (int[]) r.values;
        int[] out = Cpu.newInts(r.outSize);
        for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
            if (n == 0) {
                continue;
            }
            int m = v[off];
            if (isMax) {
                for (int j = 1; j < n; j++) {
                    if (v[off + j] > m) {
                        m = v[off + j];
                    }
                }
            } else {
                for (int j = 1; j < n; j++) {
                    if (v[off + j] < m) {
                        m = v[off + j];
                    }
                }
            }
            out[i] = m;
        }
        return new Tensor[] {Engine.get().makeTensor(out, shape, x.dtype(), backend)};
    }

    private static Tensor[] argMinMax(Tensor x, Attrs attrs, boolean isMax, Backend backend) {
        Attrs a = Attrs.of().put("axis", new int[] {attrs.getInt("axis")});
        Reduce r = Reduce.of(x, a);
        int n = r.reduceSize;
        int[] out = Cpu.newInts(r.outSize);
        if (n > 0) {
            if (r.values instanceof float[]) {
                float[] v = (float[]) r.values;
                for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                    float m = v[off];
                    int best = 0;
                    for (int j = 1; j < n; j++) {
                        float e = v[off + j];
                        if (isMax ? e > m : e < m) {
                            m = e;
                            best = j;
                        }
                    }
                    out[i] = best;
                }
            } else {
                int[] v = (int[]) r.values;
                for (int i = 0, off = 0; i < r.outSize; i++, off += n) {
                    int m = v[off];
                    int best = 0;
                    for (int j = 1; j < n; j++) {
                        int e = v[off + j];
                        if (isMax ? e > m : e < m) {
                            m = e;
                            best = j;
                        }
                    }
                    out[i] = best;
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(out, r.outShapeNoKeep, DType.INT32, backend)};
    }
}
