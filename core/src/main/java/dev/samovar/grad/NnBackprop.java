package dev.samovar.grad;

import dev.samovar.core.Attrs;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Transform;

/**
 * The backward ops of convolution, pooling and normalization, as TF.js's op functions
 * (conv2DBackpropFilter, depthwiseConv2dNativeBackpropInput, maxPoolGrad, ...) run them: each in
 * its own scope, with TF.js's checks, rank-3 arguments taken as one image. {@code dilations} (null
 * for 1) is Samovar's addition, so that dilated convolutions have gradients.
 */
public final class NnBackprop {
    private NnBackprop() {
    }

    private static Tensor as4D(Tensor t) {
        int[] s = t.shapeRef();
        return Transform.reshape(t, 1, s[0], s[1], s[2]);
    }

    private static Tensor from4D(Tensor t) {
        int[] s = t.shapeRef();
        return Transform.reshape(t, s[1], s[2], s[3]);
    }

    private static Attrs convAttrs(int[] strides, Object pad, String dataFormat, String dimRoundingMode,
            int[] dilations) {
        Attrs a = Attrs.of().put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                .put("dimRoundingMode", dimRoundingMode);
        if (dataFormat != null) {
            a.put("dataFormat", dataFormat);
        }
        if (dilations != null && !ConvGeometry.tupleValuesAreOne(dilations)) {
            a.put("dilations", dilations.clone());
        }
        return a;
    }

    /** TF.js's conv2DBackpropInput(xShape, dy, filter, strides, pad, dataFormat, dimRoundingMode). */
    public static Tensor conv2DBackpropInput(int[] xShape, Tensor dy, Tensor filter, int[] strides, Object pad,
            String dataFormat, String dimRoundingMode, int[] dilations) {
        return OpSupport.op("conv2DBackpropInput", () -> {
            String format = dataFormat == null ? "NHWC" : dataFormat;
            OpSupport.require(xShape.length == dy.rank(), "Length of inShape (" + xShape.length
                    + ") and rank of dy (" + dy.rank() + ") must match");
            boolean reshaped = dy.rank() == 3;
            Tensor dy4 = reshaped ? as4D(dy) : dy;
            int[] xShape4 = reshaped ? new int[] {1, xShape[0], xShape[1], xShape[2]} : xShape;
            OpSupport.require(xShape4.length == 4,
                    "Error in conv2dDerInput: inShape must be length 4, but got length " + xShape4.length + ".");
            OpSupport.require(dy4.rank() == 4,
                    "Error in conv2dDerInput: dy must be rank 4, but got rank " + dy4.rank());
            OpSupport.require(filter.rank() == 4,
                    "Error in conv2dDerInput: filter must be rank 4, but got rank " + filter.rank());
            boolean nhwc = "NHWC".equals(format);
            int inDepth = nhwc ? xShape4[3] : xShape4[1];
            int outDepth = nhwc ? dy4.dim(3) : dy4.dim(1);
            OpSupport.require(inDepth == filter.dim(2), "Error in conv2dDerInput: depth of input (" + inDepth
                    + ") must match input depth for filter " + filter.dim(2) + ".");
            OpSupport.require(outDepth == filter.dim(3), "Error in conv2dDerInput: depth of output (" + outDepth
                    + ") must match output depth for filter " + filter.dim(3) + ".");
            ConvGeometry.checkPadOnDimRoundingMode("conv2dDerInput", pad, dimRoundingMode);
            Attrs attrs = convAttrs(strides, pad, format, dimRoundingMode, dilations).put("inputShape",
                    xShape4.clone());
            Tensor res = OpSupport.run("Conv2DBackpropInput", attrs, dy4, filter);
            return reshaped ? from4D(res) : res;
        });
    }

    /** TF.js's conv2DBackpropFilter(x, dy, filterShape, strides, pad, dataFormat, dimRoundingMode). */
    public static Tensor conv2DBackpropFilter(Tensor x, Tensor dy, int[] filterShape, int[] strides, Object pad,
            String dataFormat, String dimRoundingMode, int[] dilations) {
        return OpSupport.op("conv2DBackpropFilter", () -> {
            String format = dataFormat == null ? "NHWC" : dataFormat;
            Tensor x4 = x.rank() == 3 ? as4D(x) : x;
            Tensor dy4 = dy.rank() == 3 ? as4D(dy) : dy;
            OpSupport.require(x4.rank() == 4, "Error in conv2dDerFilter: input must be rank 4, but got shape "
                    + Shapes.join(x4.shapeRef()) + ".");
            OpSupport.require(dy4.rank() == 4, "Error in conv2dDerFilter: dy must be rank 4, but got shape "
                    + Shapes.join(dy4.shapeRef()) + ".");
            OpSupport.require(filterShape.length == 4, "Error in conv2dDerFilter: filterShape must be length 4, "
                    + "but got " + Shapes.join(filterShape) + ".");
            boolean nhwc = "NHWC".equals(format);
            int inDepth = nhwc ? x4.dim(3) : x4.dim(1);
            int outDepth = nhwc ? dy4.dim(3) : dy4.dim(1);
            OpSupport.require(inDepth == filterShape[2], "Error in conv2dDerFilter: depth of input " + inDepth
                    + ") must match input depth in filter (" + filterShape[2] + ".");
            OpSupport.require(outDepth == filterShape[3], "Error in conv2dDerFilter: depth of dy (" + outDepth
                    + ") must match output depth for filter (" + filterShape[3] + ").");
            ConvGeometry.checkPadOnDimRoundingMode("conv2dDerFilter", pad, dimRoundingMode);
            Attrs attrs = convAttrs(strides, pad, format, dimRoundingMode, dilations).put("filterShape",
                    filterShape.clone());
            return OpSupport.run("Conv2DBackpropFilter", attrs, x4, dy4);
        });
    }

    /** TF.js's depthwiseConv2dNativeBackpropInput(xShape, dy, filter, strides, pad, dilations, dimRoundingMode). */
    public static Tensor depthwiseConv2dNativeBackpropInput(int[] xShape, Tensor dy, Tensor filter, int[] strides,
            Object pad, int[] dilations, String dimRoundingMode) {
        return OpSupport.op("depthwiseConv2dNativeBackpropInput", () -> {
            boolean reshaped = dy.rank() == 3;
            Tensor dy4 = reshaped ? as4D(dy) : dy;
            Attrs attrs = convAttrs(strides, pad, null, dimRoundingMode, dilations).put("inputShape", xShape.clone());
            Tensor res = OpSupport.run("DepthwiseConv2dNativeBackpropInput", attrs, dy4, filter);
            return reshaped ? from4D(res) : res;
        });
    }

    /** TF.js's depthwiseConv2dNativeBackpropFilter(x, dy, filterShape, strides, pad, dilations, dimRoundingMode). */
    public static Tensor depthwiseConv2dNativeBackpropFilter(Tensor x, Tensor dy, int[] filterShape, int[] strides,
            Object pad, int[] dilations, String dimRoundingMode) {
        return OpSupport.op("depthwiseConv2dNativeBackpropFilter", () -> {
            Tensor x4 = x.rank() == 3 ? as4D(x) : x;
            Tensor dy4 = dy.rank() == 3 ? as4D(dy) : dy;
            Attrs attrs = convAttrs(strides, pad, null, dimRoundingMode, dilations).put("filterShape",
                    filterShape.clone());
            return OpSupport.run("DepthwiseConv2dNativeBackpropFilter", attrs, x4, dy4);
        });
    }

    /** TF.js's maxPoolGrad(dy, input, output, filterSize, strides, pad, dimRoundingMode). */
    public static Tensor maxPoolGrad(Tensor dy, Tensor input, Tensor output, int[] filterSize, int[] strides,
            Object pad, String dimRoundingMode) {
        return OpSupport.op("maxPoolGrad", () -> {
            OpSupport.require(input.rank() == dy.rank(),
                    "Rank of input (" + input.rank() + ") does not match rank of dy (" + dy.rank() + ")");
            OpSupport.require(dy.rank() == 4, "Error in maxPoolGrad: dy must be rank 4 but got rank " + dy.rank() + ".");
            OpSupport.require(input.rank() == 4,
                    "Error in maxPoolGrad: input must be rank 4 but got rank " + input.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("maxPoolGrad", pad, dimRoundingMode);
            Attrs attrs = Attrs.of().put("filterSize", filterSize.clone())
                    .put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                    .put("dimRoundingMode", dimRoundingMode);
            return OpSupport.run("MaxPoolGrad", attrs, dy, input, output);
        });
    }

    /** TF.js's avgPoolGrad(dy, input, filterSize, strides, pad). */
    public static Tensor avgPoolGrad(Tensor dy, Tensor input, int[] filterSize, int[] strides, Object pad) {
        return OpSupport.op("avgPoolGrad", () -> {
            OpSupport.require(input.rank() == dy.rank(),
                    "Rank of input (" + input.rank() + ") does not match rank of dy (" + dy.rank() + ")");
            boolean reshaped = input.rank() == 3;
            Tensor input4 = reshaped ? as4D(input) : input;
            Tensor dy4 = reshaped ? as4D(dy) : dy;
            OpSupport.require(dy4.rank() == 4, "Error in avgPoolGrad: dy must be rank 4 but got rank " + dy4.rank()
                    + ".");
            OpSupport.require(input4.rank() == 4,
                    "Error in avgPoolGrad: input must be rank 4 but got rank " + input4.rank() + ".");
            Attrs attrs = Attrs.of().put("filterSize", filterSize.clone())
                    .put("strides", strides == null ? null : strides.clone()).put("pad", pad);
            Tensor res = OpSupport.run("AvgPoolGrad", attrs, dy4, input4);
            return reshaped ? from4D(res) : res;
        });
    }

    /** The gradient of Samovar's DilatedPool kernel (attrs as the forward's). */
    public static Tensor dilatedPoolGrad(Tensor dy, Tensor input, Attrs forwardAttrs) {
        return OpSupport.op("dilatedPoolGrad", () -> OpSupport.run("DilatedPoolGrad", forwardAttrs, dy, input));
    }

    /** TF.js's localResponseNormalizationBackprop(x, y, dy, depthRadius, bias, alpha, beta). */
    public static Tensor localResponseNormalizationBackprop(Tensor x, Tensor y, Tensor dy, int depthRadius,
            double bias, double alpha, double beta) {
        return OpSupport.op("localResponseNormalizationBackprop", () -> OpSupport.run("LRNGrad",
                Attrs.of().put("depthRadius", depthRadius).put("bias", bias).put("alpha", alpha).put("beta", beta),
                x, y, dy));
    }
}
