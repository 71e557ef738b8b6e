package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Random;
import org.teavm.jso.JSExport;

/**
 * Random tensors. The seed comes as {@code seedKind} (0: none, 1: the number {@code seedNumber},
 * 2: the string {@code seedString}); a null dtype is the op's default.
 */
public final class RandomBridge {
    private RandomBridge() {
    }

    @JSExport
    public static Tensor randomUniform(int[] shape, double minval, double maxval, String dtype, int seedKind,
            double seedNumber, String seedString) {
        DType dt = dtype == null ? DType.FLOAT32 : DType.of(dtype);
        if (seedKind == 1) {
            return Random.randomUniform(shape, minval, maxval, dt, seedNumber);
        }
        return Random.randomUniform(shape, minval, maxval, dt, seedKind == 2 ? seedString : null);
    }

    @JSExport
    public static Tensor randomNormal(int[] shape, double mean, double stdDev, String dtype, int seedKind, double seedNumber,
            String seedString) {
        DType dt = dtype == null ? null : DType.of(dtype);
        if (seedKind == 1) {
            return Random.randomNormal(shape, mean, stdDev, dt, seedNumber);
        }
        return Random.randomNormal(shape, mean, stdDev, dt, seedKind == 2 ? seedString : null);
    }

    @JSExport
    public static Tensor truncatedNormal(int[] shape, double mean, double stdDev, String dtype, int seedKind,
            double seedNumber, String seedString) {
        DType dt = dtype == null ? null : DType.of(dtype);
        if (seedKind == 1) {
            return Random.truncatedNormal(shape, mean, stdDev, dt, seedNumber);
        }
        return Random.truncatedNormal(shape, mean, stdDev, dt, seedKind == 2 ? seedString : null);
    }

    @JSExport
    public static Tensor randomStandardNormal(int[] shape, String dtype, int seedKind, double seedNumber, String seedString) {
        DType dt = dtype == null ? null : DType.of(dtype);
        if (seedKind == 1) {
            return Random.randomStandardNormal(shape, dt, seedNumber);
        }
        return Random.randomStandardNormal(shape, dt, seedKind == 2 ? seedString : null);
    }

    @JSExport
    public static Tensor randomGamma(int[] shape, double alpha, double beta, String dtype, int seedKind, double seedNumber,
            String seedString) {
        DType dt = dtype == null ? null : DType.of(dtype);
        if (seedKind == 1) {
            return Random.randomGamma(shape, alpha, beta, dt, seedNumber);
        }
        return Random.randomGamma(shape, alpha, beta, dt, seedKind == 2 ? seedString : null);
    }
}
