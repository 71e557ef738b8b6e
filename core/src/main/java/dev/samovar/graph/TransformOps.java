package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Random;
import dev.samovar.ops.Transform;
import java.util.Arrays;

/**
 * Shape, slicing, joining and creation ops (TF.js's "transformation", "slice_join" and "creation"
 * categories). Shapes, axes and sizes given as input tensors are read once from those tensors.
 */
final class TransformOps {
    private TransformOps() {
    }

    private static int[] ints(Tensor t) {
        return ExecutionContext.ints(t);
    }

    private static int scalar(Tensor t) {
        return ExecutionContext.scalarInt(t);
    }

    /** A [n, 2] tensor of pairs. */
    private static int[][] pairs(Tensor t) {
        int[] flat = ints(t);
        int[][] out = new int[flat.length / 2][2];
        for (int i = 0; i < out.length; i++) {
            out[i][0] = flat[2 * i];
            out[i][1] = flat[2 * i + 1];
        }
        return out;
    }

    private static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }

    static void register() {
        OpRegistry.register("Cast", (n, in, c) -> one(Transform.cast(in[0], n.getDType("DstT", DType.FLOAT32))));
        OpRegistry.register("ExpandDims", (n, in, c) -> one(Transform.expandDims(in[0], scalar(in[1]))));
        OpRegistry.register("Squeeze", (n, in, c) -> {
            int[] axis = n.getInts("squeeze_dims", n.getInts("axis", new int[0]));
            return one(Transform.squeeze(in[0], axis.length == 0 ? null : axis));
        });
        OpRegistry.register("Reshape", (n, in, c) -> one(Transform.reshape(in[0], ints(in[1]))));
        OpRegistry.register("Pad", (n, in, c) -> one(Transform.pad(in[0], pairs(in[1]),
                n.getFloat("constant_value", 0))));
        OpRegistry.register("PadV2", (n, in, c) -> one(Transform.pad(in[0], pairs(in[1]),
                ExecutionContext.scalar(in[2]))));
        OpRegistry.register("MirrorPad", (n, in, c) -> one(Transform.mirrorPad(in[0], pairs(in[1]),
                n.getString("mode", "reflect").toLowerCase())));
        OpRegistry.register("Transpose", (n, in, c) -> one(Transform.transpose(in[0], ints(in[1]))));
        OpRegistry.register("ConcatV2", (n, in, c) -> one(Transform.concat(Arrays.copyOf(in, in.length - 1),
                scalar(in[in.length - 1]))));
        OpRegistry.register("Concat", (n, in, c) -> one(Transform.concat(Arrays.copyOfRange(in, 1, in.length),
                scalar(in[0]))));
        OpRegistry.register("GatherV2", (n, in, c) -> {
            Tensor idx = in[1].dtype() == DType.INT32 ? in[1] : Transform.cast(in[1], DType.INT32);
            Tensor out = Transform.gather(in[0], idx, in.length > 2 ? scalar(in[2]) : 0, n.getInt("batch_dims", 0));
            if (idx != in[1]) {
                idx.dispose();
            }
            return one(out);
        });
        OpRegistry.register("Gather", (n, in, c) -> {
            Tensor idx = in[1].dtype() == DType.INT32 ? in[1] : Transform.cast(in[1], DType.INT32);
            Tensor out = Transform.gather(in[0], idx, 0, n.getInt("batch_dims", 0));
            if (idx != in[1]) {
                idx.dispose();
            }
            return one(out);
        });
        OpRegistry.register("GatherNd", (n, in, c) -> one(Transform.gatherND(in[0], in[1])));
        OpRegistry.register("ReverseV2", (n, in, c) -> one(Transform.reverse(in[0], ints(in[1]))));
        OpRegistry.register("Slice", (n, in, c) -> one(Transform.slice(in[0], ints(in[1]), ints(in[2]))));
        OpRegistry.register("StridedSlice", (n, in, c) -> one(Transform.stridedSlice(in[0], ints(in[1]), ints(in[2]),
                ints(in[3]), n.getInt("begin_mask", 0), n.getInt("end_mask", 0), n.getInt("ellipsis_mask", 0),
                n.getInt("new_axis_mask", 0), n.getInt("shrink_axis_mask", 0))));
        OpRegistry.register("Pack", (n, in, c) -> {
            int axis = n.getInt("axis", 0);
            int[] shape = in[0].shape();
            Tensor[] mapped = new Tensor[in.length];
            boolean[] made = new boolean[in.length];
            for (int i = 0; i < in.length; i++) {
                if (Arrays.equals(in[i].shapeRef(), shape)) {
                    mapped[i] = in[i];
                } else {
                    mapped[i] = Transform.reshape(in[i], shape);
                    made[i] = true;
                }
            }
            Tensor out = Transform.stack(mapped, axis);
            for (int i = 0; i < in.length; i++) {
                if (made[i]) {
                    mapped[i].dispose();
                }
            }
            return one(out);
        });
        OpRegistry.register("Unpack", (n, in, c) -> Transform.unstack(in[0], n.getInt("axis", 0)));
        OpRegistry.register("Tile", (n, in, c) -> one(Transform.tile(in[0], ints(in[1]))));
        OpRegistry.register("Split", (n, in, c) -> Transform.split(in[1], n.getInt("num_split", 1), scalar(in[0])));
        OpRegistry.register("SplitV", (n, in, c) -> Transform.split(in[0], ints(in[1]), scalar(in[2])));
        OpRegistry.register("SpaceToBatchND", (n, in, c) -> one(Transform.spaceToBatchND(in[0], ints(in[1]),
                pairs(in[2]))));
        OpRegistry.register("BatchToSpaceND", (n, in, c) -> one(Transform.batchToSpaceND(in[0], ints(in[1]),
                pairs(in[2]))));
        OpRegistry.register("DepthToSpace", (n, in, c) -> one(Transform.depthToSpace(in[0], n.getInt("block_size", 1),
                n.getString("data_format", "NHWC").toUpperCase())));
        OpRegistry.register("BroadcastTo", (n, in, c) -> one(Transform.broadcastTo(in[0], ints(in[1]))));

        OpRegistry.register("Fill", (n, in, c) -> one(Creation.fill(ints(in[0]), ExecutionContext.scalar(in[1]),
                n.getDType("T", DType.FLOAT32))));
        OpRegistry.register("ZerosLike", (n, in, c) -> one(Creation.zerosLike(in[0])));
        OpRegistry.register("OnesLike", (n, in, c) -> one(Creation.onesLike(in[0])));
        OpRegistry.register("Range", (n, in, c) -> one(Creation.range(ExecutionContext.scalar(in[0]),
                ExecutionContext.scalar(in[1]), ExecutionContext.scalar(in[2]), n.getDType("Tidx", DType.INT32))));
        OpRegistry.register("RandomUniform", (n, in, c) -> one(Random.randomUniform(ints(in[0]), 0, 1,
                n.getDType("dtype", DType.FLOAT32), n.getInt("seed", 0))));
        OpRegistry.register("OneHot", (n, in, c) -> one(Creation.oneHot(in[0], scalar(in[1]),
                ExecutionContext.scalar(in[2]), ExecutionContext.scalar(in[3]), n.getDType("dtype", DType.INT32))));
    }
}
