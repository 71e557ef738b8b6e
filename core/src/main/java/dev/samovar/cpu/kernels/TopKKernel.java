package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * TopK: attrs {@code k}, {@code sorted}; outputs the k largest values along the last axis (the
 * input's dtype) and their int32 indices. Each row is selected and sorted as TF.js's CPU kernel
 * does in V8 (see {@link JsPairSort}), so ties and NaN come out in TF.js's order; unsorted
 * results keep the order the selection leaves.
 */
public final class TopKKernel {
    private TopKKernel() {
    }

    static void register() {
        KernelRegistry.register("TopK", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int k = attrs.getInt("k");
            boolean sorted = attrs.getBool("sorted", true);
            int[] shape = x.shape();
            int size = shape[shape.length - 1];
            int batch = size == 0 ? 0 : x.size() / size;
            int[] outShape = shape.clone();
            outShape[outShape.length - 1] = k;
            Object xv = x.dataId().payload;
            float[] fIn = xv instanceof float[] ? (float[]) xv : null;
            int[] iIn = fIn == null ? (int[]) xv : null;
            float[] fOut = fIn != null ? Cpu.newFloats(batch * k) : null;
            int[] iOut = fIn == null ? Cpu.newInts(batch * k) : null;
            int[] indices = Cpu.newInts(batch * k);
            double[] vals = new double[size];
            int[] idx = Cpu.newInts(size);
            for (int b = 0; b < batch; b++) {
                int off = b * size;
                for (int i = 0; i < size; i++) {
                    vals[i] = fIn != null ? (double) fIn[off + i] : (double) iIn[off + i];
                    idx[i] = i;
                }
                if (k < size) {
                    JsPairSort.select(vals, idx, k, 0, size - 1);
                }
                if (sorted) {
                    JsPairSort.sort(vals, idx, Math.min(k, size));
                }
                int outOff = b * k;
                for (int i = 0; i < k; i++) {
                    if (fOut != null) {
                        fOut[outOff + i] = (float) vals[i];
                    } else {
                        iOut[outOff + i] = (int) vals[i];
                    }
                    indices[outOff + i] = idx[i];
                }
            }
            Object out = fOut != null ? fOut : iOut;
            return new Tensor[] {
                Engine.get().makeTensor(out, outShape, x.dtype(), backend),
                Engine.get().makeTensor(indices, outShape.clone(), DType.INT32, backend)
            };
        });
    }
}
