package dev.samovar.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unseeded random ops: values differ from call to call, with the right range and statistics. */
class RandomStatisticsTest {
    private static final int N = 200_000;
    private Scope scope;

    @BeforeEach
    void open() {
        scope = Engine.get().startScope();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void uniformRangeAndMoments() {
        Tensor t = Random.randomUniform(new int[] {N}, -2, 6);
        assertEquals(DType.FLOAT32, t.dtype());
        float[] v = t.dataSync();
        for (float x : v) {
            assertTrue(x >= -2 && x <= 6, "out of range: " + x);
        }
        assertEquals(2.0, mean(v), 0.03);
        assertEquals(8 / Math.sqrt(12), std(v), 0.03);
    }

    @Test
    void uniformInt32IsTruncatedAndCoversTheRange() {
        int[] v = Random.randomUniform(new int[] {N}, 0, 10, DType.INT32).dataSyncInt();
        int[] counts = new int[10];
        for (int x : v) {
            assertTrue(x >= 0 && x < 10, "out of range: " + x);
            counts[x]++;
        }
        for (int c : counts) {
            assertEquals(N / 10.0, c, N / 100.0);
        }
    }

    @Test
    void unseededCallsDiffer() {
        float[] a = Random.randomUniform(new int[] {16}).dataSync();
        float[] b = Random.randomUniform(new int[] {16}).dataSync();
        assertFalse(java.util.Arrays.equals(a, b));
        float[] c = Random.randomNormal(new int[] {16}).dataSync();
        float[] d = Random.randomNormal(new int[] {16}).dataSync();
        assertFalse(java.util.Arrays.equals(c, d));
        // TF.js treats a zero seed of the Gaussian ops as no seed.
        float[] e = Random.randomNormal(new int[] {16}, 0, 1, null, 0).dataSync();
        float[] f = Random.randomNormal(new int[] {16}, 0, 1, null, 0).dataSync();
        assertFalse(java.util.Arrays.equals(e, f));
    }

    @Test
    void seededCallsRepeat() {
        assertArrayEquals(Random.randomUniform(new int[] {8}, 0, 1, DType.FLOAT32, 5).dataSync(),
                Random.randomUniform(new int[] {8}, 0, 1, DType.FLOAT32, "5").dataSync());
        assertArrayEquals(Random.truncatedNormal(new int[] {9}, 0, 1, null, 3).dataSync(),
                Random.truncatedNormal(new int[] {9}, 0, 1, null, 3).dataSync());
    }

    @Test
    void normalMoments() {
        float[] v = Random.randomNormal(new int[] {N}, 3, 2).dataSync();
        assertEquals(3.0, mean(v), 0.03);
        assertEquals(2.0, std(v), 0.03);
        int within1 = 0;
        for (float x : v) {
            if (Math.abs(x - 3) <= 2) {
                within1++;
            }
        }
        assertEquals(0.6827, within1 / (double) N, 0.01);
    }

    @Test
    void normalInt32IsRounded() {
        int[] v = Random.randomNormal(new int[] {N}, 0, 5, DType.INT32).dataSyncInt();
        double s = 0;
        for (int x : v) {
            s += x;
        }
        assertEquals(0.0, s / N, 0.05);
    }

    @Test
    void truncatedNormalStaysWithinTwoStd() {
        float[] v = Random.truncatedNormal(new int[] {N}, -1, 0.5).dataSync();
        for (float x : v) {
            assertTrue(x >= -2 && x <= 0, "beyond two standard deviations: " + x);
        }
        assertEquals(-1.0, mean(v), 0.01);
        // The standard deviation of a normal truncated at two standard deviations.
        assertEquals(0.5 * 0.8796, std(v), 0.01);
    }

    @Test
    void gammaMoments() {
        // TF.js's beta acts as a scale: mean alpha * beta, variance alpha * beta^2.
        float[] v = Random.randomGamma(new int[] {N}, 3, 2).dataSync();
        for (float x : v) {
            assertTrue(x > 0, "not positive: " + x);
        }
        assertEquals(6.0, mean(v), 0.05);
        assertEquals(Math.sqrt(12), std(v), 0.05);
        float[] w = Random.randomGamma(new int[] {N}, 0.5, 1).dataSync();
        assertEquals(0.5, mean(w), 0.02);
        assertEquals(Math.sqrt(0.5), std(w), 0.02);
    }

    @Test
    void boolGaussianFails() {
        assertThrows(IllegalArgumentException.class, () -> Random.randomNormal(new int[] {2}, 0, 1, DType.BOOL));
        assertThrows(IllegalArgumentException.class, () -> Random.truncatedNormal(new int[] {2}, 0, 1, DType.BOOL));
    }
}
