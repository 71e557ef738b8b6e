package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.ops.Transform;

/** Shape and layout ops. */
public final class TransformAdapters {
    private TransformAdapters() {
    }

    public static void install() {
        registerWithMethod("reshape", a -> Transform.reshape(a.t(0), a.ints(1)));
        registerWithMethod("transpose", a -> Transform.transpose(a.t(0), a.ints(1)));
        registerWithMethod("cast", a -> Transform.cast(a.t(0), DType.of(a.s(1, null))));
    }
}
