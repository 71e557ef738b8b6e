package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * Comparisons, logical ops and selection: tf.equal, less, logicalAnd, where, ... Comparisons
 * type-match their operands as arithmetic does and give bool; the logical ops take bool tensors.
 * All broadcast.
 */
public final class Logic {
    private Logic() {
    }

    private static Tensor compare(String op, String kernel, Tensor a, Tensor b) {
        OpSupport.check(a, "a", op);
        OpSupport.check(b, "b", op);
        return OpSupport.op(op, () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            Shapes.broadcastShapes(ab[0].shapeRef(), ab[1].shapeRef());
            return OpSupport.run(kernel, Attrs.EMPTY, ab[0], ab[1]);
        });
    }

    /** a == b (NaN equals nothing); a bool tensor. */
    public static Tensor equal(Tensor a, Tensor b) {
        return compare("equal", "Equal", a, b);
    }

    /** a != b; a bool tensor. */
    public static Tensor notEqual(Tensor a, Tensor b) {
        return compare("notEqual", "NotEqual", a, b);
    }

    /** a &lt; b; a bool tensor. */
    public static Tensor less(Tensor a, Tensor b) {
        return compare("less", "Less", a, b);
    }

    /** a &lt;= b; a bool tensor. */
    public static Tensor lessEqual(Tensor a, Tensor b) {
        return compare("lessEqual", "LessEqual", a, b);
    }

    /** a &gt; b; a bool tensor. */
    public static Tensor greater(Tensor a, Tensor b) {
        return compare("greater", "Greater", a, b);
    }

    /** a &gt;= b; a bool tensor. */
    public static Tensor greaterEqual(Tensor a, Tensor b) {
        return compare("greaterEqual", "GreaterEqual", a, b);
    }

    private static Tensor logical(String op, String kernel, Tensor a, Tensor b) {
        OpSupport.checkDtype(a, "a", op, DType.BOOL);
        OpSupport.checkDtype(b, "b", op, DType.BOOL);
        return OpSupport.run(kernel, Attrs.EMPTY, a, b);
    }

    /** a AND b for bool tensors. */
    public static Tensor logicalAnd(Tensor a, Tensor b) {
        return logical("logicalAnd", "LogicalAnd", a, b);
    }

    /** a OR b for bool tensors. */
    public static Tensor logicalOr(Tensor a, Tensor b) {
        return logical("logicalOr", "LogicalOr", a, b);
    }

    /** NOT x for a bool tensor. */
    public static Tensor logicalNot(Tensor x) {
        OpSupport.checkDtype(x, "x", "logicalNot", DType.BOOL);
        return OpSupport.run("LogicalNot", Attrs.EMPTY, x);
    }

    /** a XOR b for bool tensors, computed as TF.js does: (a OR b) AND NOT (a AND b). */
    public static Tensor logicalXor(Tensor a, Tensor b) {
        OpSupport.checkDtype(a, "a", "logicalXor", DType.BOOL);
        OpSupport.checkDtype(b, "b", "logicalXor", DType.BOOL);
        Shapes.broadcastShapes(a.shapeRef(), b.shapeRef());
        return OpSupport.op("logicalXor", () -> logicalAnd(logicalOr(a, b), logicalNot(logicalAnd(a, b))));
    }

    /**
     * Elements of {@code a} where {@code condition} is true, of {@code b} elsewhere; the three
     * broadcast together. The result has the wider dtype of {@code a} and {@code b}.
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        OpSupport.check(a, "a", "where");
        OpSupport.check(b, "b", "where");
        OpSupport.checkDtype(condition, "condition", "where", DType.BOOL);
        return OpSupport.run("Select", Attrs.EMPTY, condition, a, b);
    }
}
