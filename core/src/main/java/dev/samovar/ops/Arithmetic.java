package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import java.util.List;

/**
 * Binary arithmetic with broadcasting: tf.add, sub, mul, div, pow, maximum, ..., and addN. Both
 * operands are first cast to the wider of their dtypes (bool &lt; int32 &lt; float32), as TF.js's
 * makeTypesMatch does; the result has that dtype, except floorDiv (always int32).
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** Checks, type-matches and runs a broadcasting binary kernel. */
    static Tensor binary(String op, String kernel, Tensor a, Tensor b) {
        return binary(op, kernel, a, b, "a", "b");
    }

    private static Tensor binary(String op, String kernel, Tensor a, Tensor b, String argA, String argB) {
        OpSupport.check(a, argA, op);
        OpSupport.check(b, argB, op);
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
        return OpSupport.op("div", () -> divMatched(OpSupport.makeTypesMatch(a, b)));
    }

    private static Tensor divMatched(Tensor[] ab) {
        if (ab[0].dtype() == DType.INT32 && ab[1].dtype() == DType.INT32) {
            return OpSupport.run("FloorDiv", Attrs.EMPTY, ab[0], ab[1]);
        }
        return OpSupport.run("RealDiv", Attrs.EMPTY, ab[0], ab[1]);
    }

    /** a / b, with 0 wherever b is 0 (even for 0/0 and x/0). */
    public static Tensor divNoNan(Tensor a, Tensor b) {
        // TF.js names the op 'div' in its argument checks.
        OpSupport.check(a, "a", "div");
        OpSupport.check(b, "b", "div");
        return OpSupport.op("divNoNan", () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            Tensor quotient = divMatched(ab);
            Tensor zeros = Creation.zerosLike(quotient);
            Tensor bIsZero = Logic.equal(ab[1], zeros);
            return Logic.where(bIsZero, zeros, quotient);
        });
    }

    /** floor(a / b); the result is int32 whatever the inputs' dtype, as in TF.js. */
    public static Tensor floorDiv(Tensor a, Tensor b) {
        return binary("floorDiv", "FloorDiv", a, b);
    }

    /** The remainder of a / b with the sign of b (floor modulo). */
    public static Tensor mod(Tensor a, Tensor b) {
        return binary("mod", "Mod", a, b);
    }

    /** base ^ exp, elementwise with broadcasting. */
    public static Tensor pow(Tensor base, Tensor exp) {
        return binary("pow", "Pow", base, exp, "base", "exp");
    }

    /** The larger of a and b (NaN if either is NaN); bool inputs give int32. */
    public static Tensor maximum(Tensor a, Tensor b) {
        return minMax("maximum", "Maximum", a, b);
    }

    /** The smaller of a and b (NaN if either is NaN); bool inputs give int32. */
    public static Tensor minimum(Tensor a, Tensor b) {
        return minMax("minimum", "Minimum", a, b);
    }

    private static Tensor minMax(String op, String kernel, Tensor a, Tensor b) {
        OpSupport.check(a, "a", op);
        OpSupport.check(b, "b", op);
        return OpSupport.op(op, () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            if (ab[0].dtype() == DType.BOOL) {
                ab[0] = Transform.cast(ab[0], DType.INT32);
                ab[1] = Transform.cast(ab[1], DType.INT32);
            }
            return OpSupport.run(kernel, Attrs.EMPTY, ab[0], ab[1]);
        });
    }

    /** (a - b)^2, elementwise with broadcasting. */
    public static Tensor squaredDifference(Tensor a, Tensor b) {
        return binary("squaredDifference", "SquaredDifference", a, b);
    }

    /** The angle of the point (b, a): atan(a / b) in the right quadrant. */
    public static Tensor atan2(Tensor a, Tensor b) {
        return binary("atan2", "Atan2", a, b);
    }

    /** x AND y, bit by bit, for two int32 tensors of the same shape (no broadcasting). */
    public static Tensor bitwiseAnd(Tensor x, Tensor y) {
        OpSupport.check(x, "x", "bitwiseAnd");
        OpSupport.check(y, "y", "bitwiseAnd");
        if (!Shapes.equal(x.shapeRef(), y.shapeRef())) {
            throw new IllegalArgumentException("BitwiseAnd: Tensors must have the same shape. x: "
                    + Shapes.join(x.shapeRef()) + ", y: " + Shapes.join(y.shapeRef()));
        }
        if (x.dtype() != DType.INT32 || y.dtype() != DType.INT32) {
            throw new IllegalArgumentException("BitwiseAnd: Only supports 'int32' values in tensor, found type of x: "
                    + x.dtype() + " and type of y: " + y.dtype());
        }
        return OpSupport.run("BitwiseAnd", Attrs.EMPTY, x, y);
    }

    /** The sum of tensors of one shape and dtype. */
    public static Tensor addN(Tensor... tensors) {
        OpSupport.require(tensors != null, "The argument passed to tf.addN() must be a list of tensors");
        OpSupport.require(tensors.length >= 1,
                "Must pass at least one tensor to tf.addN(), but got " + tensors.length);
        for (int i = 0; i < tensors.length; i++) {
            OpSupport.check(tensors[i], "tensors" + i, "addN");
        }
        Tensor first = tensors[0];
        for (Tensor t : tensors) {
            if (t.dtype() != first.dtype()) {
                throw new IllegalArgumentException("All tensors passed to tf.addN() must have the same dtype");
            }
        }
        for (Tensor t : tensors) {
            if (!Shapes.equal(t.shapeRef(), first.shapeRef())) {
                throw new IllegalArgumentException("All tensors passed to tf.addN() must have the same shape");
            }
        }
        return OpSupport.run("AddN", Attrs.EMPTY, tensors);
    }

    /** {@link #addN(Tensor...)} for a list. */
    public static Tensor addN(List<Tensor> tensors) {
        return addN(tensors == null ? null : tensors.toArray(new Tensor[0]));
    }
}
