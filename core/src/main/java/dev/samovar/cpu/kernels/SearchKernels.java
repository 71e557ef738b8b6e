package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * SearchSorted (2-D sortedSequence and values, attr {@code side}: 'left' lower bound, 'right' upper
 * bound; int32 indices of values' shape), Bincount (attr {@code size}; counts, or sums of weights,
 * of the values of x; weights' dtype) and DenseBincount (attrs {@code size}, {@code binaryOutput};
 * rank 1 as Bincount, rank 2 per row), as TF.js's CPU kernels compute them.
 */
final class SearchKernels {
    private SearchKernels() {
    }

    private static double[] doubles(Tensor t) {
        Object v = Cpu.raw(t);
        int n = t.size();
        double[] d = new double[n];
        if (v instanceof float[]) {
            float[] f = (float[]) v;
            for (int i = 0; i < n; i++) {
                d[i] = f[i];
            }
        } else {
            int[] iv = (int[]) v;
            for (int i = 0; i < n; i++) {
                d[i] = iv[i];
            }
        }
        return d;
    }

    static void register() {
        KernelRegistry.register("SearchSorted", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor seq = inputs[0];
            Tensor values = inputs[1];
            boolean left = "left".equals(attrs.getString("side", "left"));
            int batch = seq.dim(0);
            int numInputs = seq.dim(1);
            int numValues = values.dim(1);
            double[] s = doubles(seq);
            double[] v = doubles(values);
            int[] out = Cpu.newInts(batch * numValues);
            for (int b = 0; b < batch; b++) {
                int base = b * numInputs;
                for (int i = 0; i < numValues; i++) {
                    double value = v[b * numValues + i];
                    int lo = 0;
                    int hi = numInputs;
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        double m = s[base + mid];
                        if (left ? m < value : m <= value) {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    out[b * numValues + i] = hi;
                }
            }
            return Cpu.one(Cpu.out(backend, out, values.shape(), DType.INT32));
        });
        KernelRegistry.register("Bincount", CpuBackend.NAME, (inputs, attrs, backend) -> Cpu.one(
                bincount1d(inputs[0], inputs[1], attrs.getInt("size"), backend)));
        KernelRegistry.register("DenseBincount", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Tensor w = inputs[1];
            int size = attrs.getInt("size");
            if (x.rank() == 1) {
                return Cpu.one(bincount1d(x, w, size, backend));
            }
            if (x.rank() != 2) {
                throw new IllegalArgumentException("Error in denseBincount: input must be at most rank 2, but got rank"
                        + x.rank() + ".");
            }
            boolean binary = attrs.getBool("binaryOutput", false);
            int rows = x.dim(0);
            int cols = x.dim(1);
            int[] xv = Cpu.ints(x);
            boolean isFloat = w.dtype() == DType.FLOAT32;
            float[] fOut = isFloat ? Cpu.newFloats(rows * size) : null;
            int[] iOut = isFloat ? null : Cpu.newInts(rows * size);
            Object wr = Cpu.raw(w);
            boolean weighted = w.size() > 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int value = xv[i * cols + j];
                    if (value < 0) {
                        throw new IllegalArgumentException("Input x must be non-negative!");
                    }
                    if (value >= size) {
                        continue;
                    }
                    int o = i * size + value;
                    if (binary) {
                        if (isFloat) {
                            fOut[o] = 1;
                        } else {
                            iOut[o] = 1;
                        }
                    } else if (isFloat) {
                        fOut[o] = fOut[o] + (weighted ? ((float[]) wr)[i * cols + j] : 1);
                    } else {
                        iOut[o] = iOut[o] + (weighted ? ((int[]) wr)[i * cols + j] : 1);
                    }
                }
            }
            return Cpu.one(Cpu.out(backend, isFloat ? fOut : iOut, new int[] {rows, size}, w.dtype()));
        });
    }

    private static Tensor bincount1d(Tensor x, Tensor w, int size, dev.samovar.core.Backend backend) {
        int[] xv = Cpu.ints(x);
        boolean isFloat = w.dtype() == DType.FLOAT32;
        float[] fOut = isFloat ? Cpu.newFloats(size) : null;
        int[] iOut = isFloat ? null : Cpu.newInts(size);
        Object wr = Cpu.raw(w);
        boolean weighted = w.size() > 0;
        for (int i = 0; i < xv.length; i++) {
            int value = xv[i];
            if (value < 0) {
                throw new IllegalArgumentException("Input x must be non-negative!");
            }
            if (value >= size) {
                continue;
            }
            if (isFloat) {
                fOut[value] = fOut[value] + (weighted ? ((float[]) wr)[i] : 1);
            } else {
                iOut[value] = iOut[value] + (weighted ? ((int[]) wr)[i] : 1);
            }
        }
        return Cpu.out(backend, isFloat ? fOut : iOut, new int[] {size}, w.dtype());
    }
}
