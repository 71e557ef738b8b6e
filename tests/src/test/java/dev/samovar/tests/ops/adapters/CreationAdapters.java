package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Creation;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot, random*. */
public final class CreationAdapters {
    private CreationAdapters() {
    }

    public static void install() {
        registerWithMethod("zerosLike", a -> Creation.zerosLike(a.t(0)));
        registerWithMethod("onesLike", a -> Creation.onesLike(a.t(0)));
    }
}
