package dev.samovar.layers.serialization;

/**
 * JavaScript's {@code undefined} in a config map. TF.js's {@code getConfig()} keeps some fields
 * {@code undefined} (an unset seed) and others {@code null} (an absent regularizer); the JS API
 * reproduces the difference and {@link Pythonic#toPythonic} writes both as JSON {@code null}, as
 * TF.js does. Read config values through {@link Args}, which treats both as absent.
 */
public final class Undefined {
    /** The one value. */
    public static final Undefined INSTANCE = new Undefined();

    private Undefined() {
    }

    /** Whether v is null or undefined (JavaScript's {@code v == null}). */
    public static boolean isAbsent(Object v) {
        return v == null || v == INSTANCE;
    }

    /** v, or undefined when v is null (a field that is undefined unless set). */
    public static Object orUndefined(Object v) {
        return v == null ? INSTANCE : v;
    }

    @Override
    public String toString() {
        return "undefined";
    }
}
