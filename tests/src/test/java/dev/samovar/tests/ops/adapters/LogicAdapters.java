package dev.samovar.tests.ops.adapters;

/** Java API calls for the logic op cases. */
public final class LogicAdapters {
    private LogicAdapters() {
    }

    public static void install() {
    }
}
