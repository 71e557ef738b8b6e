package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Arithmetic;

/** Binary arithmetic. */
public final class ArithmeticAdapters {
    private ArithmeticAdapters() {
    }

    public static void install() {
        registerWithMethod("add", a -> Arithmetic.add(a.t(0), a.t(1)));
        registerWithMethod("sub", a -> Arithmetic.sub(a.t(0), a.t(1)));
        registerWithMethod("mul", a -> Arithmetic.mul(a.t(0), a.t(1)));
        registerWithMethod("div", a -> Arithmetic.div(a.t(0), a.t(1)));
    }
}
