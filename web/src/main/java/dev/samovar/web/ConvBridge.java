package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Conv;
import org.teavm.jso.JSExport;

/**
 * Convolutions. A padding argument crosses as three values (see {@link #pad}): the JS API sends a
 * string pad as {@code padStr}, a number as {@code padNum}, explicit padding flattened as
 * {@code padFlat}.
 */
public final class ConvBridge {
    private ConvBridge() {
    }

    /** The Java padding argument: a String, a Double, or explicit double[][] pairs. */
    static Object pad(String padStr, double padNum, double[] padFlat) {
        if (padStr != null) {
            return padStr;
        }
        if (padFlat != null) {
            double[][] rows = new double[(padFlat.length + 1) / 2][];
            for (int i = 0; i < rows.length; i++) {
                int n = Math.min(2, padFlat.length - 2 * i);
                rows[i] = new double[n];
                for (int j = 0; j < n; j++) {
                    rows[i][j] = padFlat[2 * i + j];
                }
            }
            return rows;
        }
        return padNum;
    }

    @JSExport
    public static Tensor conv2d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum, double[] padFlat,
            String dataFormat, int[] dilations, String dimRoundingMode) {
        return Conv.conv2d(x, filter, strides, pad(padStr, padNum, padFlat), dataFormat, dilations, dimRoundingMode);
    }

    @JSExport
    public static Tensor conv1d(Tensor x, Tensor filter, int stride, String padStr, double padNum, double[] padFlat,
            String dataFormat, int dilation, String dimRoundingMode) {
        return Conv.conv1d(x, filter, stride, pad(padStr, padNum, padFlat), dataFormat, dilation, dimRoundingMode);
    }

    @JSExport
    public static Tensor depthwiseConv2d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum,
            double[] padFlat, String dataFormat, int[] dilations, String dimRoundingMode) {
        return Conv.depthwiseConv2d(x, filter, strides, pad(padStr, padNum, padFlat), dataFormat, dilations,
                dimRoundingMode);
    }

    @JSExport
    public static Tensor separableConv2d(Tensor x, Tensor depthwiseFilter, Tensor pointwiseFilter, int[] strides,
            String padStr, double padNum, double[] padFlat, int[] dilation, String dataFormat) {
        return Conv.separableConv2d(x, depthwiseFilter, pointwiseFilter, strides, pad(padStr, padNum, padFlat),
                dilation, dataFormat);
    }

    @JSExport
    public static Tensor conv2dTranspose(Tensor x, Tensor filter, int[] outputShape, int[] strides, String padStr,
            double padNum, double[] padFlat, String dimRoundingMode) {
        return Conv.conv2dTranspose(x, filter, outputShape, strides, pad(padStr, padNum, padFlat), dimRoundingMode);
    }

    @JSExport
    public static Tensor conv3d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum, double[] padFlat,
            String dataFormat, int[] dilations) {
        return Conv.conv3d(x, filter, strides, pad(padStr, padNum, padFlat), dataFormat, dilations);
    }

    @JSExport
    public static Tensor conv3dTranspose(Tensor x, Tensor filter, int[] outputShape, int[] strides, String padStr,
            double padNum, double[] padFlat) {
        return Conv.conv3dTranspose(x, filter, outputShape, strides, pad(padStr, padNum, padFlat));
    }

    @JSExport
    public static Tensor dilation2d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum,
            double[] padFlat, int[] dilations, String dataFormat) {
        return Conv.dilation2d(x, filter, strides, pad(padStr, padNum, padFlat), dilations, dataFormat);
    }
}
