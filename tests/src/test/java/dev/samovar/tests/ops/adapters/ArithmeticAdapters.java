package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import java.util.List;

/** Binary arithmetic. */
public final class ArithmeticAdapters {
    private ArithmeticAdapters() {
    }

    public static void install() {
        registerWithMethod("add", a -> Arithmetic.add(a.t(0), a.t(1)));
        registerWithMethod("sub", a -> Arithmetic.sub(a.t(0), a.t(1)));
        registerWithMethod("mul", a -> Arithmetic.mul(a.t(0), a.t(1)));
        registerWithMethod("div", a -> Arithmetic.div(a.t(0), a.t(1)));
        registerWithMethod("divNoNan", a -> Arithmetic.divNoNan(a.t(0), a.t(1)));
        registerWithMethod("floorDiv", a -> Arithmetic.floorDiv(a.t(0), a.t(1)));
        registerWithMethod("mod", a -> Arithmetic.mod(a.t(0), a.t(1)));
        registerWithMethod("pow", a -> Arithmetic.pow(a.t(0), a.t(1)));
        registerWithMethod("maximum", a -> Arithmetic.maximum(a.t(0), a.t(1)));
        registerWithMethod("minimum", a -> Arithmetic.minimum(a.t(0), a.t(1)));
        registerWithMethod("squaredDifference", a -> Arithmetic.squaredDifference(a.t(0), a.t(1)));
        registerWithMethod("atan2", a -> Arithmetic.atan2(a.t(0), a.t(1)));
        register("bitwiseAnd", a -> Arithmetic.bitwiseAnd(a.t(0), a.t(1)));
        register("addN", a -> {
            if (!(a.get(0) instanceof List)) {
                return Arithmetic.addN((Tensor[]) null);
            }
            List<?> items = (List<?>) a.get(0);
            Tensor[] ts = new Tensor[items.size()];
            for (int i = 0; i < ts.length; i++) {
                ts[i] = a.toTensor(items.get(i), null);
            }
            return Arithmetic.addN(ts);
        });
    }
}
