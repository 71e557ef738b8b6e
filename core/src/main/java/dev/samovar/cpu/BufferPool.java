package dev.samovar.cpu;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reuses the arrays of disposed tensors. A fresh large typed array costs a page fault per 4 KB on
 * first write (in Chromium here about 3 ms per MB), far more than the arithmetic of most kernels;
 * a recycled one is already mapped. Only arrays of at least {@link #MIN_LENGTH} elements are
 * pooled, at most {@link #MAX_BYTES} in all.
 *
 * <p>An array is recycled only when it is certainly unused: the buffers of all tensors that hold it
 * were freed (a kernel may hand one array to two buffers), and no view of it left the engine (the
 * JS API's dataSync() returns the buffer itself, as TF.js's cpu backend does).
 */
final class BufferPool {
    static final int MIN_LENGTH = 1 << 14;
    static final long MAX_BYTES = 64L << 20;

    private final Map<Integer, ArrayDeque<float[]>> floats = new HashMap<>();
    private final Map<Integer, ArrayDeque<int[]>> ints = new HashMap<>();
    /** Large arrays held by live buffers: {number of buffers holding it, exposed (0/1)}. */
    private final Map<Object, int[]> owners = new IdentityHashMap<>();
    private double pooledBytes;

    private static int length(Object a) {
        return a instanceof float[] ? ((float[]) a).length : ((int[]) a).length;
    }

    /** A buffer now holds {@code values}. */
    void acquire(Object values) {
        if (length(values) < MIN_LENGTH) {
            return;
        }
        int[] o = owners.get(values);
        if (o == null) {
            owners.put(values, new int[] {1, 0});
        } else {
            o[0]++;
        }
    }

    /** A view of {@code values} left the engine: never reuse the array. */
    void expose(Object values) {
        int[] o = owners.get(values);
        if (o != null) {
            o[1] = 1;
        }
    }

    /** A buffer holding {@code values} was freed. */
    void release(Object values) {
        int n = length(values);
        if (n < MIN_LENGTH) {
            return;
        }
        int[] o = owners.get(values);
        if (o == null) {
            return;
        }
        if (--o[0] > 0) {
            return;
        }
        owners.remove(values);
        if (o[1] != 0 || pooledBytes + 4.0 * n > MAX_BYTES) {
            return;
        }
        pooledBytes += 4.0 * n;
        if (values instanceof float[]) {
            floats.computeIfAbsent(n, k -> new ArrayDeque<>()).push((float[]) values);
        } else {
            ints.computeIfAbsent(n, k -> new ArrayDeque<>()).push((int[]) values);
        }
    }

    /** A zeroed float array of length n, recycled where one is pooled. */
    float[] newFloats(int n) {
        if (n >= MIN_LENGTH) {
            ArrayDeque<float[]> q = floats.get(n);
            if (q != null && !q.isEmpty()) {
                float[] a = q.pop();
                pooledBytes -= 4.0 * n;
                zero(a);
                return a;
            }
        }
        return new float[n];
    }

    /** A zeroed int array of length n, recycled where one is pooled. */
    int[] newInts(int n) {
        if (n >= MIN_LENGTH) {
            ArrayDeque<int[]> q = ints.get(n);
            if (q != null && !q.isEmpty()) {
                int[] a = q.pop();
                pooledBytes -= 4.0 * n;
                zero(a);
                return a;
            }
        }
        return new int[n];
    }

    /** Unrolled by eight: TeaVM re-reads the array wrapper once per basic block. */
    private static void zero(float[] a) {
        int n = a.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            a[i] = 0;
            a[i + 1] = 0;
            a[i + 2] = 0;
            a[i + 3] = 0;
            a[i + 4] = 0;
            a[i + 5] = 0;
            a[i + 6] = 0;
            a[i + 7] = 0;
        }
        for (; i < n; i++) {
            a[i] = 0;
        }
    }

    private static void zero(int[] a) {
        int n = a.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            a[i] = 0;
            a[i + 1] = 0;
            a[i + 2] = 0;
            a[i + 3] = 0;
            a[i + 4] = 0;
            a[i + 5] = 0;
            a[i + 6] = 0;
            a[i + 7] = 0;
        }
        for (; i < n; i++) {
            a[i] = 0;
        }
    }

    /** Bytes held for reuse. */
    double pooledBytes() {
        return pooledBytes;
    }

    void clear() {
        floats.clear();
        ints.clear();
        pooledBytes = 0;
    }
}
