package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * tf.sparse's kernels as TF.js's CPU backend computes them: SparseFillEmptyRows (outputs indices,
 * values, emptyRowIndicator, reverseIndexMap), SparseReshape (new indices, output shape),
 * SparseSegmentSum / SparseSegmentMean (sums, and means, per segment of sorted segment ids, each
 * addition and division stored in the data's dtype as a typed array stores it), with TF.js's
 * messages.
 */
final class SparseKernels {
    private SparseKernels() {
    }

    static void register() {
        KernelRegistry.register("SparseFillEmptyRows", CpuBackend.NAME, (in, at, be) -> fillEmptyRows(in, be));
        KernelRegistry.register("SparseReshape", CpuBackend.NAME, (in, at, be) -> reshape(in, be));
        KernelRegistry.register("SparseSegmentSum", CpuBackend.NAME, (in, at, be) -> segment(in, be, false));
        KernelRegistry.register("SparseSegmentMean", CpuBackend.NAME, (in, at, be) -> segment(in, be, true));
    }

    private static Tensor[] fillEmptyRows(Tensor[] in, dev.samovar.core.Backend be) {
        Tensor indices = in[0];
        Tensor values = in[1];
        int[] idx = Cpu.ints(indices);
        int[] dense = Cpu.ints(in[2]);
        Object vraw = Cpu.raw(values);
        boolean isFloat = vraw instanceof float[];
        double dflt = isFloat ? ((float[]) Cpu.raw(in[3]))[0] : ((int[]) Cpu.raw(in[3]))[0];
        int count = indices.dim(0);
        int rank = indices.dim(1);
        int denseRows = dense.length > 0 ? dense[0] : 0;
        DType vt = values.dtype();
        if (denseRows == 0) {
            if (count != 0) {
                throw new IllegalArgumentException("Received SparseTensor with denseShape[0] = 0 but\n  indices.shape[0] = "
                        + count);
            }
            return new Tensor[] {Cpu.out(be, Cpu.newInts(0), new int[] {0, rank}, DType.INT32),
                Cpu.out(be, isFloat ? (Object) Cpu.newFloats(0) : Cpu.newInts(0), new int[] {0}, vt),
                Cpu.out(be, Cpu.newInts(0), new int[] {0}, DType.BOOL),
                Cpu.out(be, Cpu.newInts(count), new int[] {count}, DType.INT32)};
        }
        boolean ordered = true;
        int last = 0;
        int[] csr = new int[denseRows];
        for (int i = 0; i < count; i++) {
            int row = idx[i * rank];
            if (row < 0) {
                throw new IllegalArgumentException("indices(" + i + ", 0) is invalid: " + row + " < 0");
            }
            if (row >= denseRows) {
                throw new IllegalArgumentException("indices(" + i + ", 0) is invalid: " + row + " >= " + denseRows);
            }
            csr[row]++;
            ordered = ordered && row >= last;
            last = row;
        }
        boolean allFull = true;
        int[] empty = Cpu.newInts(denseRows);
        for (int row = 0; row < denseRows; row++) {
            boolean rowEmpty = csr[row] == 0;
            empty[row] = rowEmpty ? 1 : 0;
            allFull = allFull && !rowEmpty;
            csr[row] = Math.max(csr[row], 1);
            if (row > 0) {
                csr[row] += csr[row - 1];
            }
        }
        int[] reverse = Cpu.newInts(count);
        if (allFull && ordered) {
            for (int i = 0; i < count; i++) {
                reverse[i] = i;
            }
            Object vcopy = isFloat ? ((float[]) vraw).clone() : ((int[]) vraw).clone();
            return new Tensor[] {Cpu.out(be, idx.clone(), new int[] {count, rank}, DType.INT32),
                Cpu.out(be, vcopy, new int[] {count}, vt),
                Cpu.out(be, empty, new int[] {denseRows}, DType.BOOL),
                Cpu.out(be, reverse, new int[] {count}, DType.INT32)};
        }
        int full = csr[denseRows - 1];
        int[] outIdx = Cpu.newInts(full * rank);
        float[] fv = isFloat ? Cpu.newFloats(full) : null;
        int[] iv = isFloat ? null : Cpu.newInts(full);
        int[] filled = new int[denseRows];
        for (int i = 0; i < count; i++) {
            int row = idx[i * rank];
            int outI = (row == 0 ? 0 : csr[row - 1]) + filled[row];
            filled[row]++;
            for (int j = 0; j < rank; j++) {
                outIdx[outI * rank + j] = idx[i * rank + j];
            }
            if (isFloat) {
                fv[outI] = ((float[]) vraw)[i];
            } else {
                iv[outI] = ((int[]) vraw)[i];
            }
            reverse[i] = outI;
        }
        for (int row = 0; row < denseRows; row++) {
            if (filled[row] == 0) {
                int start = row == 0 ? 0 : csr[row - 1];
                outIdx[start * rank] = row;
                for (int col = 1; col < rank; col++) {
                    outIdx[start * rank + col] = 0;
                }
                if (isFloat) {
                    fv[start] = (float) dflt;
                } else {
                    iv[start] = vt == DType.BOOL ? (dflt != 0 ? 1 : 0) : (int) dflt;
                }
            }
        }
        return new Tensor[] {Cpu.out(be, outIdx, new int[] {full, rank}, DType.INT32),
            Cpu.out(be, isFloat ? fv : iv, new int[] {full}, vt),
            Cpu.out(be, empty, new int[] {denseRows}, DType.BOOL),
            Cpu.out(be, reverse, new int[] {count}, DType.INT32)};
    }

    private static double size(int[] s) {
        double p = 1;
        for (int d : s) {
            p *= d;
        }
        return p;
    }

    private static Tensor[] reshape(Tensor[] in, dev.samovar.core.Backend be) {
        Tensor inputIndices = in[0];
        int[] inputShape = Cpu.ints(in[1]);
        int[] target = Cpu.ints(in[2]);
        int[] ii = Cpu.ints(inputIndices);
        double denseSize = size(inputShape);
        int nnz = inputIndices.dim(0);
        int outRank = target.length;
        int[] outShape = new int[outRank];
        double product = 1;
        int unknown = -1;
        for (int d = 0; d < outRank; d++) {
            int s = target[d];
            if (s == -1) {
                if (unknown != -1) {
                    throw new IllegalArgumentException("only one output dimension may be -1, not both " + unknown
                            + " and " + d);
                }
                unknown = d;
                outShape[d] = 1;
            } else {
                if (s < 0) {
                    throw new IllegalArgumentException("size " + d + " must be non-negative, not " + s);
                }
                product *= s;
                outShape[d] = s;
            }
        }
        if (unknown != -1) {
            if (product <= 0) {
                throw new IllegalArgumentException("reshape cannot infer the missing input size for an empty tensor "
                        + "unless all specified input sizes are non-zero");
            }
            double missing = (long) (denseSize / product);
            if (product * missing != denseSize) {
                throw new IllegalArgumentException("Input to reshape is a SparseTensor with " + (long) denseSize
                        + "\n  dense values, but the requested shape requires a multiple of " + (long) size(outShape)
                        + ". inputShape=" + Shapes.join(inputShape) + " outputShape= " + Shapes.join(outShape));
            }
            outShape[unknown] = (int) missing;
        }
        double outSize = size(outShape);
        if (outSize != denseSize) {
            throw new IllegalArgumentException("Input to reshape is a tensor with " + (long) denseSize
                    + " dense values, but the requested shape has " + (long) outSize + ". inputShape="
                    + Shapes.join(inputShape) + " outputShape=" + Shapes.join(outShape));
        }
        int inRank = inputShape.length;
        double[] inStrides = new double[inRank];
        if (inRank > 0) {
            inStrides[inRank - 1] = 1;
            for (int d = inRank - 2; d >= 0; d--) {
                inStrides[d] = inStrides[d + 1] * inputShape[d + 1];
            }
        }
        double[] outStrides = new double[outRank];
        if (outRank > 0) {
            outStrides[outRank - 1] = 1;
            for (int d = outRank - 2; d >= 0; d--) {
                outStrides[d] = outStrides[d + 1] * outShape[d + 1];
            }
        }
        int[] newIdx = Cpu.newInts(nnz * outRank);
        for (int i = 0; i < nnz; i++) {
            double id = 0;
            for (int j = 0; j < inRank; j++) {
                id += ii[i * inRank + j] * inStrides[j];
            }
            for (int j = 0; j < outRank; j++) {
                double q = id / outStrides[j];
                newIdx[i * outRank + j] = (int) (q < 0 ? Math.ceil(q) : Math.floor(q));
                id %= outStrides[j];
            }
        }
        return new Tensor[] {Cpu.out(be, newIdx, new int[] {nnz, outRank}, DType.INT32),
            Cpu.out(be, outShape.clone(), new int[] {outRank}, in[2].dtype())};
    }

    private static Tensor[] segment(Tensor[] in, dev.samovar.core.Backend be, boolean mean) {
        Tensor data = in[0];
        int[] indices = Cpu.ints(in[1]);
        int[] ids = Cpu.ints(in[2]);
        if (indices.length != ids.length) {
            throw new IllegalArgumentException("segmentIds and indices should have same size.");
        }
        int[] shape = data.shape();
        Object raw = Cpu.raw(data);
        boolean isFloat = raw instanceof float[];
        int rows = shape[0];
        int numCol = rows == 0 ? 0 : data.size() / rows;
        int numIndices = indices.length;
        int outputRows = numIndices > 0 ? ids[numIndices - 1] + 1 : 0;
        if (outputRows < 0) {
            throw new IllegalArgumentException("segment ids must be >= 0");
        }
        int[] outShape = shape.clone();
        outShape[0] = outputRows;
        int outLen = Shapes.sizeFromShape(outShape);
        float[] fo = isFloat ? Cpu.newFloats(outLen) : null;
        int[] io = isFloat ? null : Cpu.newInts(outLen);
        if (numIndices == 0) {
            return new Tensor[] {Cpu.out(be, isFloat ? fo : io, outShape, data.dtype())};
        }
        if (outputRows <= 0) {
            throw new IllegalArgumentException("segment ids must be >= 0");
        }
        int start = 0;
        int end = 1;
        int outIndex = ids[start];
        while (true) {
            int nextIndex = 0;
            if (end < numIndices) {
                nextIndex = ids[end];
                if (outIndex == nextIndex) {
                    ++end;
                    continue;
                }
                if (outIndex >= nextIndex) {
                    throw new IllegalArgumentException("segment ids are not increasing");
                }
            }
            if (outIndex < 0 || outIndex >= outputRows) {
                throw new IllegalArgumentException("Segment id " + outIndex + " out of range [0, " + outputRows
                        + "), possibly because segmentIds input is not sorted.");
            }
            for (int i = start; i < end; i++) {
                int index = indices[i];
                if (index < 0 || index >= rows) {
                    throw new IllegalArgumentException("Bad: indices[" + i + "] == " + index + " out of range [0, "
                            + rows + ")");
                }
                for (int j = 0; j < numCol; j++) {
                    int o = outIndex * numCol + j;
                    if (isFloat) {
                        fo[o] = fo[o] + ((float[]) raw)[index * numCol + j];
                    } else {
                        io[o] = io[o] + ((int[]) raw)[index * numCol + j];
                    }
                }
            }
            if (mean) {
                int n = end - start;
                for (int j = 0; j < numCol; j++) {
                    int o = outIndex * numCol + j;
                    if (isFloat) {
                        fo[o] = (float) ((double) fo[o] / n);
                    } else {
                        io[o] = io[o] / n;
                    }
                }
            }
            start = end;
            ++end;
            outIndex = nextIndex;
            if (end > numIndices) {
                break;
            }
        }
        return new Tensor[] {Cpu.out(be, isFloat ? fo : io, outShape, data.dtype())};
    }
}
