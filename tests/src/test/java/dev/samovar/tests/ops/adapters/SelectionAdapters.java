package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Selection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Data-dependent ops (the async ones are synchronous in Java). */
public final class SelectionAdapters {
    private SelectionAdapters() {
    }

    static Map<String, Object> valuesIndices(Tensor[] r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", r[0]);
        m.put("indices", r[1]);
        return m;
    }

    public static void install() {
        register("whereAsync", a -> Selection.where(a.t(0, DType.BOOL)));
        register("booleanMaskAsync", a -> Selection.booleanMask(a.t(0), a.t(1, DType.BOOL),
                a.has(2) ? Integer.valueOf(a.i(2, 0)) : null));
        register("setdiff1dAsync", a -> Selection.setdiff1d(a.t(0), a.t(1)));
        registerWithMethod("unique", a -> valuesIndices(Selection.unique(a.t(0), a.i(1, 0))));
        register("inTopKAsync", a -> Selection.inTopK(a.t(0), a.t(1), a.i(2, 1)));
    }
}
