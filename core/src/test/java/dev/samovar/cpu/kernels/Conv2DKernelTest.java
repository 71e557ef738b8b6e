package dev.samovar.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Conv2D's three paths against a naive reference with TF.js's numerics (float32 accumulation per
 * multiply-add, filter row / column / channel order): small convolutions must be bit-identical,
 * large ones (double sums: direct for small filters, im2col + Gemm otherwise) within the drift
 * of TF.js's float32 running sums. The op suite only holds small cases, so the large paths are checked here.
 */
class Conv2DKernelTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** TF.js's CPU Conv2D loop (NHWC). */
    private static float[] reference(float[] x, float[] w, ConvGeometry g) {
        float[] y = new float[g.batchSize * g.outHeight * g.outWidth * g.outChannels];
        int inC = g.inChannels;
        int outC = g.outChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int yR = 0; yR < g.outHeight; yR++) {
                for (int wR = 0; wR < g.filterHeight; wR++) {
                    int xR = yR * g.strideHeight - g.padTop + wR * g.dilationHeight;
                    if (xR < 0 || xR >= g.inHeight) {
                        continue;
                    }
                    for (int yC = 0; yC < g.outWidth; yC++) {
                        for (int wC = 0; wC < g.filterWidth; wC++) {
                            int xC = yC * g.strideWidth - g.padLeft + wC * g.dilationWidth;
                            if (xC < 0 || xC >= g.inWidth) {
                                continue;
                            }
                            for (int d1 = 0; d1 < inC; d1++) {
                                double xv = x[((b * g.inHeight + xR) * g.inWidth + xC) * inC + d1];
                                int wo = ((wR * g.filterWidth + wC) * inC + d1) * outC;
                                int yo = ((b * g.outHeight + yR) * g.outWidth + yC) * outC;
                                for (int d2 = 0; d2 < outC; d2++) {
                                    y[yo + d2] = (float) (y[yo + d2] + xv * w[wo + d2]);
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    private static void check(int[] xShape, int[] fShape, int[] strides, int[] dilations, Object pad, boolean exact) {
        ConvGeometry g = ConvGeometry.conv2d(xShape, fShape, strides, dilations, pad, null, false, true);
        float[] x = random(xShape[0] * xShape[1] * xShape[2] * xShape[3], 1);
        float[] w = random(fShape[0] * fShape[1] * fShape[2] * fShape[3], 2);
        float[] expected = reference(x, w, g);
        float[] actual = Conv2DKernel.compute(x, w, g);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (exact) {
                assertEquals(expected[i], actual[i], 0, "element " + i);
            } else {
                // TF.js's float32 running sums drift by ~sqrt(k) roundings of the partial sums.
                double tol = 1e-4 + 1e-5 * Math.abs(expected[i]);
                assertTrue(Math.abs(expected[i] - actual[i]) <= tol, "element " + i + ": " + actual[i] + " vs "
                        + expected[i]);
            }
        }
    }

    @Test
    void smallConvolutionsAreBitIdentical() {
        check(new int[] {2, 9, 8, 3}, new int[] {3, 3, 3, 5}, new int[] {2}, new int[] {1}, "same", true);
        check(new int[] {1, 7, 7, 4}, new int[] {3, 2, 4, 6}, new int[] {1}, new int[] {2, 3}, "valid", true);
        check(new int[] {1, 6, 6, 40}, new int[] {3, 3, 40, 9}, new int[] {1}, new int[] {1}, "same", true);
    }

    @Test
    void largeSmallFilterConvolutionWithinRounding() {
        // 56*56*32*27 multiply-adds: the direct double-precision path.
        check(new int[] {1, 112, 112, 3}, new int[] {3, 3, 3, 32}, new int[] {2}, new int[] {1}, "same", false);
    }

    @Test
    void largeConvolutionThroughGemmWithinRounding() {
        // 16*16*64*576 multiply-adds: im2col in row blocks + Gemm.
        check(new int[] {1, 16, 16, 64}, new int[] {3, 3, 64, 64}, new int[] {1}, new int[] {1}, "same", false);
        // Dilated (no contiguous filter rows): Gemm as well.
        check(new int[] {1, 40, 40, 16}, new int[] {3, 3, 16, 32}, new int[] {1}, new int[] {2}, "same", false);
    }
}
