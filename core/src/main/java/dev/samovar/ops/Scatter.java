package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * Scatter and search ops: tf.scatterND, sparseToDense, tensorScatterUpdate, searchSorted,
 * lowerBound, upperBound, bincount, denseBincount, with TF.js's checks and messages.
 */
public final class Scatter {
    private Scatter() {
    }

    private static String commas(int[] s) {
        return Shapes.join(s);
    }

    private static void checkDims(int[] shape) {
        for (int d : shape) {
            OpSupport.require(d >= 0, "Tensor must have a shape comprised of positive integers but got shape ["
                    + commas(shape) + "].");
        }
    }

    /** TF.js's scatter_nd_util.validateInput. */
    static void validateScatter(Tensor updates, Tensor indices, int[] shape) {
        if (indices.rank() < 1) {
            throw new IllegalArgumentException("tf.scatterND() expects the indices to be rank 1 or higher, but the rank was "
                    + indices.rank() + ".");
        }
        if (updates.rank() < 1) {
            throw new IllegalArgumentException("tf.scatterND() expects the updates to be rank 1 or higher, but the rank was "
                    + updates.rank() + ".");
        }
        if (indices.dtype() != DType.INT32) {
            throw new IllegalArgumentException("The dtype of 'indices' should be int32, but got dtype: " + indices.dtype());
        }
        if (shape.length < 1) {
            throw new IllegalArgumentException("Output rank must be greater or equal to 1, but got shape: " + commas(shape));
        }
        int[] is = indices.shapeRef();
        int[] us = updates.shapeRef();
        int sliceDim = indices.rank() > 1 ? is[is.length - 1] : 1;
        int batchDim = indices.rank() > 1 ? indices.rank() - 1 : 1;
        String shapeError = "Must have updates.shape = indices.shape[:batchDim] + shape[sliceDim:], got updates.shape: "
                + commas(us) + ", indices.shape: " + commas(is) + ", shape: " + commas(shape) + ", sliceDim: "
                + sliceDim + ", and batchDim: " + batchDim + ".";
        int ur = us.length;
        if (ur < batchDim) {
            throw new IllegalArgumentException(shapeError + " update.rank < " + batchDim + ". ");
        }
        if (shape.length < sliceDim + (ur - batchDim)) {
            throw new IllegalArgumentException(shapeError + " Output shape length < " + (sliceDim + (ur - batchDim)));
        }
        if (ur != batchDim + shape.length - sliceDim) {
            throw new IllegalArgumentException(shapeError + " update.rank != " + (batchDim + shape.length - sliceDim));
        }
        for (int d = 0; d < batchDim; d++) {
            if (us[d] != is[d]) {
                throw new IllegalArgumentException(shapeError + " updates.shape[" + d + "] (" + us[d]
                        + ") != indices.shape[" + d + "] (" + is[d] + ").");
            }
        }
        for (int d = 0; d < ur - batchDim; d++) {
            if (us[d + batchDim] != shape[d + sliceDim]) {
                String s = d + batchDim < shape.length ? String.valueOf(shape[d + batchDim]) : "undefined";
                throw new IllegalArgumentException(shapeError + " updates.shape[" + (d + batchDim) + "] ("
                        + us[d + batchDim] + ") != shape[" + (d + batchDim) + "] (" + s + ")");
            }
        }
    }

    /** tf.scatterND(indices, updates, shape): updates added into zeros of {@code shape} at indices. */
    public static Tensor scatterND(Tensor indices, Tensor updates, int[] shape) {
        checkDims(shape);
        OpSupport.checkDtype(indices, "indices", "scatterND", DType.INT32);
        OpSupport.check(updates, "updates", "scatterND");
        return OpSupport.op("scatterND", () -> {
            validateScatter(updates, indices, shape);
            return OpSupport.run("ScatterNd", Attrs.of().put("shape", shape.clone()), indices, updates);
        });
    }

    /**
     * tf.sparseToDense(sparseIndices, sparseValues, outputShape, defaultValue): a dense tensor of
     * {@code outputShape} holding defaultValue except at the indices. {@code defaultValue} has
     * sparseValues' dtype.
     */
    public static Tensor sparseToDense(Tensor sparseIndices, Tensor sparseValues, int[] outputShape,
            Tensor defaultValue) {
        checkDims(outputShape);
        OpSupport.checkDtype(sparseIndices, "sparseIndices", "sparseToDense", DType.INT32);
        OpSupport.check(sparseValues, "sparseValues", "sparseToDense");
        OpSupport.checkDtype(defaultValue, "defaultValue", "sparseToDense", sparseValues.dtype());
        return OpSupport.op("sparseToDense", () -> {
            if (sparseIndices.rank() > 2) {
                throw new IllegalArgumentException("sparseIndices should be a scalar, vector, or matrix, but got shape "
                        + commas(sparseIndices.shapeRef()) + ".");
            }
            int numElems = sparseIndices.rank() > 0 ? sparseIndices.dim(0) : 1;
            int numDims = sparseIndices.rank() > 1 ? sparseIndices.dim(1) : 1;
            if (outputShape.length != numDims) {
                throw new IllegalArgumentException("outputShape has incorrect number of elements:, "
                        + outputShape.length + ", should be: " + numDims + ".");
            }
            int numValues = sparseValues.size();
            if (!(sparseValues.rank() == 0 || sparseValues.rank() == 1 && numValues == numElems)) {
                throw new IllegalArgumentException("sparseValues has incorrect shape " + commas(sparseValues.shapeRef())
                        + ", should be [] or [" + numElems + "]");
            }
            return OpSupport.run("SparseToDense", Attrs.of().put("outputShape", outputShape.clone()),
                    sparseIndices, sparseValues, defaultValue);
        });
    }

    /** tf.tensorScatterUpdate(tensor, indices, updates): a copy of tensor with updates written at indices. */
    public static Tensor tensorScatterUpdate(Tensor tensor, Tensor indices, Tensor updates) {
        OpSupport.check(tensor, "tensor", "tensorScatterupdate");
        OpSupport.checkDtype(indices, "indices", "tensorScatterupdate", DType.INT32);
        OpSupport.check(updates, "updates", "tensorScatterupdate");
        return OpSupport.op("tensorScatterUpdate", () -> {
            validateScatter(updates, indices, tensor.shape());
            if (tensor.dtype() != updates.dtype()) {
                throw new IllegalArgumentException("tensor and updates must have the same dtype, instead they are "
                        + tensor.dtype() + " and " + updates.dtype() + ".");
            }
            return OpSupport.run("TensorScatterUpdate", Attrs.EMPTY, tensor, indices, updates);
        });
    }

    /**
     * tf.searchSorted(sortedSequence, values, side = 'left'): for each value the index of the first
     * element of its row of sortedSequence that is &gt;= it ('left') or &gt; it ('right'); int32 of
     * shape [rows, values' last dimension].
     */
    public static Tensor searchSorted(Tensor sortedSequence, Tensor values, String side) {
        OpSupport.check(sortedSequence, "sortedSequence", "searchSorted");
        OpSupport.check(values, "values", "searchSorted");
        return OpSupport.op("searchSorted", () -> {
            int[] ss = sortedSequence.shape();
            int[] vs = values.shape();
            OpSupport.require(ss.length > 0 && vs.length > 0, "Sorted input argument must be at least 2-dimensional");
            int sequenceSize = ss[ss.length - 1];
            int valuesSize = vs[vs.length - 1];
            Tensor s2 = Transform.reshape(sortedSequence, -1, sequenceSize);
            Tensor v2 = Transform.reshape(values, -1, valuesSize);
            if (s2.dim(0) != v2.dim(0)) {
                throw new IllegalArgumentException("Leading dimension of 'sortedSequence' and 'values' must match.");
            }
            return OpSupport.run("SearchSorted", Attrs.of().put("side", side == null ? "left" : side), s2, v2);
        });
    }

    public static Tensor lowerBound(Tensor sortedSequence, Tensor values) {
        return searchSorted(sortedSequence, values, "left");
    }

    public static Tensor upperBound(Tensor sortedSequence, Tensor values) {
        return searchSorted(sortedSequence, values, "right");
    }

    /** tf.bincount(x, weights, size): counts (or weight sums) of x's int32 values below size. */
    public static Tensor bincount(Tensor x, Tensor weights, int size) {
        OpSupport.check(x, "x", "bincount");
        OpSupport.check(weights, "weights", "bincount");
        return OpSupport.op("bincount", () -> {
            OpSupport.require(x.dtype() == DType.INT32, "Error in bincount: input dtype must be int32, but got "
                    + x.dtype());
            OpSupport.require(size >= 0, "size must be non-negative, but got " + size + ".");
            OpSupport.require(weights.size() == x.size() || weights.size() == 0,
                    "Error in bincount: weights must have the same size as input or0-length, but got input shape: "
                            + commas(x.shapeRef()) + ", weights shape: " + commas(weights.shapeRef()) + ".");
            return OpSupport.run("Bincount", Attrs.of().put("size", size), x, weights);
        });
    }

    /** tf.denseBincount(x, weights, size, binaryOutput = false): bincount of a 1-D x, or per row of a 2-D x. */
    public static Tensor denseBincount(Tensor x, Tensor weights, int size, boolean binaryOutput) {
        OpSupport.check(x, "x", "denseBincount");
        OpSupport.check(weights, "weights", "denseBincount");
        return OpSupport.op("denseBincount", () -> {
            OpSupport.require(x.dtype() == DType.INT32, "Error in denseBincount: input dtype must be int32, but got "
                    + x.dtype());
            OpSupport.require(x.rank() <= 2, "Error in denseBincount: input must be at most rank 2, but got rank "
                    + x.rank() + ".");
            OpSupport.require(size >= 0, "size must be non-negative, but got " + size + ".");
            OpSupport.require(weights.size() == x.size() || weights.size() == 0,
                    "Error in denseBincount: weights must have the same shape as x or 0-length, but got x shape: "
                            + commas(x.shapeRef()) + ", weights shape: " + commas(weights.shapeRef()) + ".");
            return OpSupport.run("DenseBincount", Attrs.of().put("size", size).put("binaryOutput", binaryOutput),
                    x, weights);
        });
    }
}
