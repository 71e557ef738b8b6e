package dev.samovar.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.train.Gradients;
import org.junit.jupiter.api.Test;

/**
 * What the op suite's gradient cases cannot express: the UnsortedSegmentSum kernel (no JS API),
 * gradients of gradients, several outputs of one kernel used together, and the places where
 * Samovar's normalized arguments make a gradient work that fails in TF.js. Expected values come
 * from TF.js 4.22 (tf.unsortedSegmentSum, nested tf.grad) or by hand.
 */
class ShapeGradientsTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    private static Tensor ints(int... v) {
        return Creation.tensor(v, new int[] {v.length}, DType.INT32);
    }

    @Test
    void unsortedSegmentSumAddsRowsAndDropsIdsOutOfRange() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
            Tensor s = Reduction.unsortedSegmentSum(x, ints(2, 0, 2, -1), 3);
            assertArrayEquals(new int[] {3, 2}, s.shape());
            assertArrayEquals(new float[] {3, 4, 0, 0, 6, 8}, s.dataSync());
            return null;
        });
    }

    @Test
    void unsortedSegmentSumSpreadsNonFiniteValuesAsTfJs() {
        Engine.get().tidy(() -> {
            // TF.js sums mask * x: 0 * Infinity is NaN in the other segments.
            Tensor x = Creation.tensor(new float[] {1, INF, 3, 4, 5, 6}, 3, 2);
            assertArrayEquals(new float[] {3, NAN, 6, INF, 0, NAN},
                    Reduction.unsortedSegmentSum(x, ints(1, 0, 1), 3).dataSync());
            Tensor y = Creation.tensor(new float[] {1, 2, NAN, 4, 5, 6}, 3, 2);
            assertArrayEquals(new float[] {NAN, 0, NAN, 8}, Reduction.unsortedSegmentSum(y, ints(1, 5, 1), 2).dataSync());
            return null;
        });
    }

    @Test
    void unsortedSegmentSumChecksItsArguments() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.tensor(new float[] {1, 2, 3}, 3);
            assertThrows(IllegalArgumentException.class, () -> Reduction.unsortedSegmentSum(x, ints(0, 1), 2));
            assertThrows(IllegalArgumentException.class,
                    () -> Reduction.unsortedSegmentSum(x, Creation.tensor1d(0, 1, 2), 2));
            return null;
        });
    }

    @Test
    void unsortedSegmentSumGradientGathersDyAndZeroesNegativeIds() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
            Tensor w = Creation.tensor(new float[] {1, 2, 3, 4}, 2, 2);
            Tensor g = Gradients.grad(v -> Reduction.sum(Arithmetic.mul(Reduction.unsortedSegmentSum(v, ints(1, -1, 0, 1), 2),
                    w)), x);
            assertArrayEquals(new float[] {3, 4, 0, 0, 1, 2, 3, 4}, g.dataSync());
            return null;
        });
    }

    @Test
    void secondDerivativeThroughGather() {
        Engine.get().tidy(() -> {
            // d/dx sum(d/dx sum(gather(x)^2)) = 2 * (times each element was gathered)
            Tensor idx = ints(0, 2, 2, 3);
            Tensor x = Creation.tensor1d(1.5f, -2, 0.5f, 3);
            Tensor g2 = Gradients.grad(v -> Reduction.sum(Gradients.grad(u -> {
                Tensor a = Transform.gather(u, idx);
                return Reduction.sum(Arithmetic.mul(a, a));
            }, v)), x);
            assertArrayEquals(new float[] {2, 0, 4, 2}, g2.dataSync());
            return null;
        });
    }

    @Test
    void gatherAlongAxis1WithBothArgumentsDifferentiated() {
        Engine.get().tidy(() -> {
            Tensor a = Creation.tensor(new float[] {1, 2, 3, 4}, 2, 2);
            Tensor b = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor[] g = Gradients.grads(v -> Reduction.sum(Arithmetic.mul(Transform.gather(v[0], ints(1, 0, 1), 1),
                    v[1])), a, b);
            assertArrayEquals(new float[] {2, 4, 5, 10}, g[0].dataSync());
            assertArrayEquals(new float[] {2, 1, 2, 4, 3, 4}, g[1].dataSync());
            return null;
        });
    }

    @Test
    void momentsMeanAndVarianceTogether() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.tensor1d(1, 2, 4);
            Tensor g = Gradients.grad(v -> {
                Reduction.Moments m = Reduction.moments(v);
                return Arithmetic.add(m.mean(), m.variance());
            }, x);
            // TF.js 4.22
            float[] expected = {-0.5555555820465088f, 0.11111107468605042f, 1.4444444179534912f};
            float[] got = g.dataSync();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], 1e-6);
            }
            return null;
        });
    }

    @Test
    void cloneIsRecorded() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.tensor1d(1, 2);
            assertArrayEquals(new float[] {3, 3}, Gradients.grad(v -> Reduction.sum(Arithmetic.mul(Transform.clone(v),
                    Creation.scalar(3))), x).dataSync());
            assertArrayEquals(new float[] {1, 1}, Gradients.grad(v -> Reduction.sum(Transform.transpose(v)), x).dataSync());
            return null;
        });
    }

    @Test
    void negativeAxesAreNormalizedSoProdAndCumsumDifferentiate() {
        Engine.get().tidy(() -> {
            // TF.js's Prod gradient transposes with the raw axis -1 and fails; TF.js's cumsum kernel
            // rejects a negative axis. Samovar's ops normalize the axis first.
            Tensor x = Creation.tensor(new float[] {1, 2, 3, 4}, 2, 2);
            assertArrayEquals(new float[] {2, 1, 4, 3},
                    Gradients.grad(v -> Reduction.sum(Reduction.prod(v, new int[] {-1}, false)), x).dataSync());
            assertArrayEquals(new float[] {2, 1, 2, 1},
                    Gradients.grad(v -> Reduction.sum(Reduction.cumsum(v, -1, false, false)), x).dataSync());
            return null;
        });
    }

    @Test
    void tileGradientFailsBeyondRank4AsTfJs() {
        Engine.get().tidy(() -> {
            Tensor x = Creation.ones(1, 1, 1, 1, 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Gradients.grad(v -> Transform.tile(v, 1, 1, 1, 1, 2), x));
            assertEquals("Gradient for tile operation is not implemented for rank-5 tensors yet.", e.getMessage());
            return null;
        });
    }
}
