package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;

/** Reductions over axes (null = all, negative counts from the end): tf.sum, mean, max, ... */
public final class Reduction {
    private Reduction() {
    }

    static Attrs axisAttrs(int[] axis, boolean keepDims) {
        return Attrs.of().put("axis", axis == null ? null : axis.clone()).put("keepDims", keepDims);
    }

    /** Sum over {@code axis}; bool is summed as int32. */
    public static Tensor sum(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "sum");
        return OpSupport.op("sum", () -> {
            Tensor in = x.dtype() == DType.BOOL ? Transform.cast(x, DType.INT32) : x;
            return OpSupport.run("Sum", axisAttrs(axis, keepDims), in);
        });
    }

    /** Sum of all elements. */
    public static Tensor sum(Tensor x) {
        return sum(x, null, false);
    }
}
