package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.JsNumber;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Composite;
import dev.samovar.ops.Einsum;
import dev.samovar.ops.Sampling;
import dev.samovar.tests.ops.Args;
import java.util.List;
import java.util.Map;

/** tf.diag, dropout, multinomial, randomUniformInt, meshgrid, movingAverage, ensureShape, einsum, basicLSTMCell. */
public final class MiscAdapters {
    private MiscAdapters() {
    }

    /** A seed argument as its JavaScript text (null when absent). */
    static String seed(Args a, int i) {
        Object v = a.get(i);
        if (v == null) {
            return null;
        }
        return v instanceof Number ? JsNumber.toString(((Number) v).doubleValue()) : String.valueOf(v);
    }

    /** A shape with nulls (Composite.ANY there). */
    static int[] shapeWithNulls(Object v) {
        if (v == null) {
            return null;
        }
        List<?> l = (List<?>) v;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) == null ? Composite.ANY : ((Number) l.get(i)).intValue();
        }
        return out;
    }

    public static void install() {
        register("diag", a -> Composite.diag(a.t(0)));
        register("dropout", a -> Sampling.dropout(a.t(0), a.d(1, 0), shapeWithNulls(a.get(2)), seed(a, 3)));
        register("multinomial", a -> {
            Object s = a.get(2);
            boolean falsy = s == null || (s instanceof Number && ((Number) s).doubleValue() == 0) || "".equals(s);
            return Sampling.multinomial(a.t(0), a.i(1, 0), falsy ? null : seed(a, 2), a.b(3, false));
        });
        register("randomUniformInt", a -> Sampling.randomUniformInt(a.ints(0), a.d(1, 0), a.d(2, 0), seed(a, 3)));
        register("meshgrid", a -> {
            Tensor x = a.t(0);
            Tensor y = a.has(1) ? a.t(1) : null;
            Map<String, Object> opts = a.has(2) ? a.opts(2) : null;
            return Composite.meshgrid(x, y, opts == null ? null : (String) opts.get("indexing"));
        });
        register("movingAverage", a -> {
            boolean zeroDebias = a.b(4, true);
            return Composite.movingAverage(a.t(0), a.t(1), a.t(2), zeroDebias && a.has(3) ? a.t(3) : null, zeroDebias);
        });
        register("ensureShape", a -> Composite.ensureShape(a.t(0), shapeWithNulls(a.get(1))));
        register("einsum", a -> {
            Tensor[] ts = new Tensor[a.size() - 1];
            for (int i = 1; i < a.size(); i++) {
                ts[i - 1] = a.t(i);
            }
            return Einsum.einsum(a.s(0, null), ts);
        });
        register("broadcastArgs", a -> Composite.broadcastArgs(a.t(0, dev.samovar.core.DType.INT32),
                a.t(1, dev.samovar.core.DType.INT32)));
        register("upcastType", a -> dev.samovar.tests.ops.JavaOps.JS_ONLY);
        register("sumOutType", a -> dev.samovar.tests.ops.JavaOps.JS_ONLY);
        register("basicLSTMCell", a -> Composite.basicLSTMCell(a.t(0), a.t(1), a.t(2), a.t(3), a.t(4), a.t(5)));
    }
}
