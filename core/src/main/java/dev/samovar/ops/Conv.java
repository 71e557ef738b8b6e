package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;

/**
 * Convolutions: tf.conv1d, conv2d, depthwiseConv2d, separableConv2d, conv2dTranspose.
 *
 * <p>Arguments as in TF.js: {@code strides} / {@code dilations} are one number (a one-element
 * array) or [height, width]; {@code pad} is "same", "valid", a {@code Number}, or explicit padding
 * {@code int[][]} / {@code double[][]} [[0,0],[top,bottom],[left,right],[0,0]];
 * {@code dimRoundingMode} is null (truncate), "floor", "ceil" or "round". Rank-3 (unbatched)
 * inputs give rank-3 outputs.
 */
public final class Conv {
    private Conv() {
    }

    static Tensor as4D(Tensor x) {
        int[] s = x.shapeRef();
        return Transform.reshape(x, 1, s[0], s[1], s[2]);
    }

    static Tensor from4D(Tensor res) {
        int[] s = res.shapeRef();
        return Transform.reshape(res, s[1], s[2], s[3]);
    }

    static Attrs convAttrs(int[] strides, Object pad, String dataFormat, int[] dilations, String dimRoundingMode) {
        return Attrs.of().put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                .put("dataFormat", dataFormat).put("dilations", dilations == null ? null : dilations.clone())
                .put("dimRoundingMode", dimRoundingMode);
    }

    /** Checks a dataFormat argument as TF.js's convertConv2DDataFormat. */
    static boolean channelsLast(String dataFormat) {
        if ("NHWC".equals(dataFormat)) {
            return true;
        }
        if ("NCHW".equals(dataFormat)) {
            return false;
        }
        throw new IllegalArgumentException("Unknown dataFormat " + dataFormat);
    }

    /** tf.conv2d(x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1], dimRoundingMode). */
    public static Tensor conv2d(Tensor x, Tensor filter, int[] strides, Object pad, String dataFormat, int[] dilations,
            String dimRoundingMode) {
        OpSupport.checkDtype(x, "x", "conv2d", DType.FLOAT32);
        OpSupport.checkDtype(filter, "filter", "conv2d", DType.FLOAT32);
        String format = dataFormat == null ? "NHWC" : dataFormat;
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        return OpSupport.op("conv2d", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? as4D(x) : x;
            OpSupport.require(x4.rank() == 4, "Error in conv2d: input must be rank 4, but got rank " + x4.rank() + ".");
            OpSupport.require(filter.rank() == 4,
                    "Error in conv2d: filter must be rank 4, but got rank " + filter.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("conv2d", pad, dimRoundingMode);
            int inDepth = "NHWC".equals(format) ? x4.dim(3) : x4.dim(1);
            OpSupport.require(inDepth == filter.dim(2), "Error in conv2d: depth of input (" + inDepth
                    + ") must match input depth for filter " + filter.dim(2) + ".");
            checkStridesDilations("conv2D", strides, dil);
            channelsLast(format);
            Tensor res = OpSupport.run("Conv2D", convAttrs(strides, pad, format, dil, dimRoundingMode), x4, filter);
            return reshaped ? from4D(res) : res;
        });
    }

    static void checkStridesDilations(String name, int[] strides, int[] dilations) {
        OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, dilations),
                "Error in " + name + ": Either strides or dilations must be 1. Got strides "
                        + ConvGeometry.tupleToString(strides) + " and dilations '"
                        + ConvGeometry.tupleToString(dilations) + "'");
        OpSupport.require(ConvGeometry.arePositive(dilations),
                "Error in " + name + ": Dilated rates should be larger than 0.");
        OpSupport.require(ConvGeometry.arePositive(strides), "Error in " + name + ": Strides should be larger than 0.");
    }

    public static Tensor conv2d(Tensor x, Tensor filter, int[] strides, Object pad) {
        return conv2d(x, filter, strides, pad, "NHWC", new int[] {1, 1}, null);
    }

    public static Tensor conv2d(Tensor x, Tensor filter, int stride, Object pad) {
        return conv2d(x, filter, new int[] {stride}, pad);
    }

    /** tf.conv1d(x, filter, stride, pad, dataFormat = 'NWC', dilation = 1, dimRoundingMode). */
    public static Tensor conv1d(Tensor x, Tensor filter, int stride, Object pad, String dataFormat, int dilation,
            String dimRoundingMode) {
        OpSupport.check(x, "x", "conv1d");
        OpSupport.check(filter, "filter", "conv1d");
        String format = dataFormat == null ? "NWC" : dataFormat;
        return OpSupport.op("conv1d", () -> {
            boolean reshaped = x.rank() == 2;
            Tensor x3 = reshaped ? Transform.reshape(x, 1, x.dim(0), x.dim(1)) : x;
            OpSupport.require(x3.rank() == 3, "Error in conv1d: input must be rank 3, but got rank " + x3.rank() + ".");
            OpSupport.require(filter.rank() == 3,
                    "Error in conv1d: filter must be rank 3, but got rank " + filter.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("conv1d", pad, dimRoundingMode);
            OpSupport.require(x3.dim(2) == filter.dim(1), "Error in conv1d: depth of input (" + x3.dim(2)
                    + ") must match input depth for filter " + filter.dim(1) + ".");
            OpSupport.require(stride == 1 || dilation == 1, "Error in conv1D: Either stride or dilation must be 1. "
                    + "Got stride " + stride + " and dilation '" + dilation + "'");
            OpSupport.require(dilation > 0, "Error in conv1D: Dilated rates should be larger than 0.");
            OpSupport.require(stride > 0, "Error in conv1D: Stride should be larger than 0.");
            OpSupport.require(format.equals("NWC"),
                    "Error in conv1d: got dataFormat of " + format + " but only NWC is currently supported.");
            Tensor filter4 = Transform.reshape(filter, 1, filter.dim(0), filter.dim(1), filter.dim(2));
            Tensor input4 = Transform.reshape(x3, x3.dim(0), 1, x3.dim(1), x3.dim(2));
            Tensor res = conv2d(input4, filter4, new int[] {1, stride}, pad, "NHWC", new int[] {1, dilation},
                    dimRoundingMode);
            if (reshaped) {
                return Transform.reshape(res, res.dim(2), res.dim(3));
            }
            return Transform.reshape(res, res.dim(0), res.dim(2), res.dim(3));
        });
    }

    public static Tensor conv1d(Tensor x, Tensor filter, int stride, Object pad) {
        return conv1d(x, filter, stride, pad, "NWC", 1, null);
    }

    /** tf.depthwiseConv2d(x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1], dimRoundingMode). */
    public static Tensor depthwiseConv2d(Tensor x, Tensor filter, int[] strides, Object pad, String dataFormat,
            int[] dilations, String dimRoundingMode) {
        OpSupport.checkDtype(x, "x", "depthwiseConv2d", DType.FLOAT32);
        OpSupport.checkDtype(filter, "filter", "depthwiseConv2d", DType.FLOAT32);
        String format = dataFormat == null ? "NHWC" : dataFormat;
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        return OpSupport.op("depthwiseConv2d", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? as4D(x) : x;
            OpSupport.require(x4.rank() == 4,
                    "Error in depthwiseConv2d: input must be rank 4, but got rank " + x4.rank() + ".");
            OpSupport.require(filter.rank() == 4,
                    "Error in depthwiseConv2d: filter must be rank 4, but got rank " + filter.rank() + ".");
            int inChannels = "NHWC".equals(format) ? x4.dim(3) : x4.dim(1);
            OpSupport.require(inChannels == filter.dim(2), "Error in depthwiseConv2d: number of input channels ("
                    + inChannels + ") must match the inChannels dimension in filter " + filter.dim(2) + ".");
            ConvGeometry.checkPadOnDimRoundingMode("depthwiseConv2d", pad, dimRoundingMode);
            Tensor res = OpSupport.run("DepthwiseConv2dNative", convAttrs(strides, pad, format, dil, dimRoundingMode),
                    x4, filter);
            return reshaped ? from4D(res) : res;
        });
    }

    public static Tensor depthwiseConv2d(Tensor x, Tensor filter, int[] strides, Object pad) {
        return depthwiseConv2d(x, filter, strides, pad, "NHWC", new int[] {1, 1}, null);
    }

    /**
     * tf.separableConv2d(x, depthwiseFilter, pointwiseFilter, strides, pad, dilation = [1, 1],
     * dataFormat = 'NHWC'): a depthwise convolution, then a 1x1 convolution.
     */
    public static Tensor separableConv2d(Tensor x, Tensor depthwiseFilter, Tensor pointwiseFilter, int[] strides,
            Object pad, int[] dilation, String dataFormat) {
        OpSupport.check(x, "x", "separableConv2d");
        OpSupport.check(depthwiseFilter, "depthwiseFilter", "separableConv2d");
        OpSupport.check(pointwiseFilter, "pointwiseFilter", "separableConv2d");
        String format = dataFormat == null ? "NHWC" : dataFormat;
        int[] dil = dilation == null ? new int[] {1, 1} : dilation;
        return OpSupport.op("separableConv2d", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? as4D(x) : x;
            if (format.equals("NCHW")) {
                throw new IllegalArgumentException(
                        "separableConv2d currently does not support dataFormat NCHW; only NHWC is supported");
            }
            OpSupport.require(x4.rank() == 4,
                    "Error in separableConv2d: input must be rank 4, but got rank " + x4.rank() + ".");
            OpSupport.require(depthwiseFilter.rank() == 4, "Error in separableConv2d: depthwise filter must be rank 4, "
                    + "but got rank " + depthwiseFilter.rank() + ".");
            OpSupport.require(pointwiseFilter.rank() == 4, "Error in separableConv2d: pointwise filter must be rank 4, "
                    + "but got rank " + depthwiseFilter.rank() + ".");
            OpSupport.require(pointwiseFilter.dim(0) == 1, "Error in separableConv2d: the first dimension of pointwise "
                    + "filter  must be 1, but got " + pointwiseFilter.dim(0) + ".");
            OpSupport.require(pointwiseFilter.dim(1) == 1, "Error in separableConv2d: the second dimension of pointwise "
                    + "filter must be 1, but got " + pointwiseFilter.dim(1) + ".");
            int inChannels = depthwiseFilter.dim(2);
            int channelMultiplier = depthwiseFilter.dim(3);
            OpSupport.require(pointwiseFilter.dim(2) == inChannels * channelMultiplier,
                    "Error in separableConv2d: the third dimension of pointwise filter must be "
                            + inChannels * channelMultiplier + ", but got " + pointwiseFilter.dim(2) + ".");
            Tensor depthwise = depthwiseConv2d(x4, depthwiseFilter, strides, pad, format, dil, null);
            Tensor res = conv2d(depthwise, pointwiseFilter, new int[] {1}, "valid", format, new int[] {1, 1}, null);
            return reshaped ? from4D(res) : res;
        });
    }

    /** tf.conv2dTranspose(x, filter, outputShape, strides, pad, dimRoundingMode). */
    public static Tensor conv2dTranspose(Tensor x, Tensor filter, int[] outputShape, int[] strides, Object pad,
            String dimRoundingMode) {
        OpSupport.check(x, "x", "conv2dTranspose");
        OpSupport.check(filter, "filter", "conv2dTranspose");
        return OpSupport.op("conv2dTranspose",
                () -> conv2DBackpropInput(outputShape, x, filter, strides, pad, "NHWC", dimRoundingMode));
    }

    /** TF.js's conv2DBackpropInput(xShape, dy, filter, strides, pad, dataFormat, dimRoundingMode). */
    static Tensor conv2DBackpropInput(int[] xShape, Tensor dy, Tensor filter, int[] strides, Object pad,
            String dataFormat, String dimRoundingMode) {
        OpSupport.require(xShape.length == dy.rank(), "Length of inShape (" + xShape.length + ") and rank of dy ("
                + dy.rank() + ") must match");
        int[] xShape4 = xShape;
        Tensor dy4 = dy;
        boolean reshaped = false;
        if (dy.rank() == 3) {
            reshaped = true;
            dy4 = as4D(dy);
            xShape4 = new int[] {1, xShape[0], xShape[1], xShape[2]};
        }
        OpSupport.require(xShape4.length == 4,
                "Error in conv2dDerInput: inShape must be length 4, but got length " + xShape4.length + ".");
        OpSupport.require(dy4.rank() == 4, "Error in conv2dDerInput: dy must be rank 4, but got rank " + dy4.rank());
        OpSupport.require(filter.rank() == 4,
                "Error in conv2dDerInput: filter must be rank 4, but got rank " + filter.rank());
        boolean nhwc = "NHWC".equals(dataFormat);
        int inDepth = nhwc ? xShape4[3] : xShape4[1];
        int outDepth = nhwc ? dy4.dim(3) : dy4.dim(1);
        OpSupport.require(inDepth == filter.dim(2), "Error in conv2dDerInput: depth of input (" + inDepth
                + ") must match input depth for filter " + filter.dim(2) + ".");
        OpSupport.require(outDepth == filter.dim(3), "Error in conv2dDerInput: depth of output (" + outDepth
                + ") must match output depth for filter " + filter.dim(3) + ".");
        ConvGeometry.checkPadOnDimRoundingMode("conv2dDerInput", pad, dimRoundingMode);
        Attrs attrs = convAttrs(strides, pad, dataFormat, null, dimRoundingMode).put("inputShape", xShape4.clone());
        Tensor res = OpSupport.run("Conv2DBackpropInput", attrs, dy4, filter);
        return reshaped ? from4D(res) : res;
    }

    static Tensor as5D(Tensor x) {
        int[] s = x.shapeRef();
        return Transform.reshape(x, 1, s[0], s[1], s[2], s[3]);
    }

    static Tensor from5D(Tensor res) {
        int[] s = res.shapeRef();
        return Transform.reshape(res, s[1], s[2], s[3], s[4]);
    }

    /** tf.conv3d(x, filter, strides, pad, dataFormat = 'NDHWC', dilations = [1, 1, 1]). */
    public static Tensor conv3d(Tensor x, Tensor filter, int[] strides, Object pad, String dataFormat,
            int[] dilations) {
        OpSupport.check(x, "x", "conv3d");
        OpSupport.check(filter, "filter", "conv3d");
        String format = dataFormat == null ? "NDHWC" : dataFormat;
        int[] dil = dilations == null ? new int[] {1, 1, 1} : dilations;
        return OpSupport.op("conv3d", () -> {
            boolean reshaped = x.rank() == 4;
            Tensor x5 = reshaped ? as5D(x) : x;
            OpSupport.require(x5.rank() == 5, "Error in conv3d: input must be rank 5, but got rank " + x5.rank() + ".");
            OpSupport.require(filter.rank() == 5,
                    "Error in conv3d: filter must be rank 5, but got rank " + filter.rank() + ".");
            OpSupport.require(x5.dim(4) == filter.dim(3), "Error in conv3d: depth of input (" + x5.dim(4)
                    + ") must match input depth for filter " + filter.dim(3) + ".");
            OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, dil),
                    "Error in conv3D: Either strides or dilations must be 1. Got strides "
                            + ConvGeometry.tupleToString(strides) + " and dilations '"
                            + ConvGeometry.tupleToString(dil) + "'");
            OpSupport.require("NDHWC".equals(format),
                    "Error in conv3d: got dataFormat of " + format + " but only NDHWC is currently supported.");
            OpSupport.require(ConvGeometry.arePositive(dil), "Error in conv3D: Dilated rates should be larger than 0.");
            OpSupport.require(ConvGeometry.arePositive(strides), "Error in conv3D: Strides should be larger than 0.");
            Tensor res = OpSupport.run("Conv3D", Attrs.of().put("strides", strides.clone()).put("pad", pad)
                    .put("dataFormat", format).put("dilations", dil.clone()), x5, filter);
            return reshaped ? from5D(res) : res;
        });
    }

    /** tf.conv3dTranspose(x, filter, outputShape, strides, pad). */
    public static Tensor conv3dTranspose(Tensor x, Tensor filter, int[] outputShape, int[] strides, Object pad) {
        OpSupport.check(x, "x", "conv3dTranspose");
        OpSupport.check(filter, "filter", "conv3dTranspose");
        return OpSupport.op("conv3dTranspose", () -> conv3DBackpropInput(outputShape, x, filter, strides, pad));
    }

    /** TF.js's conv3DBackpropInput(xShape, dy, filter, strides, pad). */
    public static Tensor conv3DBackpropInput(int[] xShape, Tensor dy, Tensor filter, int[] strides, Object pad) {
        return OpSupport.op("conv3DBackpropInput", () -> {
            OpSupport.require(xShape.length == dy.rank(), "Length of inShape (" + xShape.length
                    + ") and rank of dy (" + dy.rank() + ") must match");
            int[] xShape5 = xShape;
            Tensor dy5 = dy;
            boolean reshaped = false;
            if (dy.rank() == 4) {
                reshaped = true;
                dy5 = as5D(dy);
                xShape5 = new int[] {1, xShape[0], xShape[1], xShape[2], xShape[3]};
            }
            OpSupport.require(xShape5.length == 5, "Error in conv3dDerInput: inShape must be length 5, but got length "
                    + xShape5.length + ".");
            OpSupport.require(dy5.rank() == 5, "Error in conv3dDerInput: dy must be rank 5, but got rank " + dy5.rank());
            OpSupport.require(filter.rank() == 5,
                    "Error in conv3dDerInput: filter must be rank 5, but got rank " + filter.rank());
            OpSupport.require(xShape5[4] == filter.dim(3), "Error in conv3dDerInput: depth of input (" + xShape5[4]
                    + ") must match input depth for filter " + filter.dim(3) + ".");
            OpSupport.require(dy5.dim(4) == filter.dim(4), "Error in conv3dDerInput: depth of output (" + dy5.dim(4)
                    + ") must match output depth for filter " + filter.dim(4) + ".");
            Tensor res = OpSupport.run("Conv3DBackpropInputV2", Attrs.of().put("pad", pad)
                    .put("strides", strides == null ? null : strides.clone()).put("inputShape", xShape5.clone()),
                    dy5, filter);
            return reshaped ? from5D(res) : res;
        });
    }

    /** TF.js's conv3DBackpropFilter(x, dy, filterShape, strides, pad). */
    public static Tensor conv3DBackpropFilter(Tensor x, Tensor dy, int[] filterShape, int[] strides, Object pad) {
        return OpSupport.op("conv3DBackpropFilter", () -> {
            Tensor x5 = x.rank() == 4 ? as5D(x) : x;
            Tensor dy5 = dy.rank() == 4 ? as5D(dy) : dy;
            OpSupport.require(x5.rank() == 5, "Error in conv3dDerFilter: input must be rank 5, but got shape "
                    + ConvGeometry.tupleToString(x5.shapeRef()) + ".");
            OpSupport.require(dy5.rank() == 5, "Error in conv3dDerFilter: dy must be rank 5, but got shape "
                    + ConvGeometry.tupleToString(dy5.shapeRef()) + ".");
            OpSupport.require(filterShape.length == 5, "Error in conv3dDerFilter: filterShape must be length 5, but got "
                    + ConvGeometry.tupleToString(filterShape) + ".");
            OpSupport.require(x5.dim(4) == filterShape[3], "Error in conv3dDerFilter: depth of input " + x5.dim(4)
                    + ") must match input depth in filter (" + filterShape[3] + ".");
            OpSupport.require(dy5.dim(4) == filterShape[4], "Error in conv3dDerFilter: depth of dy (" + dy5.dim(4)
                    + ") must match output depth for filter (" + filterShape[4] + ").");
            return OpSupport.run("Conv3DBackpropFilterV2", Attrs.of()
                    .put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                    .put("filterShape", filterShape.clone()), x5, dy5);
        });
    }

    /**
     * tf.dilation2d(x, filter, strides, pad, dilations = [1, 1], dataFormat = 'NHWC'): grayscale
     * morphological dilation; filter is [filterHeight, filterWidth, depth].
     */
    public static Tensor dilation2d(Tensor x, Tensor filter, int[] strides, Object pad, int[] dilations,
            String dataFormat) {
        OpSupport.check(x, "x", "dilation2d");
        OpSupport.check(filter, "filter", "dilation2d");
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        String format = dataFormat == null ? "NHWC" : dataFormat;
        return OpSupport.op("dilation2d", () -> {
            OpSupport.require(x.rank() == 3 || x.rank() == 4,
                    "Error in dilation2d: input must be rank 3 or 4, but got rank " + x.rank() + ".");
            OpSupport.require(filter.rank() == 3,
                    "Error in dilation2d: filter must be rank 3, but got rank " + filter.rank() + ".");
            OpSupport.require("NHWC".equals(format), "Error in dilation2d: Only NHWC is currently supported, "
                    + "but got dataFormat of " + format);
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? as4D(x) : x;
            OpSupport.require(x4.dim(3) == filter.dim(2), "Error in dilation2d:  input and filter must have the "
                    + "same depth: " + x4.dim(3) + " vs " + filter.dim(2));
            Tensor res = OpSupport.run("Dilation2D", Attrs.of().put("strides", strides == null ? null : strides.clone())
                    .put("pad", pad).put("dilations", dil.clone()), x4, filter);
            return reshaped ? from4D(res) : res;
        });
    }
}
