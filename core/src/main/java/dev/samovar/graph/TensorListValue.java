package dev.samovar.graph;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/** A TensorList of the TensorList* ops (TF.js's TensorList): elements, element shape, dtype, max size. */
final class TensorListValue {
    final List<Tensor> items = new ArrayList<>();
    /** Null for unknown rank; -1 for an unknown dimension. */
    int[] elementShape;
    String dtype;
    int maxElements = -1;

    private static int[] merge(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("Incompatible ranks during merge: " + a.length + " vs. " + b.length);
        }
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
                throw new IllegalArgumentException("Incompatible shape during merge: " + GraphModel.join(a) + " vs. "
                        + GraphModel.join(b));
            }
            out[i] = a[i] >= 0 ? a[i] : b[i];
        }
        return out;
    }

    private static boolean fullyDefined(int[] s) {
        if (s == null) {
            return false;
        }
        for (int d : s) {
            if (d < 0) {
                return false;
            }
        }
        return true;
    }

    /** TF.js's inferElementShape. */
    int[] inferElementShape(int[] requested) {
        int[] partial = merge(elementShape, requested);
        if (!fullyDefined(partial)) {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("Tried to calculate elements of an empty list with non-fully-defined "
                        + "elementShape: " + (partial == null ? "-1" : GraphModel.join(partial)));
            }
            for (Tensor t : items) {
                if (t != null) {
                    partial = merge(t.shape(), partial);
                }
            }
        }
        if (!fullyDefined(partial)) {
            throw new IllegalArgumentException("Non-fully-defined elementShape: "
                    + (partial == null ? "-1" : GraphModel.join(partial)));
        }
        return partial;
    }
}
