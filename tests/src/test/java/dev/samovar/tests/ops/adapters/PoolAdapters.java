package dev.samovar.tests.ops.adapters;

/** Java API calls for the pool op cases. */
public final class PoolAdapters {
    private PoolAdapters() {
    }

    public static void install() {
    }
}
