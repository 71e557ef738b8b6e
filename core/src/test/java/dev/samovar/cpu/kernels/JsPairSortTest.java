package dev.samovar.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The V8-style sort and the Floyd–Rivest selection order (value, index) pairs as TF.js's topk. */
class JsPairSortTest {
    private static Integer[] reference(double[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> i));
        return order;
    }

    @Test
    void sortsLikeATotalOrder() {
        Random rnd = new Random(1);
        for (int n : new int[] {0, 1, 2, 5, 31, 63, 64, 65, 100, 257, 1000, 5000}) {
            for (int distinct : new int[] {2, 10, 1_000_000}) {
                double[] v = new double[n];
                int[] ix = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextInt(distinct);
                    ix[i] = i;
                }
                if (n > 10 && distinct == 10) {
                    Arrays.sort(v); // long ascending runs
                }
                double[] orig = v.clone();
                JsPairSort.sort(v, ix, n);
                Integer[] ref = reference(orig, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(ref[i].intValue(), ix[i], "n=" + n + " distinct=" + distinct + " at " + i);
                    assertEquals(orig[ix[i]], v[i], 0.0);
                }
            }
        }
    }

    @Test
    void selectPutsTheKLargestFirst() {
        Random rnd = new Random(2);
        for (int n : new int[] {10, 700, 3000}) {
            for (int k : new int[] {1, 5, n / 2, n - 1}) {
                double[] v = new double[n];
                int[] ix = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextInt(50);
                    ix[i] = i;
                }
                double[] orig = v.clone();
                JsPairSort.select(v, ix, k, 0, n - 1);
                Integer[] ref = reference(orig, n);
                int[] top = Arrays.copyOf(ix, k);
                Arrays.sort(top);
                int[] expected = new int[k];
                for (int i = 0; i < k; i++) {
                    expected[i] = ref[i];
                }
                Arrays.sort(expected);
                assertArrayEquals(expected, top, "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void nanComparesAsEqualInTheSort() {
        // tf.topk([1, NaN, 3, NaN, 2], 5) leaves the order as is in V8.
        double[] v = {1, Double.NaN, 3, Double.NaN, 2};
        int[] ix = {0, 1, 2, 3, 4};
        JsPairSort.sort(v, ix, 5);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ix);
        // tf.topk([Infinity, 1, Infinity, -Infinity, -Infinity], 5): indices 0, 2, 1, 3, 4.
        double inf = Double.POSITIVE_INFINITY;
        v = new double[] {inf, 1, inf, -inf, -inf};
        ix = new int[] {0, 1, 2, 3, 4};
        JsPairSort.sort(v, ix, 5);
        assertArrayEquals(new int[] {0, 2, 1, 3, 4}, ix);
        assertTrue(Double.isInfinite(v[0]));
    }
}
