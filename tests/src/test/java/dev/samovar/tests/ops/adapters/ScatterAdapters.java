package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Scatter;
import dev.samovar.tests.ops.JavaOps;

/** Segment, scatter and search ops. */
public final class ScatterAdapters {
    private ScatterAdapters() {
    }

    public static void install() {
        registerWithMethod("unsortedSegmentSum", a -> {
            double n = a.d(2, 0);
            if (n % 1 != 0) {
                return JavaOps.JS_ONLY;
            }
            return Reduction.unsortedSegmentSum(a.t(0), a.t(1, DType.INT32), (int) n);
        });
        register("scatterND", a -> Scatter.scatterND(a.t(0, DType.INT32), a.t(1), a.ints(2)));
        register("sparseToDense", a -> {
            Tensor values = a.t(1);
            Tensor dflt = a.has(3) ? a.t(3, values.dtype()) : a.toTensor(0.0, values.dtype());
            return Scatter.sparseToDense(a.t(0, DType.INT32), values, a.ints(2), dflt);
        });
        register("tensorScatterUpdate", a -> Scatter.tensorScatterUpdate(a.t(0), a.t(1, DType.INT32), a.t(2)));
        register("searchSorted", a -> Scatter.searchSorted(a.t(0), a.t(1), a.s(2, "left")));
        register("lowerBound", a -> Scatter.lowerBound(a.t(0), a.t(1)));
        register("upperBound", a -> Scatter.upperBound(a.t(0), a.t(1)));
        register("bincount", a -> Scatter.bincount(a.t(0), a.t(1), a.i(2, 0)));
        register("denseBincount", a -> Scatter.denseBincount(a.t(0), a.t(1), a.i(2, 0), a.b(3, false)));
    }
}
