package dev.samovar.cpu.kernels;

/**
 * The geometry of a 3-D convolution or pooling window (NDHWC), as TF.js's
 * {@code computeConv3DInfo} / {@code computePool3DInfo}: output size and padding for 'same',
 * 'valid' (which TF.js treats as the number 0) or a number, with {@code dimRoundingMode}. As in
 * TF.js, 'same' padding is not clamped at zero (a stride larger than the window gives a negative
 * front / top / left pad), and a numeric pad leaves an axis whose window does not fit at size 0.
 */
public final class Conv3DGeometry {
    public int batchSize;
    public int inDepth;
    public int inHeight;
    public int inWidth;
    public int inChannels;
    public int outDepth;
    public int outHeight;
    public int outWidth;
    public int outChannels;
    public int padFront;
    public int padTop;
    public int padLeft;
    public int strideDepth;
    public int strideHeight;
    public int strideWidth;
    public int dilationDepth;
    public int dilationHeight;
    public int dilationWidth;
    public int filterDepth;
    public int filterHeight;
    public int filterWidth;
    public int effectiveFilterDepth;
    public int effectiveFilterHeight;
    public int effectiveFilterWidth;
    public int[] inShape;
    public int[] outShape;
    public int[] filterShape;

    private Conv3DGeometry() {
    }

    /** TF.js's parse3TupleParam: a number (one-element array) applies to all three dimensions. */
    public static int[] triple(int[] param) {
        if (param == null) {
            throw new IllegalArgumentException("Cannot read properties of undefined (reading '0')");
        }
        if (param.length == 1) {
            return new int[] {param[0], param[0], param[0]};
        }
        if (param.length < 3) {
            throw new IllegalArgumentException("Expected a number or 3 values, but got " + param.length);
        }
        return new int[] {param[0], param[1], param[2]};
    }

    /** TF.js's computeConv3DInfo (channels last). {@code filterShape} is [fd, fh, fw, inC, outC]. */
    public static Conv3DGeometry conv3d(int[] inShape, int[] filterShape, int[] strides, int[] dilations, Object pad,
            String roundingMode) {
        Conv3DGeometry g = new Conv3DGeometry();
        g.inShape = inShape.clone();
        g.filterShape = filterShape.clone();
        g.batchSize = inShape[0];
        g.inDepth = inShape[1];
        g.inHeight = inShape[2];
        g.inWidth = inShape[3];
        g.inChannels = inShape[4];
        g.filterDepth = filterShape[0];
        g.filterHeight = filterShape[1];
        g.filterWidth = filterShape[2];
        int[] s = triple(strides);
        int[] d = dilations == null ? new int[] {1, 1, 1} : triple(dilations);
        g.strideDepth = s[0];
        g.strideHeight = s[1];
        g.strideWidth = s[2];
        g.dilationDepth = d[0];
        g.dilationHeight = d[1];
        g.dilationWidth = d[2];
        g.effectiveFilterDepth = ConvGeometry.effectiveSize(g.filterDepth, g.dilationDepth);
        g.effectiveFilterHeight = ConvGeometry.effectiveSize(g.filterHeight, g.dilationHeight);
        g.effectiveFilterWidth = ConvGeometry.effectiveSize(g.filterWidth, g.dilationWidth);
        Object p = "valid".equals(pad) ? Double.valueOf(0) : pad;
        if (p instanceof Number) {
            double v = ((Number) p).doubleValue();
            g.padFront = (int) v;
            g.padTop = (int) v;
            g.padLeft = (int) v;
            g.outDepth = outSize(g.inDepth, g.effectiveFilterDepth, g.strideDepth, v, roundingMode);
            g.outHeight = outSize(g.inHeight, g.effectiveFilterHeight, g.strideHeight, v, roundingMode);
            g.outWidth = outSize(g.inWidth, g.effectiveFilterWidth, g.strideWidth, v, roundingMode);
        } else if ("same".equals(p)) {
            g.outDepth = (int) Math.ceil((double) g.inDepth / g.strideDepth);
            g.outHeight = (int) Math.ceil((double) g.inHeight / g.strideHeight);
            g.outWidth = (int) Math.ceil((double) g.inWidth / g.strideWidth);
            g.padFront = (int) Math.floor(((g.outDepth - 1) * g.strideDepth + g.effectiveFilterDepth - g.inDepth) / 2.0);
            g.padTop = (int) Math.floor(((g.outHeight - 1) * g.strideHeight + g.effectiveFilterHeight - g.inHeight)
                    / 2.0);
            g.padLeft = (int) Math.floor(((g.outWidth - 1) * g.strideWidth + g.effectiveFilterWidth - g.inWidth) / 2.0);
        } else {
            throw new IllegalArgumentException("Unknown padding parameter: " + ConvGeometry.padToString(pad));
        }
        g.outChannels = filterShape[4];
        g.outShape = new int[] {g.batchSize, g.outDepth, g.outHeight, g.outWidth, g.outChannels};
        return g;
    }

    /** TF.js's computePool3DInfo (NDHWC): the filter is [fd, fh, fw, C, C]. */
    public static Conv3DGeometry pool3d(int[] inShape, int[] filterSize, int[] strides, int[] dilations, Object pad,
            String roundingMode) {
        int[] f = triple(filterSize);
        return conv3d(inShape, new int[] {f[0], f[1], f[2], inShape[4], inShape[4]}, strides, dilations, pad,
                roundingMode);
    }

    /** TF.js's computeOutputShape4D for one axis. */
    private static int outSize(int in, int filter, int stride, double pad, String roundingMode) {
        if (in + 2 * pad >= filter) {
            return ConvGeometry.round((in - filter + 2 * pad) / stride + 1, roundingMode);
        }
        return 0;
    }
}
