package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * GatherV2 (attrs {@code axis} normalized, {@code batchDims} as given) and GatherNd, with TF.js's
 * checks of index values and shapes (they depend on the indices' values, so they run here, before
 * any output is made).
 */
public final class GatherKernel {
    private GatherKernel() {
    }

    static void register() {
        KernelRegistry.register("GatherV2", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Tensor indices = inputs[1];
            int axis = attrs.getInt("axis");
            int[] idx = (int[]) indices.dataId().payload;
            int[] xShape = x.shapeRef();
            int dimSize = xShape[axis];
            for (int v : idx) {
                if (v > dimSize - 1 || v < 0) {
                    throw new IllegalArgumentException(
                            "GatherV2: the index value " + v + " is not in [0, " + (dimSize - 1) + "]");
                }
            }
            int batchDims = attrs.getInt("batchDims", 0);
            int[] iShape = indices.shapeRef();
            int indicesRank = iShape.length;
            int xRank = xShape.length;
            if (batchDims != 0 && (batchDims < -indicesRank || batchDims > indicesRank)) {
                throw new IllegalArgumentException("Expect batchDims in the range of [-" + indicesRank + ", "
                        + indicesRank + "], but got " + batchDims);
            }
            if (batchDims < 0) {
                batchDims += indicesRank;
            }
            if (batchDims > xRank) {
                throw new IllegalArgumentException("batchDims (" + batchDims + ") must be less than rank(x) (\n    "
                        + xRank + ").");
            }
            if (axis < batchDims) {
                throw new IllegalArgumentException(
                        "batchDims (" + batchDims + ") must be less than or equal to axis (" + axis + ").");
            }
            for (int i = 0; i < batchDims; i++) {
                if (xShape[i] != iShape[i]) {
                    throw new IllegalArgumentException("x.shape[" + i + "]: " + xShape[i]
                            + " should be equal to indices.shape[" + i + "]: " + iShape[i] + ".");
                }
            }
            int[] outShape = Cpu.newInts(axis + (indicesRank - batchDims) + (xRank - axis - 1));
            int k = 0;
            int batchSize = 1;
            int outerSize = 1;
            int sliceSize = 1;
            for (int i = 0; i < batchDims; i++) {
                outShape[k++] = xShape[i];
                batchSize *= xShape[i];
            }
            for (int i = batchDims; i < axis; i++) {
                outShape[k++] = xShape[i];
                outerSize *= xShape[i];
            }
            for (int i = batchDims; i < indicesRank; i++) {
                outShape[k++] = iShape[i];
            }
            for (int i = axis + 1; i < xRank; i++) {
                outShape[k++] = xShape[i];
                sliceSize *= xShape[i];
            }
            if (batchSize == 0) {
                // TF.js reshapes the indices to [0, 0 / 0].
                throw new IllegalArgumentException("The new shape (0,NaN) has NaN elements and the old shape ("
                        + Shapes.join(iShape) + ") has " + idx.length + " elements. The new shape and old shape must"
                        + " have the same number of elements.");
            }
            int n = Shapes.sizeFromShape(outShape);
            Object values = x.dataId().payload;
            Object out = Layout.alloc(values, n);
            if (n > 0) {
                int perBatch = idx.length / batchSize;
                int p = 0;
                float[] fv = values instanceof float[] ? (float[]) values : null;
                for (int b = 0; b < batchSize; b++) {
                    for (int o = 0; o < outerSize; o++) {
                        int base = (b * outerSize + o) * dimSize;
                        int first = b * perBatch;
                        if (sliceSize >= 16) {
                            for (int i = 0; i < perBatch; i++) {
                                System.arraycopy(values, (base + idx[first + i]) * sliceSize, out, p, sliceSize);
                                p += sliceSize;
                            }
                        } else if (fv != null) {
                            float[] fo = (float[]) out;
                            for (int i = 0; i < perBatch; i++) {
                                for (int j = 0, src = (base + idx[first + i]) * sliceSize; j < sliceSize; j++) {
                                    fo[p++] = fv[src + j];
                                }
                            }
                        } else {
                            int[] iv = (int[]) values;
                            int[] io = (int[]) out;
                            for (int i = 0; i < perBatch; i++) {
                                for (int j = 0, src = (base + idx[first + i]) * sliceSize; j < sliceSize; j++) {
                                    io[p++] = iv[src + j];
                                }
                            }
                        }
                    }
                }
            }
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });

        KernelRegistry.register("GatherNd", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor params = inputs[0];
            Tensor indices = inputs[1];
            int[] pShape = params.shapeRef();
            int[] iShape = indices.shapeRef();
            int tensorRank = pShape.length;
            int indicesRank = iShape.length;
            if (tensorRank < 1) {
                throw new IllegalArgumentException(
                        "tf.gatherND() expects the input to be rank 1 or higher, but the rank was " + tensorRank + ".");
            }
            if (indicesRank < 1) {
                throw new IllegalArgumentException("tf.gatherND() expects the indices to be rank 1 or higher,"
                        + " but the rank was " + indicesRank + ".");
            }
            int sliceRank = iShape[indicesRank - 1];
            if (sliceRank > tensorRank) {
                throw new IllegalArgumentException("index innermost dimension length must be <= tensor rank; saw: "
                        + sliceRank + " vs. " + tensorRank);
            }
            int paramsSize = params.size();
            if (paramsSize == 0) {
                throw new IllegalArgumentException("Requested more than 0 entries, but input is empty. Input shape: "
                        + Shapes.join(pShape) + ".");
            }
            int numSlices = 1;
            for (int i = 0; i < indicesRank - 1; i++) {
                numSlices *= iShape[i];
            }
            int[] outShape = Cpu.newInts(indicesRank - 1 + tensorRank - sliceRank);
            System.arraycopy(iShape, 0, outShape, 0, indicesRank - 1);
            int sliceSize = 1;
            for (int i = sliceRank; i < tensorRank; i++) {
                sliceSize *= pShape[i];
                outShape[indicesRank - 1 + i - sliceRank] = pShape[i];
            }
            Object values = params.dataId().payload;
            if (numSlices == 0) {
                return new Tensor[] {Engine.get().makeTensor(Layout.alloc(values, 0), outShape, params.dtype(), backend)};
            }
            int[] full = Shapes.fullStrides(pShape);
            int[] strides = Cpu.newInts(sliceRank);
            for (int j = 0; j < sliceRank; j++) {
                strides[j] = full[j] / sliceSize;
            }
            int[] idx = (int[]) indices.dataId().payload;
            long limit = paramsSize / sliceSize;
            int[] flat = Cpu.newInts(numSlices);
            for (int i = 0; i < numSlices; i++) {
                long f = 0;
                for (int j = 0; j < sliceRank; j++) {
                    f += (long) idx[i * sliceRank + j] * strides[j];
                }
                if (f < 0 || f >= limit) {
                    int[] index = Cpu.newInts(sliceRank);
                    System.arraycopy(idx, i * sliceRank, index, 0, sliceRank);
                    throw new IllegalArgumentException("Invalid indices: " + Shapes.join(index)
                            + " does not index into " + Shapes.join(pShape));
                }
                flat[i] = (int) f;
            }
            Object out = Layout.alloc(values, numSlices * sliceSize);
            for (int i = 0; i < numSlices; i++) {
                System.arraycopy(values, flat[i] * sliceSize, out, i * sliceSize, sliceSize);
            }
            return new Tensor[] {Engine.get().makeTensor(out, outShape, params.dtype(), backend)};
        });
    }
}
