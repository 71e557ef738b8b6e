package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;

/** Binary arithmetic with broadcasting: tf.add, sub, mul, div, ... */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** Checks, type-matches and runs a broadcasting binary kernel. */
    static Tensor binary(String op, String kernel, Tensor a, Tensor b) {
        OpSupport.check(a, "a", op);
        OpSupport.check(b, "b", op);
        return OpSupport.op(op, () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            return OpSupport.run(kernel, Attrs.EMPTY, ab[0], ab[1]);
        });
    }

    /** a + b, elementwise with broadcasting. */
    public static Tensor add(Tensor a, Tensor b) {
        return binary("add", "Add", a, b);
    }

    /** a - b, elementwise with broadcasting. */
    public static Tensor sub(Tensor a, Tensor b) {
        return binary("sub", "Sub", a, b);
    }

    /** a * b, elementwise with broadcasting. */
    public static Tensor mul(Tensor a, Tensor b) {
        return binary("mul", "Multiply", a, b);
    }

    /** a / b; for two int32 tensors this is floor division, as in TF.js. */
    public static Tensor div(Tensor a, Tensor b) {
        OpSupport.check(a, "a", "div");
        OpSupport.check(b, "b", "div");
        return OpSupport.op("div", () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            if (ab[0].dtype() == DType.INT32 && ab[1].dtype() == DType.INT32) {
                return OpSupport.run("FloorDiv", Attrs.EMPTY, ab[0], ab[1]);
            }
            return OpSupport.run("RealDiv", Attrs.EMPTY, ab[0], ab[1]);
        });
    }
}
