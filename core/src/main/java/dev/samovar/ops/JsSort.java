package dev.samovar.ops;

/**
 * V8's {@code Array.prototype.sort} of (value, index) pairs with TF.js's comparator
 * {@code (a, b) => b.value - a.value} (inTopKAsync), where a NaN result counts as 0. Without NaN the
 * comparator is consistent and V8's sort is stable, so a stable sort by descending value gives
 * V8's order. With NaN the order depends on the algorithm: V8's TimSort is reproduced for rows of
 * fewer than 64 values (one run: countAndMakeRun, then binary insertion); longer rows with NaN are
 * sorted with the same insertion steps (no merges), which may differ from V8.
 */
final class JsSort {
    private JsSort() {
    }

    private static double compare(double av, double bv) {
        double d = bv - av;
        return d != d ? 0 : d;
    }

    static void sortDescending(double[] v, int[] ix, int n) {
        if (n < 2) {
            return;
        }
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            if (v[i] != v[i]) {
                nan = true;
                break;
            }
        }
        if (!nan) {
            stable(v, ix, n);
            return;
        }
        // countAndMakeRun(0, n)
        int run = 2;
        boolean descending = compare(v[1], v[0]) < 0;
        double prev = v[1];
        for (int i = 2; i < n; i++) {
            double order = compare(v[i], prev);
            if (descending ? order >= 0 : order < 0) {
                break;
            }
            prev = v[i];
            run++;
        }
        if (descending) {
            for (int a = 0, b = run - 1; a < b; a++, b--) {
                double tv = v[a];
                v[a] = v[b];
                v[b] = tv;
                int ti = ix[a];
                ix[a] = ix[b];
                ix[b] = ti;
            }
        }
        // binaryInsertionSort(0, run, n)
        for (int start = run; start < n; start++) {
            int left = 0;
            int right = start;
            double pv = v[start];
            int pi = ix[start];
            while (left < right) {
                int mid = left + ((right - left) >> 1);
                if (compare(pv, v[mid]) < 0) {
                    right = mid;
                } else {
                    left = mid + 1;
                }
            }
            for (int p = start; p > left; p--) {
                v[p] = v[p - 1];
                ix[p] = ix[p - 1];
            }
            v[left] = pv;
            ix[left] = pi;
        }
    }

    /** Stable sort by descending value (ties keep index order), for rows without NaN. */
    private static void stable(double[] v, int[] ix, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] vc = java.util.Arrays.copyOf(v, n);
        int[] ic = java.util.Arrays.copyOf(ix, n);
        // Infinity - Infinity is NaN (counted 0): equal infinities tie, as Double.compare has them.
        java.util.Arrays.sort(order, (a, b) -> Double.compare(vc[b] == 0 ? 0.0 : vc[b], vc[a] == 0 ? 0.0 : vc[a]));
        for (int i = 0; i < n; i++) {
            v[i] = vc[order[i]];
            ix[i] = ic[order[i]];
        }
    }
}
