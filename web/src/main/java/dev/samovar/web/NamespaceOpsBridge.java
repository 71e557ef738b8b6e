package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.MatrixOps;
import dev.samovar.ops.SparseOps;
import org.teavm.jso.JSExport;

/** tf.linalg (bandPart, gramSchmidt, qr), tf.math.confusionMatrix and tf.sparse. */
public final class NamespaceOpsBridge {
    private NamespaceOpsBridge() {
    }

    @JSExport
    public static Tensor bandPart(Tensor a, boolean lowerIsNumber, double lower, Tensor lowerT, boolean upperIsNumber,
            double upper, Tensor upperT) {
        return MatrixOps.bandPart(a, lowerIsNumber ? Double.valueOf(lower) : null, lowerT,
                upperIsNumber ? Double.valueOf(upper) : null, upperT);
    }

    @JSExport
    public static Tensor[] gramSchmidtList(TensorList xs) {
        return MatrixOps.gramSchmidt(xs.toArray());
    }

    @JSExport
    public static Tensor gramSchmidt(Tensor xs) {
        return MatrixOps.gramSchmidt(xs);
    }

    @JSExport
    public static Tensor[] qr(Tensor x, boolean fullMatrices) {
        return MatrixOps.qr(x, fullMatrices);
    }

    @JSExport
    public static Tensor confusionMatrix(Tensor labels, Tensor predictions, boolean hasNumClasses, double numClasses) {
        return MatrixOps.confusionMatrix(labels, predictions, hasNumClasses ? Double.valueOf(numClasses) : null);
    }

    @JSExport
    public static Tensor[] sparseFillEmptyRows(Tensor indices, Tensor values, Tensor denseShape, Tensor defaultValue) {
        return SparseOps.sparseFillEmptyRows(indices, values, denseShape, defaultValue);
    }

    @JSExport
    public static Tensor[] sparseReshape(Tensor inputIndices, Tensor inputShape, Tensor newShape) {
        return SparseOps.sparseReshape(inputIndices, inputShape, newShape);
    }

    @JSExport
    public static Tensor sparseSegmentMean(Tensor data, Tensor indices, Tensor segmentIds) {
        return SparseOps.sparseSegmentMean(data, indices, segmentIds);
    }

    @JSExport
    public static Tensor sparseSegmentSum(Tensor data, Tensor indices, Tensor segmentIds) {
        return SparseOps.sparseSegmentSum(data, indices, segmentIds);
    }
}
