package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Reduction;

/** Reductions. */
public final class ReductionAdapters {
    private ReductionAdapters() {
    }

    public static void install() {
        registerWithMethod("sum", a -> Reduction.sum(a.t(0), a.ints(1), a.b(2, false)));
    }
}
