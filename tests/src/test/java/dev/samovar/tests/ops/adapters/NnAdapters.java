package dev.samovar.tests.ops.adapters;

/** Java API calls for the nn op cases. */
public final class NnAdapters {
    private NnAdapters() {
    }

    public static void install() {
    }
}
