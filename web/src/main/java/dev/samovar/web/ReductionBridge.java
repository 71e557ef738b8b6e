package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import org.teavm.jso.JSExport;

/**
 * Reductions, scans and topk. {@code axis} arrives as JavaScript numbers (null: all axes) and is
 * checked as TF.js checks it; ops with two results return a {@link Pair}.
 */
public final class ReductionBridge {
    /** Two tensors handed back to JS (moments: mean, variance; topk: values, indices). */
    public static final class Pair {
        private final Tensor first;
        private final Tensor second;

        Pair(Tensor first, Tensor second) {
            this.first = first;
            this.second = second;
        }

        @JSExport
        public Tensor first() {
            return first;
        }

        @JSExport
        public Tensor second() {
            return second;
        }
    }

    private static int[] axes(double[] axis, Tensor x, String op) {
        OpSupport.check(x, "x", op);
        return Reduction.axisParam(axis, x.rank());
    }

    @JSExport
    public Tensor sum(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.sum(x, axes(axis, x, "sum"), keepDims);
    }

    @JSExport
    public Tensor mean(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.mean(x, axes(axis, x, "mean"), keepDims);
    }

    @JSExport
    public Tensor prod(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.prod(x, axes(axis, x, "prod"), keepDims);
    }

    @JSExport
    public Tensor max(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.max(x, axes(axis, x, "max"), keepDims);
    }

    @JSExport
    public Tensor min(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.min(x, axes(axis, x, "min"), keepDims);
    }

    @JSExport
    public Tensor logSumExp(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.logSumExp(x, axes(axis, x, "logSumExp"), keepDims);
    }

    @JSExport
    public Tensor any(Tensor x, double[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "any", DType.BOOL);
        return Reduction.any(x, axes(axis, x, "any"), keepDims);
    }

    @JSExport
    public Tensor all(Tensor x, double[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "all", DType.BOOL);
        return Reduction.all(x, axes(axis, x, "all"), keepDims);
    }

    @JSExport
    public Tensor argMax(Tensor x, double[] axis) {
        return Reduction.argMax(x, axes(axis, x, "argMax"));
    }

    @JSExport
    public Tensor argMin(Tensor x, double[] axis) {
        return Reduction.argMin(x, axes(axis, x, "argMin"));
    }

    @JSExport
    public Pair moments(Tensor x, double[] axis, boolean keepDims) {
        Reduction.Moments m = Reduction.moments(x, axes(axis, x, "moments"), keepDims);
        return new Pair(m.mean(), m.variance());
    }

    /** {@code ordName} null: the order is the number {@code ord}. */
    @JSExport
    public Tensor norm(Tensor x, String ordName, double ord, double[] axis, boolean keepDims) {
        int[] ax = axes(axis, x, "norm");
        return ordName == null ? Reduction.norm(x, ord, ax, keepDims) : Reduction.norm(x, ordName, ax, keepDims);
    }

    @JSExport
    public Tensor euclideanNorm(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.euclideanNorm(x, axes(axis, x, "norm"), keepDims);
    }

    // Numbers that the Java API takes as int arrive as doubles: TeaVM does not coerce JS numbers
    // passed as int, so they are truncated here.

    @JSExport
    public Tensor cumsum(Tensor x, double axis, boolean exclusive, boolean reverse) {
        return Reduction.cumsum(x, (int) axis, exclusive, reverse);
    }

    @JSExport
    public Tensor cumprod(Tensor x, double axis, boolean exclusive, boolean reverse) {
        return Reduction.cumprod(x, (int) axis, exclusive, reverse);
    }

    @JSExport
    public Pair topk(Tensor x, double k, boolean sorted) {
        Reduction.TopK r = Reduction.topk(x, (int) k, sorted);
        return new Pair(r.values(), r.indices());
    }
}
