package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Reduction;
import org.teavm.jso.JSExport;

/** Reductions; {@code axis} null means all axes. */
public final class ReductionBridge {
    private ReductionBridge() {
    }

    @JSExport
    public static Tensor sum(Tensor x, int[] axis, boolean keepDims) {
        return Reduction.sum(x, axis, keepDims);
    }
}
