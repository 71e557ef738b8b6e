package dev.samovar.grad;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.ops.Conv;
import dev.samovar.ops.OpSupport;

/**
 * Gradients of the convolution kernels (TF.js's Conv2D_grad, Conv2DBackpropInput_grad,
 * DepthwiseConv2dNative_grad). Where TF.js refuses (dilation rates greater than 1), these give
 * the correct gradient; Conv2DBackpropFilter and the depthwise backprop kernels, which have no
 * gradient in TF.js, get theirs too (so second derivatives through convolutions work).
 */
final class ConvGradients {
    private ConvGradients() {
    }

    static int[] strides(Attrs a) {
        return a.getInts("strides", null);
    }

    static int[] dilations(Attrs a) {
        int[] d = a.getInts("dilations", null);
        return d == null ? new int[] {1, 1} : d;
    }

    static String format(Attrs a) {
        return a.getString("dataFormat", "NHWC");
    }

    static void register() {
        // x, filter -> y. As TF.js: dimRoundingMode is not passed on.
        GradientRegistry.register("Conv2D", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor x = g.saved(0);
            Tensor filter = g.saved(1);
            if (i == 0) {
                return NnBackprop.conv2DBackpropInput(x.shape(), g.dy(), filter, strides(a), a.get("pad"), format(a),
                        null, dilations(a));
            }
            return NnBackprop.conv2DBackpropFilter(x, g.dy(), filter.shape(), strides(a), a.get("pad"), format(a), null,
                    dilations(a));
        });
        // dy, filter -> dx (conv2dTranspose).
        GradientRegistry.register("Conv2DBackpropInput", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor dy = g.saved(0);
            Tensor filter = g.saved(1);
            String rounding = a.getString("dimRoundingMode", null);
            if (i == 0) {
                if (a.has("dilations")) {
                    return Conv.conv2d(g.dy(), filter, strides(a), a.get("pad"), format(a), dilations(a), rounding);
                }
                return Conv.conv2d(g.dy(), filter, strides(a), a.get("pad"), format(a), new int[] {1}, rounding);
            }
            return NnBackprop.conv2DBackpropFilter(g.dy(), dy, filter.shape(), strides(a), a.get("pad"), format(a),
                    rounding, a.getInts("dilations", null));
        });
        // x, dy -> dW (no gradient in TF.js).
        GradientRegistry.register("Conv2DBackpropFilter", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor x = g.saved(0);
            Tensor dy = g.saved(1);
            String rounding = a.getString("dimRoundingMode", null);
            if (i == 0) {
                return NnBackprop.conv2DBackpropInput(x.shape(), dy, g.dy(), strides(a), a.get("pad"), format(a),
                        rounding, a.getInts("dilations", null));
            }
            return Conv.conv2d(x, g.dy(), strides(a), a.get("pad"), format(a), dilations(a), rounding);
        });
        GradientRegistry.register("DepthwiseConv2dNative", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor x = g.saved(0);
            Tensor filter = g.saved(1);
            int[] dil = dilations(a);
            checkDepthwise(x, filter, strides(a), dil, a.get("pad"), a.getString("dimRoundingMode", null));
            if (i == 0) {
                return NnBackprop.depthwiseConv2dNativeBackpropInput(x.shape(), g.dy(), filter, strides(a),
                        a.get("pad"), dil, a.getString("dimRoundingMode", null));
            }
            return NnBackprop.depthwiseConv2dNativeBackpropFilter(x, g.dy(), filter.shape(), strides(a), a.get("pad"),
                    dil, a.getString("dimRoundingMode", null));
        });
        // dy, filter -> dx and x, dy -> dW of depthwise convolutions (no gradient in TF.js).
        GradientRegistry.register("DepthwiseConv2dNativeBackpropInput", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor dy = g.saved(0);
            Tensor filter = g.saved(1);
            String rounding = a.getString("dimRoundingMode", null);
            if (i == 0) {
                return depthwise(g.dy(), filter, a, rounding);
            }
            return NnBackprop.depthwiseConv2dNativeBackpropFilter(g.dy(), dy, filter.shape(), strides(a),
                    a.get("pad"), dilations(a), rounding);
        });
        GradientRegistry.register("DepthwiseConv2dNativeBackpropFilter", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            Tensor x = g.saved(0);
            Tensor dy = g.saved(1);
            String rounding = a.getString("dimRoundingMode", null);
            if (i == 0) {
                return NnBackprop.depthwiseConv2dNativeBackpropInput(x.shape(), dy, g.dy(), strides(a), a.get("pad"),
                        dilations(a), rounding);
            }
            return depthwise(x, g.dy(), a, rounding);
        });
    }

    private static Tensor depthwise(Tensor x, Tensor filter, Attrs a, String rounding) {
        return OpSupport.op("depthwiseConv2d", () -> OpSupport.run("DepthwiseConv2dNative", Attrs.of()
                .put("strides", strides(a)).put("pad", a.get("pad")).put("dilations", dilations(a))
                .put("dimRoundingMode", rounding), x, filter));
    }

    /** The checks of TF.js's DepthwiseConv2dNative gradient (dilations aside: Samovar supports them). */
    static void checkDepthwise(Tensor x, Tensor filter, int[] strides, int[] dilations, Object pad, String rounding) {
        OpSupport.require(x.rank() == 4, "Error in gradient of depthwiseConv2dNative: input must be rank 4, but got "
                + "rank " + x.rank() + ".");
        OpSupport.require(filter.rank() == 4, "Error in gradient of depthwiseConv2dNative: filter must be rank 4, but "
                + "got rank " + filter.rank() + ".");
        OpSupport.require(x.dim(3) == filter.dim(2), "Error in gradient of depthwiseConv2d: number of input channels ("
                + x.dim(3) + ") must match the inChannels dimension in filter " + filter.dim(2) + ".");
        OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, dilations),
                "Error in gradient of depthwiseConv2d: Either strides or dilations must be  1. Got strides "
                        + ConvGeometry.tupleToString(strides) + " and dilations '"
                        + ConvGeometry.tupleToString(dilations) + "'.");
        ConvGeometry.checkPadOnDimRoundingMode("depthwiseConv2d", pad, rounding);
    }
}
