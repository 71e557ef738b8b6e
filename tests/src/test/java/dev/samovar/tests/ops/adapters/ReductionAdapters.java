package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;
import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import dev.samovar.tests.ops.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reductions, scans and topk. */
public final class ReductionAdapters {
    private ReductionAdapters() {
    }

    /** A reduction taking (x, axis, keepDims). */
    @FunctionalInterface
    private interface Reducer {
        Tensor apply(Tensor x, int[] axis, boolean keepDims);
    }

    public static void install() {
        reducer("sum", Reduction::sum, null);
        reducer("mean", Reduction::mean, null);
        reducer("prod", Reduction::prod, null);
        reducer("max", Reduction::max, null);
        reducer("min", Reduction::min, null);
        reducer("logSumExp", Reduction::logSumExp, null);
        reducer("any", Reduction::any, DType.BOOL);
        reducer("all", Reduction::all, DType.BOOL);
        reducer("euclideanNorm", Reduction::euclideanNorm, null);
        registerWithMethod("argMax", a -> {
            Tensor x = a.t(0);
            return Reduction.argMax(x, a.size() > 1 ? axes(a, 1, x) : new int[] {0});
        });
        registerWithMethod("argMin", a -> {
            Tensor x = a.t(0);
            return Reduction.argMin(x, a.size() > 1 ? axes(a, 1, x) : new int[] {0});
        });
        register("moments", a -> {
            Tensor x = a.t(0);
            Reduction.Moments m = Reduction.moments(x, axes(a, 1, x), a.b(2, false));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mean", m.mean());
            out.put("variance", m.variance());
            return out;
        });
        registerWithMethod("norm", a -> {
            Tensor x = a.t(0);
            Object ord = a.size() > 1 ? a.get(1) : "euclidean";
            int[] axis = axes(a, 2, x);
            boolean keepDims = a.b(3, false);
            if (ord instanceof Number) {
                return Reduction.norm(x, ((Number) ord).doubleValue(), axis, keepDims);
            }
            return Reduction.norm(x, ord == null ? null : String.valueOf(ord), axis, keepDims);
        });
        registerWithMethod("cumsum", a -> Reduction.cumsum(a.t(0), a.i(1, 0), a.b(2, false), a.b(3, false)));
        registerWithMethod("cumprod", a -> Reduction.cumprod(a.t(0), a.i(1, 0), a.b(2, false), a.b(3, false)));
        registerWithMethod("topk", a -> {
            Reduction.TopK r = Reduction.topk(a.t(0), a.i(1, 1), a.b(2, true));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("values", r.values());
            out.put("indices", r.indices());
            return out;
        });
    }

    private static void reducer(String name, Reducer op, DType parseAs) {
        registerWithMethod(name, a -> {
            Tensor x = parseAs == null ? a.t(0) : a.t(0, parseAs);
            if (parseAs != null) {
                OpSupport.checkDtype(x, "x", name, parseAs);
            }
            return op.apply(x, axes(a, 1, x), a.b(2, false));
        });
    }

    /** Argument i as TF.js's axis param (a number, a list of numbers or null), checked as TF.js does. */
    private static int[] axes(Args a, int i, Tensor x) {
        Object v = a.get(i);
        if (v == null) {
            return null;
        }
        double[] d;
        if (v instanceof Number) {
            d = new double[] {((Number) v).doubleValue()};
        } else {
            List<?> l = (List<?>) v;
            d = new double[l.size()];
            for (int k = 0; k < d.length; k++) {
                d[k] = ((Number) l.get(k)).doubleValue();
            }
        }
        return Reduction.axisParam(d, x.rank());
    }
}
