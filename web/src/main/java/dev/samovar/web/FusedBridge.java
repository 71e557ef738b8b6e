package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Fused;
import org.teavm.jso.JSExport;

/** tf.fused.*; padding crosses as in {@link ConvBridge}. */
public final class FusedBridge {
    private FusedBridge() {
    }

    @JSExport
    public static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB, Tensor bias, String activation,
            Tensor prelu, double leakyreluAlpha) {
        return Fused.matMul(a, b, transposeA, transposeB, bias, activation, prelu, leakyreluAlpha);
    }

    @JSExport
    public static Tensor conv2d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum, double[] padFlat,
            String dataFormat, int[] dilations, String dimRoundingMode, Tensor bias, String activation, Tensor prelu,
            double leakyreluAlpha) {
        return Fused.conv2d(x, filter, strides, ConvBridge.pad(padStr, padNum, padFlat), dataFormat, dilations,
                dimRoundingMode, bias, activation, prelu, leakyreluAlpha);
    }

    @JSExport
    public static Tensor depthwiseConv2d(Tensor x, Tensor filter, int[] strides, String padStr, double padNum,
            double[] padFlat, String dataFormat, int[] dilations, String dimRoundingMode, Tensor bias,
            String activation, Tensor prelu, double leakyreluAlpha) {
        return Fused.depthwiseConv2d(x, filter, strides, ConvBridge.pad(padStr, padNum, padFlat), dataFormat,
                dilations, dimRoundingMode, bias, activation, prelu, leakyreluAlpha);
    }
}
