package dev.samovar.tests.ops.adapters;

/** Java API calls for the conv op cases. */
public final class ConvAdapters {
    private ConvAdapters() {
    }

    public static void install() {
    }
}
