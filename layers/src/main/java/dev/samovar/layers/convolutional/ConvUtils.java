package dev.samovar.layers.convolutional;

import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import java.util.ArrayList;
import java.util.List;

/** TF.js's utils/conv_utils and the argument checks shared by the convolution and pooling layers. */
public final class ConvUtils {
    private ConvUtils() {
    }

    /** TF.js's normalizeArray: a number repeated n times, or an array of n integers. */
    public static int[] normalizeArray(Object value, int n, String name) {
        if (value instanceof Number) {
            int[] out = new int[n];
            java.util.Arrays.fill(out, ((Number) value).intValue());
            return out;
        }
        if (value instanceof int[]) {
            value = Dims.toList((int[]) value);
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("The " + name + " argument must be an integer or tuple of " + n
                    + " integers. Received: " + Js.json(value));
        }
        List<?> l = (List<?>) value;
        if (l.size() != n) {
            throw new IllegalArgumentException("The " + name + " argument must be an integer or tuple of " + n
                    + " integers. Received: " + l.size() + " elements.");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            Object v = l.get(i);
            if (!(v instanceof Number) || ((Number) v).doubleValue() != Math.floor(((Number) v).doubleValue())) {
                throw new IllegalArgumentException("The " + name + " argument must be an integer or tuple of " + n
                        + " integers. Received: " + Js.json(value) + " including a non-integer number " + Js.str(v));
            }
            out[i] = ((Number) v).intValue();
        }
        return out;
    }

    /** TF.js's convOutputLength (unknown stays unknown). */
    public static int convOutputLength(int inputLength, int filterSize, String padding, int stride, int dilation) {
        if (inputLength == Dims.UNKNOWN) {
            return inputLength;
        }
        int dilated = filterSize + (filterSize - 1) * (dilation - 1);
        int out = "same".equals(padding) ? inputLength : inputLength - dilated + 1;
        return (int) Math.floor((out + stride - 1) / (double) stride);
    }

    /** TF.js's deconvLength. */
    public static int deconvLength(int dimSize, int strideSize, int kernelSize, String padding) {
        if (dimSize == Dims.UNKNOWN) {
            return Dims.UNKNOWN;
        }
        if ("valid".equals(padding)) {
            return dimSize * strideSize + Math.max(kernelSize - strideSize, 0);
        } else if ("same".equals(padding)) {
            return dimSize * strideSize;
        }
        throw new IllegalArgumentException("Unsupport padding mode: " + padding + ".");
    }

    /** TF.js's checkPaddingMode. */
    public static void checkPaddingMode(String value) {
        if (value != null && !value.equals("valid") && !value.equals("same") && !value.equals("causal")) {
            throw new IllegalArgumentException(value + " is not a valid PaddingMode.  Valid values are valid,same,"
                    + "causal or null/undefined.");
        }
    }

    /** TF.js's checkPoolMode. */
    public static void checkPoolMode(String value) {
        if (value != null && !value.equals("max") && !value.equals("avg")) {
            throw new IllegalArgumentException(value + " is not a valid PoolMode.  Valid values are max,avg or "
                    + "null/undefined.");
        }
    }

    /** An int[] as a config list. */
    public static List<Object> list(int[] v) {
        List<Object> out = new ArrayList<>();
        for (int x : v) {
            out.add(x);
        }
        return out;
    }
}
