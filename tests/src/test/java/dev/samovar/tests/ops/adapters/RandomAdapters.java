package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.DType;
import dev.samovar.ops.Random;
import dev.samovar.tests.ops.Args;

/** Java API calls for the random op cases (seeded: the values are TF.js's). */
public final class RandomAdapters {
    private RandomAdapters() {
    }

    public static void install() {
        register("randomUniform", a -> {
            int[] shape = a.ints(0);
            double min = a.d(1, 0);
            double max = a.d(2, 1);
            DType dtype = a.dtype(3, DType.FLOAT32);
            Object seed = a.get(4);
            if (seed instanceof Number) {
                return Random.randomUniform(shape, min, max, dtype, ((Number) seed).doubleValue());
            }
            return Random.randomUniform(shape, min, max, dtype, (String) seed);
        });
        register("randomNormal", a -> gaussian(a, false));
        register("truncatedNormal", a -> gaussian(a, true));
        register("randomStandardNormal", a -> {
            int[] shape = a.ints(0);
            DType dtype = a.dtype(1, null);
            Object seed = a.get(2);
            if (seed instanceof Number) {
                return Random.randomStandardNormal(shape, dtype, ((Number) seed).doubleValue());
            }
            return Random.randomStandardNormal(shape, dtype, (String) seed);
        });
        register("randomGamma", a -> {
            int[] shape = a.ints(0);
            double alpha = a.d(1, 0);
            double beta = a.d(2, 1);
            DType dtype = a.dtype(3, DType.FLOAT32);
            Object seed = a.get(4);
            if (seed instanceof Number) {
                return Random.randomGamma(shape, alpha, beta, dtype, ((Number) seed).doubleValue());
            }
            return Random.randomGamma(shape, alpha, beta, dtype, (String) seed);
        });
    }

    private static Object gaussian(Args a, boolean truncated) {
        int[] shape = a.ints(0);
        double mean = a.d(1, 0);
        double std = a.d(2, 1);
        DType dtype = a.dtype(3, null);
        Object seed = a.get(4);
        if (seed instanceof Number) {
            double s = ((Number) seed).doubleValue();
            return truncated ? Random.truncatedNormal(shape, mean, std, dtype, s) : Random.randomNormal(shape, mean, std, dtype, s);
        }
        String s = (String) seed;
        return truncated ? Random.truncatedNormal(shape, mean, std, dtype, s) : Random.randomNormal(shape, mean, std, dtype, s);
    }
}
