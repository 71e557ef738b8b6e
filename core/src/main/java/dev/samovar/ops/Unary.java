package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.Tensor;

/** Elementwise math and activations: tf.exp, relu, ... */
public final class Unary {
    private Unary() {
    }

    /** e^x; int32 and bool inputs give float32. */
    public static Tensor exp(Tensor x) {
        OpSupport.check(x, "x", "exp");
        return OpSupport.run("Exp", Attrs.EMPTY, x);
    }

    /** max(x, 0); keeps the dtype. */
    public static Tensor relu(Tensor x) {
        OpSupport.check(x, "x", "relu");
        return OpSupport.run("Relu", Attrs.EMPTY, x);
    }
}
