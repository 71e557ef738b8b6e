package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Pool;
import dev.samovar.tests.ops.Args;

/** Java API calls for the pool op cases. */
public final class PoolAdapters {
    private PoolAdapters() {
    }

    public static void install() {
        registerWithMethod("maxPool", a -> Pool.maxPool(a.t(0), a.ints(1), Args.intsOf(a.get(2)),
                ConvAdapters.pad(a.get(3)), a.s(4, null)));
        registerWithMethod("avgPool", a -> Pool.avgPool(a.t(0), a.ints(1), Args.intsOf(a.get(2)),
                ConvAdapters.pad(a.get(3)), a.s(4, null)));
        registerWithMethod("pool", a -> Pool.pool(a.t(0), a.ints(1), a.s(2, null), ConvAdapters.pad(a.get(3)),
                a.ints(4), a.ints(5), a.s(6, null)));
    }
}
