package dev.samovar.tests.ops.adapters;

/** Java API calls for the fused op cases. */
public final class FusedAdapters {
    private FusedAdapters() {
    }

    public static void install() {
    }
}
