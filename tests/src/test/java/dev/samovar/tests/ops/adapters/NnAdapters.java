package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;
import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.ops.Nn;

/** Java API calls for the nn op cases. */
public final class NnAdapters {
    private NnAdapters() {
    }

    public static void install() {
        registerWithMethod("softmax", a -> Nn.softmax(a.t(0), a.i(1, -1)));
        registerWithMethod("logSoftmax", a -> Nn.logSoftmax(a.t(0), a.i(1, -1)));
        registerWithMethod("batchNorm", a -> Nn.batchNorm(a.t(0), a.t(1), a.t(2), a.t(3), a.t(4), a.d(5, 0.001)));
        register("batchNorm2d", a -> Nn.batchNorm2d(a.t(0), a.t(1), a.t(2), a.t(3), a.t(4), a.d(5, 0.001)));
        register("batchNorm3d", a -> Nn.batchNorm3d(a.t(0), a.t(1), a.t(2), a.t(3), a.t(4), a.d(5, 0.001)));
        register("batchNorm4d", a -> Nn.batchNorm4d(a.t(0), a.t(1), a.t(2), a.t(3), a.t(4), a.d(5, 0.001)));
        registerWithMethod("localResponseNormalization", a -> Nn.localResponseNormalization(a.t(0), a.d(1, 5),
                a.d(2, 1), a.d(3, 1), a.d(4, 0.5)));
    }
}
