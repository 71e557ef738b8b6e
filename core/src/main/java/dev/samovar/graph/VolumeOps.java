package dev.samovar.graph;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Pool;

/**
 * 3-D convolution and pooling, dilation and max pooling with argmax (TF.js's "convolution"
 * executor: Conv3D, MaxPool3D, AvgPool3D, Dilation2D, MaxPoolWithArgmax), with
 * its attribute handling: strides, ksize and dilations are NDHWC five-tuples of which the middle
 * three count; padding is lower-cased; Conv3D's data_format defaults to NHWC (so, as in TF.js, a
 * Conv3D node without one fails the op's NDHWC check).
 */
final class VolumeOps {
    private VolumeOps() {
    }

    private static int[] dhw(int[] five) {
        return new int[] {five[1], five[2], five[3]};
    }

    static void register() {
        OpRegistry.register("Conv3D", (n, in, c) -> new Tensor[] {Conv.conv3d(in[0], in[1],
                dhw(n.getInts("strides", new int[] {1, 1, 1, 1, 1})), n.getString("padding", "valid").toLowerCase(),
                n.getString("data_format", "NHWC").toUpperCase(),
                dhw(n.getInts("dilations", new int[] {1, 1, 1, 1, 1})))});
        OpRegistry.register("MaxPool3D", (n, in, c) -> new Tensor[] {Pool.maxPool3d(in[0],
                dhw(n.getInts("ksize", new int[] {1, 1, 1, 1, 1})), dhw(n.getInts("strides", new int[] {1, 1, 1, 1, 1})),
                n.getString("padding", "valid").toLowerCase(), null, "NDHWC")});
        OpRegistry.register("AvgPool3D", (n, in, c) -> new Tensor[] {Pool.avgPool3d(in[0],
                dhw(n.getInts("ksize", new int[] {1, 1, 1, 1, 1})), dhw(n.getInts("strides", new int[] {1, 1, 1, 1, 1})),
                n.getString("padding", "valid").toLowerCase(), null, "NDHWC")});
            OpRegistry.register("Dilation2D", (n, in, c) -> {
            int[] s = n.getInts("strides", new int[] {1, 1, 1, 1});
            int[] r = n.getInts("rates", new int[] {1, 1, 1, 1});
            return new Tensor[] {Conv.dilation2d(in[0], in[1], new int[] {s[1], s[2]},
                    n.getString("padding", "valid").toLowerCase(), new int[] {r[1], r[2]}, "NHWC")};
        });
        OpRegistry.register("MaxPoolWithArgmax", (n, in, c) -> {
            int[] k = n.getInts("ksize", new int[] {1, 1, 1, 1});
            int[] s = n.getInts("strides", new int[] {1, 1, 1, 1});
            return Pool.maxPoolWithArgmax(in[0], new int[] {k[1], k[2]}, new int[] {s[1], s[2]},
                    n.getString("padding", "valid").toLowerCase(), n.getBool("include_batch_in_index", false));
        });
    }
}
