package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Linalg;

/** Linear algebra. */
public final class LinalgAdapters {
    private LinalgAdapters() {
    }

    public static void install() {
        registerWithMethod("matMul", a -> Linalg.matMul(a.t(0), a.t(1), a.b(2, false), a.b(3, false)));
        registerWithMethod("dot", a -> Linalg.dot(a.t(0), a.t(1)));
        register("outerProduct", a -> Linalg.outerProduct(a.t(0), a.t(1)));
    }
}
