package dev.samovar.data;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's {@code deepBatchConcat}: rows of one structure into one structure of batched tensors.
 * Tensors are stacked ({@code tf.stack}); numbers, booleans and (nested) lists or arrays of numbers
 * become one tensor ({@code tf.tensor(rows)}: float32 for numbers, bool for booleans); maps are
 * batched key by key (the keys of the first row).
 */
public final class Batching {
    private Batching() {
    }

    public static Object concat(List<?> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Can't make a batch of zero elements.");
        }
        Object first = rows.get(0);
        if (first instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object key : ((Map<?, ?>) first).keySet()) {
                List<Object> column = new ArrayList<>();
                for (Object r : rows) {
                    column.add(r == null ? null : ((Map<?, ?>) r).get(key));
                }
                out.put(key, concat(column));
            }
            return out;
        }
        if (first instanceof Tensor) {
            Tensor[] ts = new Tensor[rows.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = (Tensor) rows.get(i);
            }
            return Transform.stack(ts, 0);
        }
        List<Integer> shape = new ArrayList<>();
        shape.add(rows.size());
        Object probe = first;
        while (true) {
            int n = length(probe);
            if (n < 0) {
                break;
            }
            shape.add(n);
            probe = n == 0 ? null : element(probe, 0);
        }
        List<Object> flat = new ArrayList<>();
        for (Object r : rows) {
            flatten(r, flat);
        }
        int[] dims = new int[shape.size()];
        long size = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.get(i);
            size *= dims[i];
        }
        if (size != flat.size()) {
            throw new IllegalArgumentException("Element arr[" + (flat.size() < size ? "..." : "0")
                    + "] should be a primitive, but is an array of " + flat.size() + " elements");
        }
        boolean bool = probe instanceof Boolean;
        if (bool) {
            boolean[] v = new boolean[flat.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Boolean.TRUE.equals(flat.get(i));
            }
            return Creation.tensor(v, dims);
        }
        boolean ints = first instanceof int[];
        if (ints) {
            int[] v = new int[flat.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) flat.get(i)).intValue();
            }
            return Creation.tensor(v, dims, DType.INT32);
        }
        float[] v = new float[flat.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = flat.get(i);
            if (o instanceof String) {
                throw new IllegalArgumentException("string tensors are not supported by samovar yet: use float32, int32 or bool");
            }
            v[i] = o == null ? Float.NaN : o instanceof Boolean ? (((Boolean) o) ? 1 : 0) : ((Number) o).floatValue();
        }
        return Creation.tensor(v, dims);
    }

    private static int length(Object x) {
        if (x instanceof List) {
            return ((List<?>) x).size();
        }
        if (x instanceof float[]) {
            return ((float[]) x).length;
        }
        if (x instanceof double[]) {
            return ((double[]) x).length;
        }
        if (x instanceof int[]) {
            return ((int[]) x).length;
        }
        return -1;
    }

    private static Object element(Object x, int i) {
        if (x instanceof List) {
            return ((List<?>) x).get(i);
        }
        if (x instanceof float[]) {
            return ((float[]) x)[i];
        }
        if (x instanceof double[]) {
            return ((double[]) x)[i];
        }
        return ((int[]) x)[i];
    }

    private static void flatten(Object x, List<Object> out) {
        int n = length(x);
        if (n < 0) {
            out.add(x);
            return;
        }
        for (int i = 0; i < n; i++) {
            flatten(element(x, i), out);
        }
    }
}
