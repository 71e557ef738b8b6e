package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.JS_ONLY;
import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;

/** The Tensor itself: creation from JS values is JS-only; printing and reading are Java API too. */
public final class CoreAdapters {
    private CoreAdapters() {
    }

    public static void install() {
        for (String op : new String[] {"tensor", "scalar", "tensor1d", "tensor2d", "tensor3d", "tensor4d", "tensor5d",
            "tensor6d"}) {
            register(op, a -> JS_ONLY);
        }
        register(".toString", a -> a.t(0).toString(a.b(1, false)));
        register(".clone", a -> a.t(0).clone());
        register("clone", a -> a.t(0).clone());
        register(".arraySync", a -> {
            Tensor t = a.t(0);
            // TF.js gives bool values as 1/0 numbers; the Java API gives booleans.
            return t.dtype() == DType.BOOL ? boolsAsNumbers(t.arraySync()) : t.arraySync();
        });
    }

    private static Object boolsAsNumbers(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v instanceof boolean[]) {
            boolean[] b = (boolean[]) v;
            int[] out = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? 1 : 0;
            }
            return out;
        }
        Object[] o = (Object[]) v;
        Object[] out = new Object[o.length];
        for (int i = 0; i < o.length; i++) {
            out[i] = boolsAsNumbers(o[i]);
        }
        return out;
    }
}
