package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Scatter;
import org.teavm.jso.JSExport;

/** Segment, scatter and search ops. */
public final class ScatterBridge {
    private ScatterBridge() {
    }

    @JSExport
    public static Tensor unsortedSegmentSum(Tensor x, Tensor segmentIds, double numSegments) {
        return Reduction.unsortedSegmentSum(x, segmentIds, (int) numSegments);
    }

    @JSExport
    public static Tensor scatterND(Tensor indices, Tensor updates, int[] shape) {
        return Scatter.scatterND(indices, updates, shape);
    }

    @JSExport
    public static Tensor sparseToDense(Tensor sparseIndices, Tensor sparseValues, int[] outputShape, Tensor defaultValue) {
        return Scatter.sparseToDense(sparseIndices, sparseValues, outputShape, defaultValue);
    }

    @JSExport
    public static Tensor tensorScatterUpdate(Tensor tensor, Tensor indices, Tensor updates) {
        return Scatter.tensorScatterUpdate(tensor, indices, updates);
    }

    @JSExport
    public static Tensor searchSorted(Tensor sortedSequence, Tensor values, String side) {
        return Scatter.searchSorted(sortedSequence, values, side);
    }

    @JSExport
    public static Tensor bincount(Tensor x, Tensor weights, double size) {
        return Scatter.bincount(x, weights, (int) size);
    }

    @JSExport
    public static Tensor denseBincount(Tensor x, Tensor weights, double size, boolean binaryOutput) {
        return Scatter.denseBincount(x, weights, (int) size, binaryOutput);
    }
}
