package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/** What every op family uses: argument checks with TF.js's messages, type matching, dispatch. */
public final class OpSupport {
    private OpSupport() {
    }

    /**
     * Runs an op body in its own scope, as TF.js's {@code op()} wrapper does: intermediate tensors
     * (casts, partial results) are disposed, the result survives.
     */
    public static <T> T op(String name, java.util.function.Supplier<T> body) {
        return Engine.get().tidy(name, body);
    }

    /** Runs a single-output kernel. */
    public static Tensor run(String kernel, Attrs attrs, Tensor... inputs) {
        return Engine.get().runKernel(kernel, inputs, attrs)[0];
    }

    /** Runs a kernel with several outputs. */
    public static Tensor[] runMulti(String kernel, Attrs attrs, Tensor... inputs) {
        return Engine.get().runKernel(kernel, inputs, attrs);
    }

    /** Fails as TF.js's convertToTensor does for a missing argument, or a disposed tensor. */
    public static Tensor check(Tensor t, String arg, String op) {
        if (t == null) {
            throw new IllegalArgumentException(
                    "Argument '" + arg + "' passed to '" + op + "' must be a Tensor or TensorLike, but got 'null'");
        }
        if (t.isDisposed()) {
            throw new IllegalStateException("Tensor is disposed.");
        }
        return t;
    }

    /** TF.js's convertToTensor(x, arg, op, dtype): the tensor must have that dtype. */
    public static Tensor checkDtype(Tensor t, String arg, String op, DType dtype) {
        check(t, arg, op);
        if (t.dtype() != dtype) {
            throw new IllegalArgumentException("Argument '" + arg + "' passed to '" + op + "' must be " + dtype
                    + " tensor, but got " + t.dtype() + " tensor");
        }
        return t;
    }

    /** TF.js's makeTypesMatch: casts both to the wider of their dtypes (bool &lt; int32 &lt; float32). */
    public static Tensor[] makeTypesMatch(Tensor a, Tensor b) {
        if (a.dtype() == b.dtype()) {
            return new Tensor[] {a, b};
        }
        DType t = DType.upcast(a.dtype(), b.dtype());
        return new Tensor[] {Transform.cast(a, t), Transform.cast(b, t)};
    }

    /** TF.js's util.assert with a message. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
