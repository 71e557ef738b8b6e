package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Image;
import dev.samovar.ops.Transform;

/**
 * TF.js's "image" executor and the image / data-dependent ops of its "dynamic" executor, mapped
 * onto {@link Image}: ResizeBilinear, ResizeNearestNeighbor, CropAndResize, the NonMaxSuppression
 * versions (TF.js runs their async variants) and Where (tf.whereAsync of the condition cast to
 * bool). The dynamic ones run in executeAsync only.
 */
final class ImageOps {
    private ImageOps() {
    }

    static void register() {
        OpRegistry.register("ResizeBilinear", (n, in, c) -> new Tensor[] {Image.resizeBilinear(in[0],
                size(in[1]), n.getBool("align_corners", false), n.getBool("half_pixel_centers", false))});
        OpRegistry.register("ResizeNearestNeighbor", (n, in, c) -> new Tensor[] {Image.resizeNearestNeighbor(in[0],
                size(in[1]), n.getBool("align_corners", false), n.getBool("half_pixel_centers", false))});
        OpRegistry.register("CropAndResize", (n, in, c) -> new Tensor[] {Image.cropAndResize(in[0], in[1], in[2],
                ExecutionContext.ints(in[3]), n.getString("method", "bilinear"),
                n.getFloat("extrapolation_value", 0))});
        OpRegistry.registerDynamic("NonMaxSuppressionV5", (n, in, c) -> Image.nonMaxSuppressionAsync(5, in[0], in[1],
                ExecutionContext.scalarInt(in[2]), ExecutionContext.scalar(in[3]), ExecutionContext.scalar(in[4]),
                ExecutionContext.scalar(in[5]), false));
        OpRegistry.registerDynamic("NonMaxSuppressionV4", (n, in, c) -> Image.nonMaxSuppressionAsync(4, in[0], in[1],
                ExecutionContext.scalarInt(in[2]), ExecutionContext.scalar(in[3]), ExecutionContext.scalar(in[4]),
                0, n.getBool("pad_to_max_output_size", false)));
        OpRegistry.registerDynamic("NonMaxSuppressionV3", (n, in, c) -> Image.nonMaxSuppressionAsync(3, in[0], in[1],
                ExecutionContext.scalarInt(in[2]), ExecutionContext.scalar(in[3]), ExecutionContext.scalar(in[4]),
                0, false));
        OpRegistry.registerDynamic("NonMaxSuppressionV2", (n, in, c) -> Image.nonMaxSuppressionAsync(3, in[0], in[1],
                ExecutionContext.scalarInt(in[2]), ExecutionContext.scalar(in[3]), Double.NEGATIVE_INFINITY,
                0, false));
        OpRegistry.registerDynamic("Where", (n, in, c) -> {
            Tensor condition = Transform.cast(in[0], DType.BOOL);
            try {
                return new Tensor[] {dev.samovar.ops.Selection.where(condition)};
            } finally {
                if (condition != in[0]) {
                    condition.dispose();
                }
            }
        });
    }

    /** The first two values of a size input (TF.js passes [size[0], size[1]]). */
    private static int[] size(Tensor t) {
        int[] v = ExecutionContext.ints(t);
        return new int[] {v[0], v[1]};
    }
}
