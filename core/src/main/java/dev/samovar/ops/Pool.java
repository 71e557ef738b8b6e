package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;

/**
 * Pooling (NHWC): tf.maxPool, avgPool, pool. Window sizes, strides and dilations are one number
 * (a one-element array) or [height, width]; padding as in {@link Conv}.
 */
public final class Pool {
    private Pool() {
    }

    static Attrs poolAttrs(int[] filterSize, int[] strides, Object pad, String dimRoundingMode) {
        return Attrs.of().put("filterSize", filterSize.clone()).put("strides", strides == null ? null : strides.clone())
                .put("pad", pad).put("dimRoundingMode", dimRoundingMode);
    }

    /** tf.maxPool(x, filterSize, strides, pad, dimRoundingMode): keeps x's dtype. */
    public static Tensor maxPool(Tensor x, int[] filterSize, int[] strides, Object pad, String dimRoundingMode) {
        OpSupport.check(x, "x", "maxPool");
        return OpSupport.op("maxPool", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(x) : x;
            OpSupport.require(x4.rank() == 4, "Error in maxPool: input must be rank 4 but got rank " + x4.rank() + ".");
            checkStrides("maxPool", strides);
            ConvGeometry.checkPadOnDimRoundingMode("maxPool", pad, dimRoundingMode);
            Tensor res = OpSupport.run("MaxPool", poolAttrs(filterSize, strides, pad, dimRoundingMode), x4);
            return reshaped ? Conv.from4D(res) : res;
        });
    }

    public static Tensor maxPool(Tensor x, int filterSize, int stride, Object pad) {
        return maxPool(x, new int[] {filterSize}, new int[] {stride}, pad, null);
    }

    private static void checkStrides(String op, int[] strides) {
        OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(strides, new int[] {1}),
                "Error in " + op + ": Either strides or dilations must be 1. Got strides "
                        + ConvGeometry.tupleToString(strides) + " and dilations '1'");
    }

    /** tf.avgPool(x, filterSize, strides, pad, dimRoundingMode): float32 only. */
    public static Tensor avgPool(Tensor x, int[] filterSize, int[] strides, Object pad, String dimRoundingMode) {
        OpSupport.checkDtype(x, "x", "avgPool", DType.FLOAT32);
        return OpSupport.op("avgPool", () -> {
            checkStrides("avgPool", strides);
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(x) : x;
            OpSupport.require(x4.rank() == 4, "Error in avgPool: x must be rank 4 but got rank " + x4.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("avgPool", pad, dimRoundingMode);
            Tensor res = OpSupport.run("AvgPool", poolAttrs(filterSize, strides, pad, dimRoundingMode), x4);
            return reshaped ? Conv.from4D(res) : res;
        });
    }

    public static Tensor avgPool(Tensor x, int filterSize, int stride, Object pad) {
        return avgPool(x, new int[] {filterSize}, new int[] {stride}, pad, null);
    }

    /**
     * tf.pool(input, windowShape, poolingType, pad, dilations = [1, 1], strides = 1,
     * dimRoundingMode): max pooling unless poolingType is "avg"; with dilations &gt; 1 it computes
     * what TF.js's spaceToBatchND / pool / batchToSpaceND composition does ('same' padding counts
     * as zeros, other padding is ignored).
     */
    public static Tensor pool(Tensor input, int[] windowShape, String poolingType, Object pad, int[] dilations,
            int[] strides, String dimRoundingMode) {
        int[] dil = dilations == null ? new int[] {1, 1} : dilations;
        int[] str = strides == null ? new int[] {1} : strides;
        Object p = pad instanceof Number && ((Number) pad).doubleValue() == 0 ? "valid" : pad;
        OpSupport.check(input, "x", "maxPool");
        return OpSupport.op("pool", () -> {
            boolean reshaped = input.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(input) : input;
            OpSupport.require(ConvGeometry.eitherStridesOrDilationsAreOne(str, dil),
                    "Error in pool: Either strides or dilations must be 1. Got strides "
                            + ConvGeometry.tupleToString(str) + " and dilations '" + ConvGeometry.tupleToString(dil)
                            + "'");
            int[] x4Shape = x4.shapeRef();
            int[] shape4 = new int[4];
            System.arraycopy(x4Shape, 0, shape4, 0, Math.min(4, x4Shape.length));
            ConvGeometry info = ConvGeometry.pool2d(shape4, windowShape, str, dil, p, null);
            boolean dilationOne = info.dilationHeight == 1 && info.dilationWidth == 1;
            boolean avg = "avg".equals(poolingType);
            Tensor y;
            if (dilationOne) {
                y = avg ? avgPool(x4, windowShape, str, p, dimRoundingMode)
                        : maxPool(x4, windowShape, str, p, dimRoundingMode);
            } else {
                OpSupport.require(x4.rank() >= 3, "input rank " + x4.rank() + " should be > than [blockShape] 2");
                String name = avg ? "avgPool" : "maxPool";
                if (avg && x4.dtype() != DType.FLOAT32) {
                    OpSupport.checkDtype(x4, "x", "avgPool", DType.FLOAT32);
                }
                OpSupport.require(x4.rank() == 4, avg
                        ? "Error in avgPool: x must be rank 4 but got rank " + x4.rank() + "."
                        : "Error in maxPool: input must be rank 4 but got rank " + x4.rank() + ".");
                ConvGeometry.checkPadOnDimRoundingMode(name, "valid", dimRoundingMode);
                y = OpSupport.run("DilatedPool", Attrs.of().put("windowShape", windowShape.clone())
                        .put("poolingType", avg ? "avg" : "max").put("pad", "same".equals(p) ? "same" : "valid")
                        .put("dilations", dil.clone()), x4);
            }
            return reshaped ? Conv.from4D(y) : y;
        });
    }

    private static Attrs pool3dAttrs(int[] filterSize, int[] strides, Object pad, String dimRoundingMode,
            String dataFormat) {
        return Attrs.of().put("filterSize", filterSize.clone()).put("strides", strides == null ? null : strides.clone())
                .put("pad", pad).put("dimRoundingMode", dimRoundingMode).put("dataFormat", dataFormat);
    }

    /**
     * tf.maxPool3d(x, filterSize = [1, 1, 1], strides, pad, dimRoundingMode, dataFormat = 'NDHWC'):
     * a float32 result whatever x's dtype, as TF.js's CPU kernel gives.
     */
    public static Tensor maxPool3d(Tensor x, int[] filterSize, int[] strides, Object pad, String dimRoundingMode,
            String dataFormat) {
        OpSupport.check(x, "x", "maxPool3d");
        int[] f = filterSize == null ? new int[] {1, 1, 1} : filterSize;
        String format = dataFormat == null ? "NDHWC" : dataFormat;
        return OpSupport.op("maxPool3d", () -> {
            boolean reshaped = x.rank() == 4;
            Tensor x5 = reshaped ? Conv.as5D(x) : x;
            OpSupport.require(x5.rank() == 5, "Error in maxPool3d: x must be rank 5 but got rank " + x5.rank() + ".");
            OpSupport.require("NDHWC".equals(format), "Error in maxPool3d: Only NDHWC is currently supported, "
                    + "but got dataFormat of " + format);
            ConvGeometry.checkPadOnDimRoundingMode("maxPool3d", pad, dimRoundingMode);
            Tensor res = OpSupport.run("MaxPool3D", pool3dAttrs(f, strides, pad, dimRoundingMode, format), x5);
            return reshaped ? Conv.from5D(res) : res;
        });
    }

    /** tf.avgPool3d(x, filterSize, strides, pad, dimRoundingMode, dataFormat = 'NDHWC'): float32 only. */
    public static Tensor avgPool3d(Tensor x, int[] filterSize, int[] strides, Object pad, String dimRoundingMode,
            String dataFormat) {
        OpSupport.checkDtype(x, "x", "avgPool3d", DType.FLOAT32);
        String format = dataFormat == null ? "NDHWC" : dataFormat;
        return OpSupport.op("avgPool3d", () -> {
            boolean reshaped = x.rank() == 4;
            Tensor x5 = reshaped ? Conv.as5D(x) : x;
            OpSupport.require(x5.rank() == 5, "Error in avgPool3d: x must be rank 5 but got rank " + x5.rank() + ".");
            OpSupport.require("NDHWC".equals(format), "Error in avgPool3d: Only NDHWC is currently supported, "
                    + "but got dataFormat of " + format);
            boolean positive = strides != null && (strides.length == 1 ? strides[0] > 0
                    : strides.length >= 3 && strides[0] > 0 && strides[1] > 0 && strides[2] > 0);
            OpSupport.require(positive, "Error in avgPool3d: Stride must be > 0, but got '"
                    + ConvGeometry.tupleToString(strides) + "'");
            ConvGeometry.checkPadOnDimRoundingMode("avgPool3d", pad, dimRoundingMode);
            Tensor res = OpSupport.run("AvgPool3D", pool3dAttrs(filterSize, strides, pad, dimRoundingMode, format), x5);
            return reshaped ? Conv.from5D(res) : res;
        });
    }

    /** TF.js's maxPool3dGrad(dy, input, output, filterSize, strides, pad, dimRoundingMode). */
    public static Tensor maxPool3dGrad(Tensor dy, Tensor input, Tensor output, int[] filterSize, int[] strides,
            Object pad, String dimRoundingMode) {
        return OpSupport.op("maxPool3dGrad", () -> {
            boolean reshaped = input.rank() == 4;
            Tensor dy5 = reshaped ? Conv.as5D(dy) : dy;
            Tensor in5 = reshaped ? Conv.as5D(input) : input;
            Tensor out5 = reshaped ? Conv.as5D(output) : output;
            OpSupport.require(dy5.rank() == 5, "Error in maxPool3dGrad: dy must be rank 5 but got rank " + dy5.rank()
                    + ".");
            OpSupport.require(in5.rank() == 5, "Error in maxPool3dGrad: input must be rank 5 but got rank "
                    + in5.rank() + ".");
            OpSupport.require(out5.rank() == 5, "Error in maxPool3dGrad: output must be rank 5 but got rank "
                    + out5.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("maxPool3dGrad", pad, dimRoundingMode);
            Tensor res = OpSupport.run("MaxPool3DGrad", Attrs.of().put("filterSize", filterSize.clone())
                    .put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                    .put("dimRoundingMode", dimRoundingMode), dy5, in5, out5);
            return reshaped ? Conv.from5D(res) : res;
        });
    }

    /** TF.js's avgPool3dGrad(dy, input, filterSize, strides, pad, dimRoundingMode). */
    public static Tensor avgPool3dGrad(Tensor dy, Tensor input, int[] filterSize, int[] strides, Object pad,
            String dimRoundingMode) {
        return OpSupport.op("avgPool3dGrad", () -> {
            boolean reshaped = input.rank() == 4;
            Tensor dy5 = reshaped ? Conv.as5D(dy) : dy;
            Tensor in5 = reshaped ? Conv.as5D(input) : input;
            OpSupport.require(dy5.rank() == 5, "Error in avgPool3dGrad: dy must be rank 5 but got rank " + dy5.rank()
                    + ".");
            OpSupport.require(in5.rank() == 5, "Error in avgPool3dGrad: input must be rank 5 but got rank "
                    + in5.rank() + ".");
            ConvGeometry.checkPadOnDimRoundingMode("avgPool3dGrad", pad, dimRoundingMode);
            Tensor res = OpSupport.run("AvgPool3DGrad", Attrs.of().put("filterSize", filterSize.clone())
                    .put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                    .put("dimRoundingMode", dimRoundingMode), dy5, in5);
            return reshaped ? Conv.from5D(res) : res;
        });
    }

    /**
     * tf.maxPoolWithArgmax(x, filterSize, strides, pad, includeBatchInIndex = false): [result,
     * indexes], the max pool and the flattened index of each window's maximum (int32).
     */
    public static Tensor[] maxPoolWithArgmax(Tensor x, int[] filterSize, int[] strides, Object pad,
            boolean includeBatchInIndex) {
        OpSupport.check(x, "x", "maxPoolWithArgmax");
        return OpSupport.op("maxPoolWithArgmax", () -> OpSupport.runMulti("MaxPoolWithArgmax", Attrs.of()
                .put("filterSize", filterSize == null ? null : filterSize.clone())
                .put("strides", strides == null ? null : strides.clone()).put("pad", pad)
                .put("includeBatchInIndex", includeBatchInIndex), x));
    }
}
