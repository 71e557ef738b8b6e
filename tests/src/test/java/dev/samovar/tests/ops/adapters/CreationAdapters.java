package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.JS_ONLY;
import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.ops.Creation;
import dev.samovar.tests.ops.Args;
import java.util.List;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot. */
public final class CreationAdapters {
    private CreationAdapters() {
    }

    public static void install() {
        registerWithMethod("zerosLike", a -> Creation.zerosLike(a.t(0)));
        registerWithMethod("onesLike", a -> Creation.onesLike(a.t(0)));
        register("fill", a -> {
            if (!integral(a.get(0))) {
                return JS_ONLY;
            }
            Object value = a.get(1);
            DType inferred = value instanceof Boolean ? DType.BOOL : DType.FLOAT32;
            double v = value instanceof Boolean ? ((Boolean) value ? 1 : 0) : a.d(1, 0);
            return Creation.fill(a.ints(0), v, a.dtype(2, inferred));
        });
        register("zeros", a -> Creation.zeros(a.ints(0), a.dtype(1, DType.FLOAT32)));
        register("ones", a -> Creation.ones(a.ints(0), a.dtype(1, DType.FLOAT32)));
        register("range", a -> Creation.range(a.d(0, 0), a.d(1, 0), a.d(2, 1), a.dtype(3, DType.FLOAT32)));
        register("linspace", a -> Creation.linspace(a.d(0, 0), a.d(1, 0), a.d(2, 0)));
        register("eye", a -> {
            if (!integral(a.get(0)) || !integral(a.get(1))) {
                return JS_ONLY;
            }
            int rows = a.i(0, 0);
            return Creation.eye(rows, a.i(1, rows), a.ints(2), a.dtype(3, DType.FLOAT32));
        });
        registerWithMethod("oneHot", CreationAdapters::oneHot);
    }

    /** Whether a number or list of numbers holds integers only (the Java API takes int shapes). */
    static boolean integral(Object v) {
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                if (!integral(o)) {
                    return false;
                }
            }
            return true;
        }
        return !(v instanceof Number) || ((Number) v).doubleValue() == Math.floor(((Number) v).doubleValue());
    }

    private static Object oneHot(Args a) {
        return Creation.oneHot(a.t(0, DType.INT32), a.i(1, 0), a.d(2, 1), a.d(3, 0), a.dtype(4, DType.INT32));
    }
}
