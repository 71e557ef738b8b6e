package dev.samovar.cpu.kernels;

import dev.samovar.core.JsNumber;

/**
 * The geometry of a 2-D convolution or pooling window, as TF.js's {@code computeConv2DInfo} /
 * {@code computePool2DInfo}: output size and padding for 'same', 'valid', a number or explicit
 * padding, with {@code dimRoundingMode} (null = truncate, 'floor', 'ceil', 'round').
 *
 * <p>A padding argument is a {@code String} ('same', 'valid'), a {@code Number}, or explicit
 * padding {@code [[0,0],[top,bottom],[left,right],[0,0]]} as {@code int[][]} or {@code double[][]}
 * (for NCHW the spatial pairs are the last two).
 */
public final class ConvGeometry {
    public int batchSize;
    public int inHeight;
    public int inWidth;
    public int inChannels;
    public int outHeight;
    public int outWidth;
    public int outChannels;
    public int padTop;
    public int padBottom;
    public int padLeft;
    public int padRight;
    /** SAME, VALID, NUMBER or EXPLICIT. */
    public String padType;
    public int strideHeight;
    public int strideWidth;
    public int dilationHeight;
    public int dilationWidth;
    public int filterHeight;
    public int filterWidth;
    public int effectiveFilterHeight;
    public int effectiveFilterWidth;
    public boolean channelsLast;
    public int[] inShape;
    public int[] outShape;

    private ConvGeometry() {
    }

    /** TF.js's computeConv2DInfo. {@code filterShape} is [fh, fw, inC, outC] (depthwise: [fh, fw, inC, mult]). */
    public static ConvGeometry conv2d(int[] inShape, int[] filterShape, int[] strides, int[] dilations, Object pad,
            String roundingMode, boolean depthwise, boolean channelsLast) {
        ConvGeometry g = new ConvGeometry();
        g.channelsLast = channelsLast;
        g.inShape = inShape.clone();
        g.batchSize = dim(inShape, 0);
        if (channelsLast) {
            g.inHeight = dim(inShape, 1);
            g.inWidth = dim(inShape, 2);
            g.inChannels = dim(inShape, 3);
        } else {
            g.inChannels = dim(inShape, 1);
            g.inHeight = dim(inShape, 2);
            g.inWidth = dim(inShape, 3);
        }
        g.filterHeight = filterShape[0];
        g.filterWidth = filterShape[1];
        int filterChannels = filterShape[3];
        int[] s = tuple(strides);
        int[] d = tuple(dilations);
        g.strideHeight = s[0];
        g.strideWidth = s[1];
        g.dilationHeight = d[0];
        g.dilationWidth = d[1];
        g.effectiveFilterHeight = effectiveSize(g.filterHeight, g.dilationHeight);
        g.effectiveFilterWidth = effectiveSize(g.filterWidth, g.dilationWidth);
        g.padAndOut(pad, roundingMode);
        g.outChannels = depthwise ? filterChannels * g.inChannels : filterChannels;
        g.outShape = channelsLast ? new int[] {g.batchSize, g.outHeight, g.outWidth, g.outChannels}
                : new int[] {g.batchSize, g.outChannels, g.outHeight, g.outWidth};
        return g;
    }

    /** TF.js's computePool2DInfo (channels last): the filter is [fh, fw, C, C]. */
    public static ConvGeometry pool2d(int[] inShape, int[] filterSize, int[] strides, int[] dilations, Object pad,
            String roundingMode) {
        int[] f = tuple(filterSize);
        int c = dim(inShape, 3);
        return conv2d(inShape, new int[] {f[0], f[1], c, c}, strides, dilations, pad, roundingMode, false, true);
    }

    private static int dim(int[] shape, int i) {
        return i < shape.length ? shape[i] : 0;
    }

    /** TF.js's parseTupleParam: a number (one-element array) applies to both dimensions. */
    public static int[] tuple(int[] param) {
        if (param == null) {
            // TF.js reads param.length of undefined.
            throw new IllegalArgumentException("Cannot read properties of undefined (reading 'length')");
        }
        if (param.length == 0) {
            return new int[] {0, 0};
        }
        if (param.length == 1) {
            return new int[] {param[0], param[0]};
        }
        return new int[] {param[0], param[1]};
    }

    static int effectiveSize(int filterSize, int dilation) {
        if (dilation <= 1) {
            return filterSize;
        }
        return filterSize + (filterSize - 1) * (dilation - 1);
    }

    private void padAndOut(Object pad, String roundingMode) {
        if (pad instanceof Number) {
            double p = ((Number) pad).doubleValue();
            int pi = (int) p;
            padTop = pi;
            padBottom = pi;
            padLeft = pi;
            padRight = pi;
            padType = p == 0 ? "VALID" : "NUMBER";
            // TF.js computes both output sizes with the filter height and stride height.
            outHeight = round((inHeight - effectiveFilterHeight + 2 * p) / strideHeight + 1, roundingMode);
            outWidth = round((inWidth - effectiveFilterHeight + 2 * p) / strideHeight + 1, roundingMode);
        } else if ("same".equals(pad)) {
            outHeight = (int) Math.ceil((double) inHeight / strideHeight);
            outWidth = (int) Math.ceil((double) inWidth / strideWidth);
            int padAlongHeight = Math.max(0, (outHeight - 1) * strideHeight + effectiveFilterHeight - inHeight);
            int padAlongWidth = Math.max(0, (outWidth - 1) * strideWidth + effectiveFilterWidth - inWidth);
            padTop = padAlongHeight / 2;
            padBottom = padAlongHeight - padTop;
            padLeft = padAlongWidth / 2;
            padRight = padAlongWidth - padLeft;
            padType = "SAME";
        } else if ("valid".equals(pad)) {
            padType = "VALID";
            outHeight = (int) Math.ceil((double) (inHeight - effectiveFilterHeight + 1) / strideHeight);
            outWidth = (int) Math.ceil((double) (inWidth - effectiveFilterWidth + 1) / strideWidth);
        } else if (pad instanceof int[][] || pad instanceof double[][]) {
            double[][] e = explicit(pad);
            int hi = channelsLast ? 1 : 2;
            int wi = channelsLast ? 2 : 3;
            double top = e[hi][0];
            double bottom = e[hi][1];
            double left = e[wi][0];
            double right = e[wi][1];
            padTop = (int) top;
            padBottom = (int) bottom;
            padLeft = (int) left;
            padRight = (int) right;
            padType = top == 0 && bottom == 0 && left == 0 && right == 0 ? "VALID" : "EXPLICIT";
            outHeight = round((inHeight - effectiveFilterHeight + top + bottom) / strideHeight + 1, roundingMode);
            outWidth = round((inWidth - effectiveFilterWidth + left + right) / strideWidth + 1, roundingMode);
        } else {
            throw new IllegalArgumentException("Unknown padding parameter: " + padToString(pad));
        }
    }

    /** Explicit padding as double[][]. */
    public static double[][] explicit(Object pad) {
        if (pad instanceof double[][]) {
            return (double[][]) pad;
        }
        int[][] p = (int[][]) pad;
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                out[i][j] = p[i][j];
            }
        }
        return out;
    }

    /** TF.js's round(value, roundingMode) for output sizes. */
    static int round(double value, String roundingMode) {
        if (roundingMode == null) {
            return (int) value;
        }
        switch (roundingMode) {
            case "round":
                return (int) Math.floor(value + 0.5);
            case "ceil":
                return (int) Math.ceil(value);
            case "floor":
                return (int) Math.floor(value);
            default:
                throw new IllegalArgumentException("Unknown roundingMode " + roundingMode);
        }
    }

    /** A padding argument as JS prints it in a message ({@code same}, {@code 1}, {@code 0,0,1,1,1,1,0,0}). */
    public static String padToString(Object pad) {
        if (pad == null) {
            return "undefined";
        }
        if (pad instanceof Number) {
            return JsNumber.toString(((Number) pad).doubleValue());
        }
        if (pad instanceof int[][] || pad instanceof double[][]) {
            StringBuilder sb = new StringBuilder();
            for (double[] row : explicit(pad)) {
                for (double v : row) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(JsNumber.toString(v));
                }
            }
            return sb.toString();
        }
        return String.valueOf(pad);
    }

    /** A strides / dilations argument as JS prints it ({@code 2} or {@code 2,1}). */
    public static String tupleToString(int[] param) {
        if (param == null) {
            return "undefined";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < param.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(param[i]);
        }
        return sb.toString();
    }

    /** TF.js's tupleValuesAreOne. */
    public static boolean tupleValuesAreOne(int[] param) {
        int[] t = tuple(param);
        return t[0] == 1 && t[1] == 1 && (param.length < 3 || param[2] == 1);
    }

    /** TF.js's eitherStridesOrDilationsAreOne. */
    public static boolean eitherStridesOrDilationsAreOne(int[] strides, int[] dilations) {
        return tupleValuesAreOne(strides) || tupleValuesAreOne(dilations);
    }

    /** TF.js's stridesOrDilationsArePositive. */
    public static boolean arePositive(int[] values) {
        if (values == null) {
            return true;
        }
        for (int v : values) {
            if (v <= 0) {
                return false;
            }
        }
        return true;
    }

    /** TF.js's checkPadOnDimRoundingMode, with its messages. */
    public static void checkPadOnDimRoundingMode(String opDesc, Object pad, String dimRoundingMode) {
        if (dimRoundingMode == null) {
            return;
        }
        String prefix = "Error in " + opDesc + ": pad must be an integer when using dimRoundingMode " + dimRoundingMode
                + " but got pad ";
        if (pad instanceof String) {
            throw new IllegalArgumentException(prefix + pad + ".");
        } else if (pad instanceof Number) {
            double p = ((Number) pad).doubleValue();
            if (p != Math.floor(p) || Double.isInfinite(p)) {
                throw new IllegalArgumentException(prefix + JsNumber.toString(p) + ".");
            }
        } else if (pad instanceof int[][] || pad instanceof double[][]) {
            for (double[] row : explicit(pad)) {
                for (double v : row) {
                    if (v != Math.floor(v) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException(prefix + JsNumber.toString(v) + ".");
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("Error in " + opDesc + ": Unknown padding parameter: " + padToString(pad));
        }
    }
}
