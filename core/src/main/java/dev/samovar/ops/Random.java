package dev.samovar.ops;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.random.Alea;
import dev.samovar.random.GammaRandom;
import dev.samovar.random.GaussianRandom;

/**
 * Random tensors: tf.randomUniform, randomNormal, randomStandardNormal, truncatedNormal, randomGamma. With a seed the values are
 * TF.js's own: the same Alea generator seeded with the seed's string (a number seed is written as
 * JavaScript writes it), the same draws, the same conversions. Without a seed the generator is
 * seeded from {@link Math#random()}, as TF.js does.
 */
public final class Random {
    private Random() {
    }

    // ----------------------------------------------------------------------- randomUniform

    /** Uniform float32 values in [0, 1). */
    public static Tensor randomUniform(int... shape) {
        return uniform(shape, 0, 1, DType.FLOAT32, null);
    }

    /** Uniform float32 values in [minval, maxval). */
    public static Tensor randomUniform(int[] shape, double minval, double maxval) {
        return uniform(shape, minval, maxval, DType.FLOAT32, null);
    }

    /**
     * Uniform values {@code minval + (maxval - minval) * u}, stored in {@code dtype} as TF.js stores
     * them (int32 truncates, bool keeps the low byte); unseeded.
     */
    public static Tensor randomUniform(int[] shape, double minval, double maxval, DType dtype) {
        return uniform(shape, minval, maxval, dtype, null);
    }

    /** As {@link #randomUniform(int[], double, double, DType)}, seeded with a number. */
    public static Tensor randomUniform(int[] shape, double minval, double maxval, DType dtype, double seed) {
        return uniform(shape, minval, maxval, dtype, JsNumber.toString(seed));
    }

    /** As {@link #randomUniform(int[], double, double, DType)}, seeded with a string (null: unseeded). */
    public static Tensor randomUniform(int[] shape, double minval, double maxval, DType dtype, String seed) {
        return uniform(shape, minval, maxval, dtype, seed);
    }

    private static Tensor uniform(int[] shape, double minval, double maxval, DType dtype, String seed) {
        int size = Shapes.sizeFromShape(shape);
        DType dt = dtype == null ? DType.FLOAT32 : dtype;
        Alea random = new Alea(seed != null ? seed : randomSeed());
        double range = maxval - minval;
        if (dt == DType.FLOAT32) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = (float) (minval + range * random.next());
            }
            return Engine.get().makeTensor(v, shape.clone(), dt);
        }
        int[] v = new int[size];
        boolean isBool = dt == DType.BOOL;
        for (int i = 0; i < size; i++) {
            double x = minval + range * random.next();
            v[i] = isBool ? JsNumber.toUint8(x) : JsNumber.toInt32(x);
        }
        return Engine.get().makeTensor(v, shape.clone(), dt);
    }

    // ------------------------------------------------------------------------ randomNormal

    /** Standard normal float32 values. */
    public static Tensor randomNormal(int... shape) {
        return gaussian(shape, 0, 1, null, null, false);
    }

    /** Normal float32 values of the given mean and standard deviation; unseeded. */
    public static Tensor randomNormal(int[] shape, double mean, double stdDev) {
        return gaussian(shape, mean, stdDev, null, null, false);
    }

    /**
     * Normal values; {@code dtype} float32 (or null) or int32 (rounded as Math.round); bool fails
     * as in TF.js. Unseeded.
     */
    public static Tensor randomNormal(int[] shape, double mean, double stdDev, DType dtype) {
        return gaussian(shape, mean, stdDev, dtype, null, false);
    }

    /** As {@link #randomNormal(int[], double, double, DType)}, seeded (0 and NaN mean unseeded, as in TF.js). */
    public static Tensor randomNormal(int[] shape, double mean, double stdDev, DType dtype, double seed) {
        return gaussian(shape, mean, stdDev, dtype, numberSeed(seed), false);
    }

    /** As {@link #randomNormal(int[], double, double, DType)}, seeded (null or "" mean unseeded). */
    public static Tensor randomNormal(int[] shape, double mean, double stdDev, DType dtype, String seed) {
        return gaussian(shape, mean, stdDev, dtype, stringSeed(seed), false);
    }

    // --------------------------------------------------------------------- truncatedNormal

    /** Standard normal float32 values, redrawn when beyond two standard deviations. */
    public static Tensor truncatedNormal(int... shape) {
        return gaussian(shape, 0, 1, null, null, true);
    }

    /** Truncated normal float32 values; unseeded. */
    public static Tensor truncatedNormal(int[] shape, double mean, double stdDev) {
        return gaussian(shape, mean, stdDev, null, null, true);
    }

    /** Truncated normal values of the dtype (float32, or int32 rounded); unseeded. */
    public static Tensor truncatedNormal(int[] shape, double mean, double stdDev, DType dtype) {
        return gaussian(shape, mean, stdDev, dtype, null, true);
    }

    /** Seeded truncated normal values (0 and NaN mean unseeded, as in TF.js). */
    public static Tensor truncatedNormal(int[] shape, double mean, double stdDev, DType dtype, double seed) {
        return gaussian(shape, mean, stdDev, dtype, numberSeed(seed), true);
    }

    /** Seeded truncated normal values (null or "" mean unseeded). */
    public static Tensor truncatedNormal(int[] shape, double mean, double stdDev, DType dtype, String seed) {
        return gaussian(shape, mean, stdDev, dtype, stringSeed(seed), true);
    }

    private static Tensor gaussian(int[] shape, double mean, double stdDev, DType dtype, String seed,
            boolean truncated) {
        int size = Shapes.sizeFromShape(shape);
        if (dtype == DType.BOOL) {
            // TF.js's truncatedNormal message has a typo, kept for identical errors.
            throw new IllegalArgumentException(truncated ? "Unsupported data type $ { dtype }" : "Unsupported data type bool");
        }
        boolean isInt = dtype == DType.INT32;
        GaussianRandom random = new GaussianRandom(mean, stdDev, isInt, truncated, seed != null ? seed : randomSeed());
        if (!isInt) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = (float) random.next();
            }
            return Engine.get().makeTensor(v, shape.clone(), DType.FLOAT32);
        }
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            v[i] = JsNumber.toInt32(random.next());
        }
        return Engine.get().makeTensor(v, shape.clone(), DType.INT32);
    }

    // ----------------------------------------------------------------- randomStandardNormal

    /** Standard normal values of the dtype (float32 or null, or int32 rounded); unseeded. */
    public static Tensor randomStandardNormal(int[] shape, DType dtype) {
        return randomNormal(shape, 0, 1, dtype);
    }

    /** Seeded standard normal values (0 and NaN mean unseeded, as in TF.js). */
    public static Tensor randomStandardNormal(int[] shape, DType dtype, double seed) {
        return randomNormal(shape, 0, 1, dtype, seed);
    }

    /** Seeded standard normal values (null or "" mean unseeded). */
    public static Tensor randomStandardNormal(int[] shape, DType dtype, String seed) {
        return randomNormal(shape, 0, 1, dtype, seed);
    }

    // --------------------------------------------------------------------------- randomGamma

    /** Gamma float32 values of shape parameter alpha and rate beta; unseeded. */
    public static Tensor randomGamma(int[] shape, double alpha, double beta) {
        return gamma(shape, alpha, beta, DType.FLOAT32, null);
    }

    /** Gamma values; {@code dtype} float32 (or null) or int32 (rounded); bool fails as in TF.js. */
    public static Tensor randomGamma(int[] shape, double alpha, double beta, DType dtype) {
        return gamma(shape, alpha, beta, dtype, null);
    }

    /** Seeded gamma values (0 and NaN mean unseeded, as in TF.js). */
    public static Tensor randomGamma(int[] shape, double alpha, double beta, DType dtype, double seed) {
        return gamma(shape, alpha, beta, dtype, numberSeed(seed));
    }

    /** Seeded gamma values (null or "" mean unseeded). */
    public static Tensor randomGamma(int[] shape, double alpha, double beta, DType dtype, String seed) {
        return gamma(shape, alpha, beta, dtype, stringSeed(seed));
    }

    private static Tensor gamma(int[] shape, double alpha, double beta, DType dtype, String seed) {
        int size = Shapes.sizeFromShape(shape);
        DType dt = dtype == null ? DType.FLOAT32 : dtype;
        if (dt == DType.BOOL) {
            throw new IllegalArgumentException("Unsupported data type bool");
        }
        GammaRandom random = new GammaRandom(alpha, beta, dt == DType.INT32, seed != null ? seed : randomSeed());
        if (dt == DType.FLOAT32) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = (float) random.next();
            }
            return Engine.get().makeTensor(v, shape.clone(), dt);
        }
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            v[i] = JsNumber.toInt32(random.next());
        }
        return Engine.get().makeTensor(v, shape.clone(), dt);
    }

    /** TF.js's {@code seed ? seed : Math.random()} for a number seed: 0 and NaN are no seed. */
    private static String numberSeed(double seed) {
        return seed == 0 || Double.isNaN(seed) ? null : JsNumber.toString(seed);
    }

    private static String stringSeed(String seed) {
        return seed == null || seed.isEmpty() ? null : seed;
    }

    /** What TF.js seeds with when no seed is given: {@code Math.random().toString()}. */
    private static String randomSeed() {
        return JsNumber.toString(Math.random());
    }
}
