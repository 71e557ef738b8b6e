package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Pool;
import org.teavm.jso.JSExport;

/** Pooling; padding crosses as in {@link ConvBridge}. */
public final class PoolBridge {
    private PoolBridge() {
    }

    @JSExport
    public static Tensor maxPool(Tensor x, int[] filterSize, int[] strides, String padStr, double padNum, double[] padFlat,
            String dimRoundingMode) {
        return Pool.maxPool(x, filterSize, strides, ConvBridge.pad(padStr, padNum, padFlat), dimRoundingMode);
    }

    @JSExport
    public static Tensor avgPool(Tensor x, int[] filterSize, int[] strides, String padStr, double padNum, double[] padFlat,
            String dimRoundingMode) {
        return Pool.avgPool(x, filterSize, strides, ConvBridge.pad(padStr, padNum, padFlat), dimRoundingMode);
    }

    @JSExport
    public static Tensor pool(Tensor x, int[] windowShape, String poolingType, String padStr, double padNum,
            double[] padFlat, int[] dilations, int[] strides, String dimRoundingMode) {
        return Pool.pool(x, windowShape, poolingType, ConvBridge.pad(padStr, padNum, padFlat), dilations, strides,
                dimRoundingMode);
    }

    @JSExport
    public static Tensor maxPool3d(Tensor x, int[] filterSize, int[] strides, String padStr, double padNum,
            double[] padFlat, String dimRoundingMode, String dataFormat) {
        return Pool.maxPool3d(x, filterSize, strides, ConvBridge.pad(padStr, padNum, padFlat), dimRoundingMode,
                dataFormat);
    }

    @JSExport
    public static Tensor avgPool3d(Tensor x, int[] filterSize, int[] strides, String padStr, double padNum,
            double[] padFlat, String dimRoundingMode, String dataFormat) {
        return Pool.avgPool3d(x, filterSize, strides, ConvBridge.pad(padStr, padNum, padFlat), dimRoundingMode,
                dataFormat);
    }

    /** [result, indexes]. */
    @JSExport
    public static Tensor[] maxPoolWithArgmax(Tensor x, int[] filterSize, int[] strides, String padStr, double padNum,
            double[] padFlat, boolean includeBatchInIndex) {
        return Pool.maxPoolWithArgmax(x, filterSize, strides, ConvBridge.pad(padStr, padNum, padFlat),
                includeBatchInIndex);
    }
}
