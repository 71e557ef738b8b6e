package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Unary;

/** Elementwise math and activations. */
public final class UnaryAdapters {
    private UnaryAdapters() {
    }

    public static void install() {
        registerWithMethod("exp", a -> Unary.exp(a.t(0)));
        registerWithMethod("relu", a -> Unary.relu(a.t(0)));
    }
}
