package dev.samovar.grad;

import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;

/**
 * TF.js's GatherV2 gradient: dy's slices are summed back into the rows they were gathered from
 * (UnsortedSegmentSum over the gathered axis, moved first and back). With batchDims 1 each batch
 * is done on its own and the results stacked; other batchDims take the plain path, which fails for
 * a batched gather as in TF.js. The indices get themselves as gradient, which the engine rejects
 * (int32), as in TF.js.
 */
final class GatherGradients {
    private GatherGradients() {
    }

    static void register() {
        GradientRegistry.register("GatherV2", new int[] {1}, null, GatherGradients::gatherGrad);
    }

    private static Tensor gatherGrad(int input, GradientContext g) {
        Tensor indices = g.saved(0);
        if (input == 1) {
            return indices;
        }
        int axis = g.attrs().getInt("axis");
        int batchDims = g.attrs().getInt("batchDims", 0);
        int[] xShape = g.inputShape(0);
        Tensor dy = g.dy();
        if (batchDims != 1) {
            return paramsGrad(xShape, axis, indices, dy);
        }
        int batchSize = xShape[0];
        int[] pieceShape = xShape.clone();
        pieceShape[0] = 1;
        Tensor[] parts = new Tensor[batchSize];
        for (int b = 0; b < batchSize; b++) {
            parts[b] = paramsGrad(pieceShape, axis, Transform.slice(indices, new int[] {b}, new int[] {1}),
                    Transform.slice(dy, new int[] {b}, new int[] {1}));
        }
        return Transform.reshape(Transform.stack(parts, 0), xShape);
    }

    /** The gradient of params of {@code paramsShape} gathered at {@code indices} along {@code axis}. */
    private static Tensor paramsGrad(int[] paramsShape, int axis, Tensor indices, Tensor dy) {
        int indicesSize = indices.size();
        int outerDims = axis;
        int innerDims = paramsShape.length - axis - 1;
        int[] valuesShape = new int[outerDims + 1 + innerDims];
        System.arraycopy(paramsShape, 0, valuesShape, 0, outerDims);
        valuesShape[outerDims] = indicesSize;
        System.arraycopy(paramsShape, axis + 1, valuesShape, outerDims + 1, innerDims);
        Tensor values = Transform.reshape(dy, valuesShape);
        Tensor flatIndices = Transform.reshape(indices, indicesSize);
        int[] perm = new int[valuesShape.length];
        perm[0] = outerDims;
        for (int k = 0; k < outerDims; k++) {
            perm[k + 1] = k;
        }
        for (int k = outerDims + 1; k < perm.length; k++) {
            perm[k] = k;
        }
        Tensor transposed = Transform.transpose(values, perm);
        Tensor grad = Reduction.unsortedSegmentSum(transposed, flatIndices, paramsShape[axis]);
        return Transform.transpose(grad, LayoutSupport.undoPermutation(perm));
    }
}
