package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
/**
 * Sorting and selecting (value, index) pairs exactly as TF.js's TopK does in V8, so that ties, NaN
 * and equal infinities (whose comparator result is NaN) come out in the same order.
 *
 * <p>The order is TF.js's {@code comparePair}: larger values first, then smaller indices. The
 * selection is the Floyd–Rivest algorithm TF.js's {@code select} implements, comparing with the
 * raw (possibly NaN) result. The sort follows V8's {@code Array.prototype.sort}, a TimSort as in
 * CPython's listsort (minimum run length from 64, binary insertion, galloping merges), where a NaN
 * comparator result counts as 0 as the specification requires.
 */
final class JsPairSort {
    private static final int MIN_GALLOP = 7;

    private final double[] v;
    private final int[] ix;
    private double[] tv = new double[0];
    private int[] ti = Cpu.newInts(0);
    private int minGallop = MIN_GALLOP;
    private final int[] runBase = Cpu.newInts(85);
    private final int[] runLen = Cpu.newInts(85);
    private int stackSize;

    private JsPairSort(double[] v, int[] ix) {
        this.v = v;
        this.ix = ix;
    }

    /** comparePair(a, b) of TF.js: b.value - a.value, or a.index - b.index on a zero difference. */
    static double comparePair(double av, int ai, double bv, int bi) {
        double d = bv - av;
        return d == 0 ? ai - bi : d;
    }

    /** The comparator as Array.prototype.sort sees it: NaN counts as 0. */
    private static double order(double av, int ai, double bv, int bi) {
        double d = comparePair(av, ai, bv, bi);
        return d != d ? 0 : d;
    }

    // ------------------------------------------------------------------------- selection

    /** Floyd–Rivest selection of the k-th pair in [left, right], as TF.js's select(). */
    static void select(double[] v, int[] ix, int k, int left, int right) {
        while (right > left) {
            if (right - left > 600) {
                double n = right - left + 1;
                double i = k - left + 1;
                double z = StrictMath.log(n);
                double s = 0.5 * StrictMath.exp(2 * z / 3);
                double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2);
                int newLeft = (int) Math.max(left, Math.floor(k - i * s / n + sd));
                int newRight = (int) Math.min(right, Math.floor(k + (n - i) * s / n + sd));
                select(v, ix, k, newLeft, newRight);
            }
            double tvk = v[k];
            int tik = ix[k];
            int i = left;
            int j = right;
            swap(v, ix, left, k);
            if (comparePair(v[right], ix[right], tvk, tik) > 0) {
                swap(v, ix, left, right);
            }
            while (i < j) {
                swap(v, ix, i, j);
                i++;
                j--;
                while (i < v.length && comparePair(v[i], ix[i], tvk, tik) < 0) {
                    i++;
                }
                while (j >= 0 && comparePair(v[j], ix[j], tvk, tik) > 0) {
                    j--;
                }
            }
            if (comparePair(v[left], ix[left], tvk, tik) == 0) {
                swap(v, ix, left, j);
            } else {
                j++;
                swap(v, ix, j, right);
            }
            if (j <= k) {
                left = j + 1;
            }
            if (k <= j) {
                right = j - 1;
            }
        }
    }

    private static void swap(double[] v, int[] ix, int a, int b) {
        if (a < 0 || b < 0 || a >= v.length || b >= v.length) {
            return;
        }
        double t = v[a];
        v[a] = v[b];
        v[b] = t;
        int u = ix[a];
        ix[a] = ix[b];
        ix[b] = u;
    }

    // ------------------------------------------------------------------------------ sort

    /** Sorts the first {@code length} pairs as V8's Array.prototype.sort with comparePair. */
    static void sort(double[] v, int[] ix, int length) {
        if (length < 2) {
            return;
        }
        new JsPairSort(v, ix).timSort(length);
    }

    private void timSort(int length) {
        int remaining = length;
        int low = 0;
        int minRun = minRunLength(length);
        while (remaining != 0) {
            int run = countAndMakeRun(low, low + remaining);
            if (run < minRun) {
                int forced = Math.min(minRun, remaining);
                binaryInsertionSort(low, low + run, low + forced);
                run = forced;
            }
            runBase[stackSize] = low;
            runLen[stackSize] = run;
            stackSize++;
            mergeCollapse();
            low += run;
            remaining -= run;
        }
        while (stackSize > 1) {
            int n = stackSize - 2;
            if (n > 0 && runLen[n - 1] < runLen[n + 1]) {
                n--;
            }
            mergeAt(n);
        }
    }

    private static int minRunLength(int n) {
        int r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    private void binaryInsertionSort(int low, int startArg, int high) {
        int start = low == startArg ? startArg + 1 : startArg;
        for (; start < high; start++) {
            int left = low;
            int right = start;
            double pv = v[start];
            int pi = ix[start];
            while (left < right) {
                int mid = left + ((right - left) >> 1);
                if (order(pv, pi, v[mid], ix[mid]) < 0) {
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

    private int countAndMakeRun(int lowArg, int high) {
        int low = lowArg + 1;
        if (low == high) {
            return 1;
        }
        int runLength = 2;
        boolean descending = order(v[low], ix[low], v[low - 1], ix[low - 1]) < 0;
        for (int idx = low + 1; idx < high; idx++) {
            double o = order(v[idx], ix[idx], v[idx - 1], ix[idx - 1]);
            if (descending ? o >= 0 : o < 0) {
                break;
            }
            runLength++;
        }
        if (descending) {
            for (int a = lowArg, b = lowArg + runLength - 1; a < b; a++, b--) {
                swap(v, ix, a, b);
            }
        }
        return runLength;
    }

    private void mergeCollapse() {
        while (stackSize > 1) {
            int n = stackSize - 2;
            if (!invariant(n + 1) || !invariant(n)) {
                if (runLen[n - 1] < runLen[n + 1]) {
                    n--;
                }
                mergeAt(n);
            } else if (runLen[n] <= runLen[n + 1]) {
                mergeAt(n);
            } else {
                break;
            }
        }
    }

    private boolean invariant(int n) {
        if (n < 2) {
            return true;
        }
        return runLen[n - 2] > runLen[n - 1] + runLen[n];
    }

    private void mergeAt(int i) {
        int baseA = runBase[i];
        int lenA = runLen[i];
        int baseB = runBase[i + 1];
        int lenB = runLen[i + 1];
        runLen[i] = lenA + lenB;
        if (i == stackSize - 3) {
            runBase[i + 1] = runBase[i + 2];
            runLen[i + 1] = runLen[i + 2];
        }
        stackSize--;
        int k = gallopRight(v, ix, v[baseB], ix[baseB], baseA, lenA, 0);
        baseA += k;
        lenA -= k;
        if (lenA == 0) {
            return;
        }
        lenB = gallopLeft(v, ix, v[baseA + lenA - 1], ix[baseA + lenA - 1], baseB, lenB, lenB - 1);
        if (lenB == 0) {
            return;
        }
        if (lenA <= lenB) {
            mergeLow(baseA, lenA, baseB, lenB);
        } else {
            mergeHigh(baseA, lenA, baseB, lenB);
        }
    }

    /** Leftmost position in a[base, base + length) where the key belongs (after equal elements' left). */
    private static int gallopLeft(double[] av, int[] ai, double kv, int ki, int base, int length, int hint) {
        int lastOfs = 0;
        int offset = 1;
        if (order(av[base + hint], ai[base + hint], kv, ki) < 0) {
            int maxOfs = length - hint;
            while (offset < maxOfs) {
                if (order(av[base + hint + offset], ai[base + hint + offset], kv, ki) >= 0) {
                    break;
                }
                lastOfs = offset;
                offset = (offset << 1) + 1;
                if (offset <= 0) {
                    offset = maxOfs;
                }
            }
            if (offset > maxOfs) {
                offset = maxOfs;
            }
            lastOfs += hint;
            offset += hint;
        } else {
            int maxOfs = hint + 1;
            while (offset < maxOfs) {
                if (order(av[base + hint - offset], ai[base + hint - offset], kv, ki) < 0) {
                    break;
                }
                lastOfs = offset;
                offset = (offset << 1) + 1;
                if (offset <= 0) {
                    offset = maxOfs;
                }
            }
            if (offset > maxOfs) {
                offset = maxOfs;
            }
            int tmp = lastOfs;
            lastOfs = hint - offset;
            offset = hint - tmp;
        }
        lastOfs++;
        while (lastOfs < offset) {
            int m = lastOfs + ((offset - lastOfs) >> 1);
            if (order(av[base + m], ai[base + m], kv, ki) < 0) {
                lastOfs = m + 1;
            } else {
                offset = m;
            }
        }
        return offset;
    }

    /** Rightmost position in a[base, base + length) where the key belongs (after equal elements). */
    private static int gallopRight(double[] av, int[] ai, double kv, int ki, int base, int length, int hint) {
        int lastOfs = 0;
        int offset = 1;
        if (order(kv, ki, av[base + hint], ai[base + hint]) < 0) {
            int maxOfs = hint + 1;
            while (offset < maxOfs) {
                if (order(kv, ki, av[base + hint - offset], ai[base + hint - offset]) >= 0) {
                    break;
                }
                lastOfs = offset;
                offset = (offset << 1) + 1;
                if (offset <= 0) {
                    offset = maxOfs;
                }
            }
            if (offset > maxOfs) {
                offset = maxOfs;
            }
            int tmp = lastOfs;
            lastOfs = hint - offset;
            offset = hint - tmp;
        } else {
            int maxOfs = length - hint;
            while (offset < maxOfs) {
                if (order(kv, ki, av[base + hint + offset], ai[base + hint + offset]) < 0) {
                    break;
                }
                lastOfs = offset;
                offset = (offset << 1) + 1;
                if (offset <= 0) {
                    offset = maxOfs;
                }
            }
            if (offset > maxOfs) {
                offset = maxOfs;
            }
            lastOfs += hint;
            offset += hint;
        }
        lastOfs++;
        while (lastOfs < offset) {
            int m = lastOfs + ((offset - lastOfs) >> 1);
            if (order(kv, ki, av[base + m], ai[base + m]) < 0) {
                offset = m;
            } else {
                lastOfs = m + 1;
            }
        }
        return offset;
    }

    private void ensureTemp(int n) {
        if (tv.length < n) {
            tv = new double[n];
            ti = Cpu.newInts(n);
        }
    }

    private void mergeLow(int baseA, int lengthA, int baseB, int lengthB) {
        ensureTemp(lengthA);
        System.arraycopy(v, baseA, tv, 0, lengthA);
        System.arraycopy(ix, baseA, ti, 0, lengthA);
        int dest = baseA;
        int cursorTemp = 0;
        int cursorB = baseB;
        v[dest] = v[cursorB];
        ix[dest++] = ix[cursorB++];
        boolean copyB = false;
        body: {
            if (--lengthB == 0) {
                break body;
            }
            if (lengthA == 1) {
                copyB = true;
                break body;
            }
            int mg = minGallop;
            while (true) {
                int winsA = 0;
                int winsB = 0;
                while (true) {
                    if (order(v[cursorB], ix[cursorB], tv[cursorTemp], ti[cursorTemp]) < 0) {
                        v[dest] = v[cursorB];
                        ix[dest++] = ix[cursorB++];
                        winsB++;
                        lengthB--;
                        winsA = 0;
                        if (lengthB == 0) {
                            break body;
                        }
                        if (winsB >= mg) {
                            break;
                        }
                    } else {
                        v[dest] = tv[cursorTemp];
                        ix[dest++] = ti[cursorTemp++];
                        winsA++;
                        lengthA--;
                        winsB = 0;
                        if (lengthA == 1) {
                            copyB = true;
                            break body;
                        }
                        if (winsA >= mg) {
                            break;
                        }
                    }
                }
                mg++;
                boolean first = true;
                while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
                    first = false;
                    mg = Math.max(1, mg - 1);
                    minGallop = mg;
                    winsA = gallopRight(tv, ti, v[cursorB], ix[cursorB], cursorTemp, lengthA, 0);
                    if (winsA > 0) {
                        System.arraycopy(tv, cursorTemp, v, dest, winsA);
                        System.arraycopy(ti, cursorTemp, ix, dest, winsA);
                        dest += winsA;
                        cursorTemp += winsA;
                        lengthA -= winsA;
                        if (lengthA == 1) {
                            copyB = true;
                            break body;
                        }
                        if (lengthA == 0) {
                            break body;
                        }
                    }
                    v[dest] = v[cursorB];
                    ix[dest++] = ix[cursorB++];
                    if (--lengthB == 0) {
                        break body;
                    }
                    winsB = gallopLeft(v, ix, tv[cursorTemp], ti[cursorTemp], cursorB, lengthB, 0);
                    if (winsB > 0) {
                        System.arraycopy(v, cursorB, v, dest, winsB);
                        System.arraycopy(ix, cursorB, ix, dest, winsB);
                        dest += winsB;
                        cursorB += winsB;
                        lengthB -= winsB;
                        if (lengthB == 0) {
                            break body;
                        }
                    }
                    v[dest] = tv[cursorTemp];
                    ix[dest++] = ti[cursorTemp++];
                    if (--lengthA == 1) {
                        copyB = true;
                        break body;
                    }
                }
                mg++;
                minGallop = mg;
            }
        }
        if (copyB) {
            System.arraycopy(v, cursorB, v, dest, lengthB);
            System.arraycopy(ix, cursorB, ix, dest, lengthB);
            v[dest + lengthB] = tv[cursorTemp];
            ix[dest + lengthB] = ti[cursorTemp];
        } else if (lengthA > 0) {
            System.arraycopy(tv, cursorTemp, v, dest, lengthA);
            System.arraycopy(ti, cursorTemp, ix, dest, lengthA);
        }
    }

    private void mergeHigh(int baseA, int lengthA, int baseB, int lengthB) {
        ensureTemp(lengthB);
        System.arraycopy(v, baseB, tv, 0, lengthB);
        System.arraycopy(ix, baseB, ti, 0, lengthB);
        int dest = baseB + lengthB - 1;
        int cursorTemp = lengthB - 1;
        int cursorA = baseA + lengthA - 1;
        v[dest] = v[cursorA];
        ix[dest--] = ix[cursorA--];
        boolean copyA = false;
        body: {
            if (--lengthA == 0) {
                break body;
            }
            if (lengthB == 1) {
                copyA = true;
                break body;
            }
            int mg = minGallop;
            while (true) {
                int winsA = 0;
                int winsB = 0;
                while (true) {
                    if (order(tv[cursorTemp], ti[cursorTemp], v[cursorA], ix[cursorA]) < 0) {
                        v[dest] = v[cursorA];
                        ix[dest--] = ix[cursorA--];
                        winsA++;
                        lengthA--;
                        winsB = 0;
                        if (lengthA == 0) {
                            break body;
                        }
                        if (winsA >= mg) {
                            break;
                        }
                    } else {
                        v[dest] = tv[cursorTemp];
                        ix[dest--] = ti[cursorTemp--];
                        winsB++;
                        lengthB--;
                        winsA = 0;
                        if (lengthB == 1) {
                            copyA = true;
                            break body;
                        }
                        if (winsB >= mg) {
                            break;
                        }
                    }
                }
                mg++;
                boolean first = true;
                while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
                    first = false;
                    mg = Math.max(1, mg - 1);
                    minGallop = mg;
                    int k = gallopRight(v, ix, tv[cursorTemp], ti[cursorTemp], baseA, lengthA, lengthA - 1);
                    winsA = lengthA - k;
                    if (winsA > 0) {
                        dest -= winsA;
                        cursorA -= winsA;
                        System.arraycopy(v, cursorA + 1, v, dest + 1, winsA);
                        System.arraycopy(ix, cursorA + 1, ix, dest + 1, winsA);
                        lengthA -= winsA;
                        if (lengthA == 0) {
                            break body;
                        }
                    }
                    v[dest] = tv[cursorTemp];
                    ix[dest--] = ti[cursorTemp--];
                    if (--lengthB == 1) {
                        copyA = true;
                        break body;
                    }
                    k = gallopLeft(tv, ti, v[cursorA], ix[cursorA], 0, lengthB, lengthB - 1);
                    winsB = lengthB - k;
                    if (winsB > 0) {
                        dest -= winsB;
                        cursorTemp -= winsB;
                        System.arraycopy(tv, cursorTemp + 1, v, dest + 1, winsB);
                        System.arraycopy(ti, cursorTemp + 1, ix, dest + 1, winsB);
                        lengthB -= winsB;
                        if (lengthB == 1) {
                            copyA = true;
                            break body;
                        }
                        if (lengthB == 0) {
                            break body;
                        }
                    }
                    v[dest] = v[cursorA];
                    ix[dest--] = ix[cursorA--];
                    if (--lengthA == 0) {
                        break body;
                    }
                }
                mg++;
                minGallop = mg;
            }
        }
        if (copyA) {
            dest -= lengthA;
            cursorA -= lengthA;
            System.arraycopy(v, cursorA + 1, v, dest + 1, lengthA);
            System.arraycopy(ix, cursorA + 1, ix, dest + 1, lengthA);
            v[dest] = tv[cursorTemp];
            ix[dest] = ti[cursorTemp];
        } else if (lengthB > 0) {
            System.arraycopy(tv, 0, v, dest - (lengthB - 1), lengthB);
            System.arraycopy(ti, 0, ix, dest - (lengthB - 1), lengthB);
        }
    }
}
