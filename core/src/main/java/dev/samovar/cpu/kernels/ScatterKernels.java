package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * ScatterNd (attr {@code shape}; duplicate indices add up), SparseToDense (attr
 * {@code outputShape}; later values win, the rest is the default value) and TensorScatterUpdate
 * (updates written over a copy of the tensor): TF.js's scatterImpl. Slices are addressed by
 * flattening the index with the output's strides; a flat index outside the output fails with
 * TF.js's message (an index out of one dimension's range that still lands inside is not caught,
 * as in TF.js). Float sums are rounded to float32 at each addition, as a Float32Array does.
 */
final class ScatterKernels {
    private ScatterKernels() {
    }

    static void register() {
        KernelRegistry.register("ScatterNd", CpuBackend.NAME, (inputs, attrs, backend) ->
                Cpu.one(scatter(inputs[0], inputs[1], attrs.getInts("shape"), null, 0, true, backend)));
        KernelRegistry.register("SparseToDense", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Object dv = Cpu.raw(inputs[2]);
            double dflt = dv instanceof float[] ? ((float[]) dv)[0] : ((int[]) dv)[0];
            return Cpu.one(scatter(inputs[0], inputs[1], attrs.getInts("outputShape"), null, dflt, false, backend));
        });
        KernelRegistry.register("TensorScatterUpdate", CpuBackend.NAME, (inputs, attrs, backend) ->
                Cpu.one(scatter(inputs[1], inputs[2], inputs[0].shape(), inputs[0], 0, false, backend)));
    }

    private static Tensor scatter(Tensor indices, Tensor updates, int[] shape, Tensor base, double dflt,
            boolean sum, dev.samovar.core.Backend backend) {
        int[] is = indices.shapeRef();
        int sliceRank = is.length > 1 ? is[is.length - 1] : 1;
        int sliceSize = 1;
        for (int i = sliceRank; i < shape.length; i++) {
            sliceSize *= shape[i];
        }
        int safeSliceDim = sliceRank < 1 ? 1 : sliceRank;
        int numUpdates = indices.size() / safeSliceDim;
        int[] strides = new int[sliceRank];
        if (sliceRank > 0) {
            strides[sliceRank - 1] = 1;
            for (int i = sliceRank - 2; i >= 0; i--) {
                strides[i] = strides[i + 1] * shape[i + 1];
            }
        }
        int outputSize = Shapes.sizeFromShape(shape);
        DType dtype = updates.dtype();
        boolean isFloat = dtype == DType.FLOAT32;
        float[] fOut = isFloat ? Cpu.newFloats(outputSize) : null;
        int[] iOut = isFloat ? null : Cpu.newInts(outputSize);
        if (outputSize == 0) {
            return Cpu.out(backend, isFloat ? fOut : iOut, shape.clone(), dtype);
        }
        if (base != null) {
            Object b = Cpu.raw(base);
            if (isFloat) {
                System.arraycopy((float[]) b, 0, fOut, 0, outputSize);
            } else {
                System.arraycopy((int[]) b, 0, iOut, 0, outputSize);
            }
        } else if (dflt != 0) {
            for (int i = 0; i < outputSize; i++) {
                if (isFloat) {
                    fOut[i] = (float) dflt;
                } else {
                    iOut[i] = dtype == DType.BOOL ? (dflt != 0 ? 1 : 0) : (int) dflt;
                }
            }
        }
        int[] idx = Cpu.ints(indices);
        Object u = Cpu.raw(updates);
        float[] fu = isFloat ? (float[]) u : null;
        int[] iu = isFloat ? null : (int[]) u;
        boolean scalarUpdates = updates.rank() == 0;
        int numSlices = outputSize / sliceSize;
        for (int i = 0; i < numUpdates; i++) {
            int flat = 0;
            for (int j = 0; j < sliceRank; j++) {
                flat += idx[i * sliceRank + j] * strides[j];
            }
            if (flat < 0 || flat >= numSlices) {
                StringBuilder index = new StringBuilder();
                for (int j = 0; j < sliceRank; j++) {
                    if (j > 0) {
                        index.append(',');
                    }
                    index.append(idx[i * sliceRank + j]);
                }
                throw new IllegalArgumentException("Invalid indices: " + index + " does not index into "
                        + Shapes.join(shape));
            }
            for (int k = 0; k < sliceSize; k++) {
                int o = flat * sliceSize + k;
                int src = sum || !scalarUpdates ? i * sliceSize + k : 0;
                if (isFloat) {
                    fOut[o] = sum ? fOut[o] + fu[src] : fu[src];
                } else if (dtype == DType.BOOL) {
                    iOut[o] = sum ? (iOut[o] + iu[src]) & 0xff : iu[src];
                } else {
                    iOut[o] = sum ? iOut[o] + iu[src] : iu[src];
                }
            }
        }
        return Cpu.out(backend, isFloat ? fOut : iOut, shape.clone(), dtype);
    }
}
