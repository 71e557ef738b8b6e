package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/** tf.sparse: sparseFillEmptyRows, sparseReshape, sparseSegmentMean, sparseSegmentSum. */
public final class SparseOps {
    private SparseOps() {
    }

    /**
     * tf.sparse.sparseFillEmptyRows(indices, values, denseShape, defaultValue): [outputIndices,
     * outputValues, emptyRowIndicator, reverseIndexMap]; defaultValue has values' dtype.
     */
    public static Tensor[] sparseFillEmptyRows(Tensor indices, Tensor values, Tensor denseShape, Tensor defaultValue) {
        OpSupport.checkDtype(indices, "indices", "sparseFillEmptyRows", DType.INT32);
        OpSupport.check(values, "values", "sparseFillEmptyRows");
        OpSupport.checkDtype(denseShape, "denseShape", "sparseFillEmptyRows", DType.INT32);
        OpSupport.checkDtype(defaultValue, "defaultValue", "sparseFillEmptyRows", values.dtype());
        return OpSupport.op("sparseFillEmptyRows", () -> {
            if (indices.rank() != 2) {
                throw new IllegalArgumentException("Indices should be Tensor2D but received shape\n        "
                        + Shapes.join(indices.shapeRef()));
            }
            if (values.rank() != 1) {
                throw new IllegalArgumentException("Values should be Tensor1D but received shape "
                        + Shapes.join(values.shapeRef()));
            }
            if (denseShape.rank() != 1) {
                throw new IllegalArgumentException("Dense shape should be Tensor1D but received shape "
                        + Shapes.join(denseShape.shapeRef()));
            }
            if (defaultValue.rank() != 0) {
                throw new IllegalArgumentException("Default value should be a scalar but received shape "
                        + Shapes.join(defaultValue.shapeRef()));
            }
            return OpSupport.runMulti("SparseFillEmptyRows", Attrs.EMPTY, indices, values, denseShape, defaultValue);
        });
    }

    /** tf.sparse.sparseReshape(inputIndices, inputShape, newShape): [outputIndices, outputShape]. */
    public static Tensor[] sparseReshape(Tensor inputIndices, Tensor inputShape, Tensor newShape) {
        OpSupport.checkDtype(inputIndices, "inputIndices", "sparseReshape", DType.INT32);
        OpSupport.checkDtype(inputShape, "inputShape", "sparseReshape", DType.INT32);
        OpSupport.checkDtype(newShape, "newShape", "sparseReshape", DType.INT32);
        return OpSupport.op("sparseReshape", () -> {
            if (inputIndices.rank() != 2) {
                throw new IllegalArgumentException("Input indices should be Tensor2D but received shape\n        "
                        + Shapes.join(inputIndices.shapeRef()));
            }
            if (inputShape.rank() != 1) {
                throw new IllegalArgumentException("Input shape should be Tensor1D but received shape "
                        + Shapes.join(inputShape.shapeRef()));
            }
            if (newShape.rank() != 1) {
                throw new IllegalArgumentException("New shape should be Tensor1D but received shape "
                        + Shapes.join(newShape.shapeRef()));
            }
            return OpSupport.runMulti("SparseReshape", Attrs.EMPTY, inputIndices, inputShape, newShape);
        });
    }

    public static Tensor sparseSegmentMean(Tensor data, Tensor indices, Tensor segmentIds) {
        return segment("sparseSegmentMean", "SparseSegmentMean", "\n          ", data, indices, segmentIds);
    }

    public static Tensor sparseSegmentSum(Tensor data, Tensor indices, Tensor segmentIds) {
        return segment("sparseSegmentSum", "SparseSegmentSum", "\n         ", data, indices, segmentIds);
    }

    private static Tensor segment(String op, String kernel, String gap, Tensor data, Tensor indices, Tensor segmentIds) {
        OpSupport.check(data, "data", op);
        OpSupport.checkDtype(indices, "indices", op, DType.INT32);
        OpSupport.checkDtype(segmentIds, "segmentIds", op, DType.INT32);
        return OpSupport.op(op, () -> {
            if (data.rank() < 1) {
                throw new IllegalArgumentException("Data should be at least 1 dimensional but received scalar");
            }
            if (indices.rank() != 1) {
                throw new IllegalArgumentException("Indices should be Tensor1D but received shape" + gap
                        + Shapes.join(indices.shapeRef()));
            }
            if (segmentIds.rank() != 1) {
                throw new IllegalArgumentException("Segment ids should be Tensor1D but received shape" + gap
                        + Shapes.join(segmentIds.shapeRef()));
            }
            return OpSupport.run(kernel, Attrs.EMPTY, data, indices, segmentIds);
        });
    }
}
