package dev.samovar.tests.ops.adapters;

/** Java API calls for the random op cases. */
public final class RandomAdapters {
    private RandomAdapters() {
    }

    public static void install() {
    }
}
