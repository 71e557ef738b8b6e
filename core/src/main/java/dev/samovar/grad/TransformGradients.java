package dev.samovar.grad;

import dev.samovar.core.DType;
import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;

/**
 * Gradients of the shape and layout kernels, as TF.js's {@code gradients/<Kernel>_grad.js}.
 * StridedSlice, GatherNd and DepthToSpace have no gradient, as in TF.js. GatherV2 is in
 * {@link GatherGradients}.
 */
final class TransformGradients {
    private TransformGradients() {
    }

    static void register() {
        GradientRegistry.register("Reshape", null, null, (i, g) -> Transform.reshape(g.dy(), g.inputShape(0)));
        GradientRegistry.register("Identity", null, null, (i, g) -> Transform.cast(g.dy(), DType.FLOAT32));
        GradientRegistry.register("Transpose", null, null, (i, g) ->
                Transform.transpose(g.dy(), LayoutSupport.undoPermutation(g.attrs().getInts("perm"))));
        GradientRegistry.register("ExpandDims", null, null, (i, g) -> Transform.reshape(g.dy(), g.inputShape(0)));
        GradientRegistry.register("Concat", null, null, TransformGradients::concatGrad);
        GradientRegistry.register("Pack", null, null, TransformGradients::packGrad);
        GradientRegistry.register("Unpack", null, null, (i, g) -> {
            if (g.numOutputs() == 1) {
                // TF.js hands a lone dy to stack() as a tensor, not a list.
                throw new IllegalArgumentException("Argument tensors passed to stack must be a `Tensor[]` or `TensorLike[]`");
            }
            return Transform.stack(dys(g), g.attrs().getInt("axis"));
        });
        GradientRegistry.register("SplitV", null, null, (i, g) -> {
            if (g.numOutputs() == 1) {
                // TF.js hands a lone dy to concat() as a tensor, whose length is undefined.
                throw new IllegalArgumentException("Pass at least one tensor to concat");
            }
            return Transform.concat(dys(g), g.attrs().getInt("axis"));
        });
        GradientRegistry.register("Slice", null, null, (i, g) -> {
            int[] shape = g.inputShape(0);
            int[] begin = g.attrs().getInts("begin");
            int[] size = g.attrs().getInts("size");
            int[][] paddings = new int[shape.length][];
            for (int d = 0; d < shape.length; d++) {
                paddings[d] = new int[] {begin[d], shape[d] - begin[d] - size[d]};
            }
            return Transform.pad(g.dy(), paddings);
        });
        GradientRegistry.register("PadV2", null, null, TransformGradients::unpad);
        // As TF.js: the mirrored copies are not added back (the gradient is the slice of dy).
        GradientRegistry.register("MirrorPad", null, null, TransformGradients::unpad);
        GradientRegistry.register("Tile", null, null, TransformGradients::tileGrad);
        GradientRegistry.register("Reverse", null, null, (i, g) -> Transform.reverse(g.dy(), g.attrs().getInts("dims")));
        GradientRegistry.register("BatchToSpaceND", null, null, (i, g) -> Transform.spaceToBatchND(g.dy(),
                g.attrs().getInts("blockShape"), (int[][]) g.attrs().get("crops")));
        GradientRegistry.register("SpaceToBatchND", null, null, (i, g) -> {
            int[] blockShape = g.attrs().getInts("blockShape");
            int[][] complete = (int[][]) g.attrs().get("paddings");
            int[][] paddings = new int[blockShape.length][];
            for (int k = 0; k < paddings.length; k++) {
                paddings[k] = complete[k + 1].clone();
            }
            return Transform.batchToSpaceND(g.dy(), blockShape, paddings);
        });
        GatherGradients.register();
    }

    /** The gradients of every output (zeros where none flowed). */
    private static Tensor[] dys(GradientContext g) {
        Tensor[] dys = new Tensor[g.numOutputs()];
        for (int k = 0; k < dys.length; k++) {
            dys[k] = g.dy(k);
        }
        return dys;
    }

    /** TF.js splits dy along the axis into the inputs' sizes: input i gets its part (one slice here). */
    private static Tensor concatGrad(int input, GradientContext g) {
        int axis = g.attrs().getInt("axis");
        int[] shape = g.inputShape(input);
        int[] begin = new int[shape.length];
        for (int k = 0; k < input; k++) {
            begin[axis] += g.inputShape(k)[axis];
        }
        return Transform.slice(g.dy(), begin, shape);
    }

    /** TF.js unstacks dy along the axis: input i gets slice i (one slice here). */
    private static Tensor packGrad(int input, GradientContext g) {
        int axis = g.attrs().getInt("axis");
        int[] dyShape = g.dy().shapeRef();
        int[] begin = new int[dyShape.length];
        int[] size = dyShape.clone();
        begin[axis] = input;
        size[axis] = 1;
        return Transform.reshape(Transform.slice(g.dy(), begin, size), g.inputShape(input));
    }

    /** PadV2 and MirrorPad: the input's part of dy. */
    private static Tensor unpad(int input, GradientContext g) {
        int[][] paddings = (int[][]) g.attrs().get("paddings");
        int[] begin = new int[paddings.length];
        for (int d = 0; d < begin.length; d++) {
            begin[d] = paddings[d][0];
        }
        return Transform.slice(g.dy(), begin, g.inputShape(0));
    }

    /**
     * TF.js's Tile gradient: zerosLike(x) plus each tile of dy in turn (row-major over the reps),
     * for ranks 1 to 4; other ranks fail with TF.js's message.
     */
    private static Tensor tileGrad(int input, GradientContext g) {
        int[] shape = g.inputShape(0);
        int rank = shape.length;
        if (rank < 1 || rank > 4) {
            throw new IllegalArgumentException("Gradient for tile operation is not implemented for rank-" + rank
                    + " tensors yet.");
        }
        int[] reps = g.attrs().getInts("reps");
        Tensor grad = Creation.zeros(shape, g.inputDtype(0));
        int[] at = new int[rank];
        int count = LayoutSupport.size(reps);
        for (int n = 0; n < count; n++) {
            int[] begin = new int[rank];
            for (int d = 0; d < rank; d++) {
                begin[d] = at[d] * shape[d];
            }
            grad = Arithmetic.add(grad, Transform.slice(g.dy(), begin, shape));
            for (int d = rank - 1; d >= 0; d--) {
                if (++at[d] < reps[d]) {
                    break;
                }
                at[d] = 0;
            }
        }
        return grad;
    }
}
