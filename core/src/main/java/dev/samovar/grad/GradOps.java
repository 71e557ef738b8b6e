package dev.samovar.grad;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import java.util.function.Supplier;

/** Small helpers of the elementwise gradients. */
final class GradOps {
    private static final Tensor[] NO_TENSORS = new Tensor[0];

    private GradOps() {
    }

    /** A float32 scalar, as TF.js converts a JS number operand ({@code mul(dy, 2)}) or {@code scalar(v)}. */
    static Tensor scalar(double v) {
        return Creation.scalar((float) v);
    }

    /**
     * A recorded copy of a float32 gradient (TF.js's {@code dy.clone()}, an Identity kernel):
     * unlike {@link Tensor#clone()} it stays connected on the tape, so gradients of gradients
     * flow through it.
     */
    static Tensor identity(Tensor dy) {
        return Transform.cast(dy, DType.FLOAT32);
    }

    /**
     * Zeros of t's shape and dtype (TF.js's zerosLike), as a constant for gradients of gradients:
     * the same values, without needing ZerosLike's own gradient.
     */
    static Tensor zerosLike(Tensor t) {
        return constant(() -> Creation.zerosLike(t));
    }

    /**
     * A mask (comparison, logical op) that gradients of gradients treat as a constant. TF.js builds
     * such masks from ops without gradients (Greater, LessEqual, LogicalAnd), so its second
     * derivatives of leakyRelu, relu6, selu, prelu, clipByValue, maximum, ... fail with "gradient
     * function not found"; here the mask is computed off the tape (its derivative is zero
     * anyway). Outside a recording the mask is computed as is.
     */
    static Tensor constant(Supplier<Tensor> mask) {
        Engine e = Engine.get();
        if (!e.isTapeOn()) {
            return mask.get();
        }
        return e.runCustom(NO_TENSORS, save -> mask.get(), (dy, saved) -> NO_TENSORS);
    }
}
