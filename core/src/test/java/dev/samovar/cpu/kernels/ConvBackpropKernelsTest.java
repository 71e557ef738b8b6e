package dev.samovar.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The backward convolution kernels against naive references with TF.js's numerics (each element
 * one double sum in TF.js's loop order, stored once), on sizes the op suite cannot hold: several
 * im2col blocks, shared dimensions longer than a GEMM block, 1x1 filters, strides, padding.
 */
class ConvBackpropKernelsTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** TF.js's CPU Conv2DBackpropFilter loop (NHWC, dilations as in the forward pass). */
    private static float[] filterReference(float[] x, float[] dy, ConvGeometry g) {
        int inC = g.inChannels;
        int outC = g.outChannels;
        float[] dw = new float[g.filterHeight * g.filterWidth * inC * outC];
        for (int wR = 0; wR < g.filterHeight; wR++) {
            for (int wC = 0; wC < g.filterWidth; wC++) {
                for (int d1 = 0; d1 < inC; d1++) {
                    for (int d2 = 0; d2 < outC; d2++) {
                        double dot = 0;
                        for (int b = 0; b < g.batchSize; b++) {
                            for (int yR = 0; yR < g.outHeight; yR++) {
                                int xR = yR * g.strideHeight - g.padTop + wR * g.dilationHeight;
                                if (xR < 0 || xR >= g.inHeight) {
                                    continue;
                                }
                                for (int yC = 0; yC < g.outWidth; yC++) {
                                    int xC = yC * g.strideWidth - g.padLeft + wC * g.dilationWidth;
                                    if (xC < 0 || xC >= g.inWidth) {
                                        continue;
                                    }
                                    dot += (double) x[((b * g.inHeight + xR) * g.inWidth + xC) * inC + d1]
                                            * dy[((b * g.outHeight + yR) * g.outWidth + yC) * outC + d2];
                                }
                            }
                        }
                        dw[((wR * g.filterWidth + wC) * inC + d1) * outC + d2] = (float) dot;
                    }
                }
            }
        }
        return dw;
    }

    /** The input gradient: each dx element one double sum over (output pixel, filter tap, channel). */
    private static float[] inputReference(float[] dy, float[] w, ConvGeometry g) {
        int inC = g.inChannels;
        int outC = g.outChannels;
        double[] acc = new double[g.batchSize * g.inHeight * g.inWidth * inC];
        for (int b = 0; b < g.batchSize; b++) {
            for (int yR = 0; yR < g.outHeight; yR++) {
                for (int yC = 0; yC < g.outWidth; yC++) {
                    for (int wR = 0; wR < g.filterHeight; wR++) {
                        int xR = yR * g.strideHeight - g.padTop + wR * g.dilationHeight;
                        if (xR < 0 || xR >= g.inHeight) {
                            continue;
                        }
                        for (int wC = 0; wC < g.filterWidth; wC++) {
                            int xC = yC * g.strideWidth - g.padLeft + wC * g.dilationWidth;
                            if (xC < 0 || xC >= g.inWidth) {
                                continue;
                            }
                            for (int d1 = 0; d1 < inC; d1++) {
                                double dot = 0;
                                for (int d2 = 0; d2 < outC; d2++) {
                                    dot += (double) dy[((b * g.outHeight + yR) * g.outWidth + yC) * outC + d2]
                                            * w[((wR * g.filterWidth + wC) * inC + d1) * outC + d2];
                                }
                                acc[((b * g.inHeight + xR) * g.inWidth + xC) * inC + d1] += dot;
                            }
                        }
                    }
                }
            }
        }
        float[] dx = new float[acc.length];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = (float) acc[i];
        }
        return dx;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            // Double sums in another order: equal after float32 rounding but for rare ties.
            double tol = 1e-6 * Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    private static void check(int[] xShape, int[] fShape, int[] strides, int[] dilations, Object pad) {
        ConvGeometry g = ConvGeometry.conv2d(xShape, fShape, strides, dilations, pad, null, false, true);
        float[] x = random(g.batchSize * g.inHeight * g.inWidth * g.inChannels, 1);
        float[] w = random(fShape[0] * fShape[1] * fShape[2] * fShape[3], 2);
        float[] dy = random(g.batchSize * g.outHeight * g.outWidth * g.outChannels, 3);
        String what = java.util.Arrays.toString(xShape) + " * " + java.util.Arrays.toString(fShape);
        assertClose(filterReference(x, dy, g), Conv2DBackpropFilterKernel.compute(x, dy, g, w.length),
                what + " filter gradient");
        assertClose(inputReference(dy, w, g), Conv2DBackpropInputKernel.compute(dy, w, g), what + " input gradient");
    }

    @Test
    void manyBlocksAndLongSharedDimensions() {
        // 40x40 pixels of 27 taps: two im2col blocks; filter gradient sums 3200 pixels.
        check(new int[] {2, 40, 40, 3}, new int[] {3, 3, 3, 5}, new int[] {1}, new int[] {1}, "same");
        // 70 output channels: the input gradient's shared dimension spans two GEMM blocks.
        check(new int[] {1, 9, 9, 4}, new int[] {3, 3, 4, 70}, new int[] {2}, new int[] {1}, "same");
        check(new int[] {2, 12, 11, 33}, new int[] {5, 5, 33, 7}, new int[] {1, 2}, new int[] {1}, "valid");
    }

    @Test
    void pointwiseStridedPaddedDilated() {
        check(new int[] {3, 10, 10, 17}, new int[] {1, 1, 17, 9}, new int[] {1}, new int[] {1}, "same");
        check(new int[] {1, 10, 10, 6}, new int[] {1, 1, 6, 5}, new int[] {2}, new int[] {1}, "valid");
        check(new int[] {1, 13, 12, 3}, new int[] {4, 3, 3, 4}, new int[] {3, 2}, new int[] {1}, "same");
        check(new int[] {1, 8, 8, 2}, new int[] {3, 3, 2, 3}, new int[] {1}, new int[] {1},
                new int[][] {{0, 0}, {2, 1}, {0, 3}, {0, 0}});
        check(new int[] {2, 15, 14, 3}, new int[] {3, 3, 3, 4}, new int[] {1}, new int[] {2, 3}, "same");
        check(new int[] {1, 3, 3, 2}, new int[] {3, 3, 2, 2}, new int[] {1}, new int[] {1}, "valid");
    }
}
