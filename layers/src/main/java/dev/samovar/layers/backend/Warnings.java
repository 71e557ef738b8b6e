package dev.samovar.layers.backend;

import java.util.function.Consumer;

/**
 * Where TF.js's {@code console.warn} messages of the layers go: standard error on the JVM; the JS
 * API routes them to {@code console.warn}.
 */
public final class Warnings {
    private static Consumer<String> handler = msg -> System.err.println(msg);

    private Warnings() {
    }

    public static void warn(String message) {
        handler.accept(message);
    }

    /** Replaces the handler (null restores standard error). */
    public static void setHandler(Consumer<String> h) {
        handler = h != null ? h : msg -> System.err.println(msg);
    }
}
