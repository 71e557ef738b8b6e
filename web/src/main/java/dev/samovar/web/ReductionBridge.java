package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import org.teavm.jso.JSExport;

/**
 * Reductions, scans and topk. {@code axis} arrives as JavaScript numbers (null: all axes) and is
 * checked as TF.js checks it; ops with two results return a two-element array.
 */
public final class ReductionBridge {
    private ReductionBridge() {
    }

    private static int[] axes(double[] axis, Tensor x, String op) {
        OpSupport.check(x, "x", op);
        return Reduction.axisParam(axis, x.rank());
    }

    @JSExport
    public static Tensor sum(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.sum(x, axes(axis, x, "sum"), keepDims);
    }

    @JSExport
    public static Tensor mean(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.mean(x, axes(axis, x, "mean"), keepDims);
    }

    @JSExport
    public static Tensor prod(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.prod(x, axes(axis, x, "prod"), keepDims);
    }

    @JSExport
    public static Tensor max(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.max(x, axes(axis, x, "max"), keepDims);
    }

    @JSExport
    public static Tensor min(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.min(x, axes(axis, x, "min"), keepDims);
    }

    @JSExport
    public static Tensor logSumExp(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.logSumExp(x, axes(axis, x, "logSumExp"), keepDims);
    }

    @JSExport
    public static Tensor any(Tensor x, double[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "any", DType.BOOL);
        return Reduction.any(x, axes(axis, x, "any"), keepDims);
    }

    @JSExport
    public static Tensor all(Tensor x, double[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "all", DType.BOOL);
        return Reduction.all(x, axes(axis, x, "all"), keepDims);
    }

    @JSExport
    public static Tensor argMax(Tensor x, double[] axis) {
        return Reduction.argMax(x, axes(axis, x, "argMax"));
    }

    @JSExport
    public static Tensor argMin(Tensor x, double[] axis) {
        return Reduction.argMin(x, axes(axis, x, "argMin"));
    }

    @JSExport
    public static Tensor[] moments(Tensor x, double[] axis, boolean keepDims) {
        Reduction.Moments m = Reduction.moments(x, axes(axis, x, "moments"), keepDims);
        return new Tensor[] {m.mean(), m.variance()};
    }

    /** {@code ordName} null: the order is the number {@code ord}. */
    @JSExport
    public static Tensor norm(Tensor x, String ordName, double ord, double[] axis, boolean keepDims) {
        int[] ax = axes(axis, x, "norm");
        return ordName == null ? Reduction.norm(x, ord, ax, keepDims) : Reduction.norm(x, ordName, ax, keepDims);
    }

    @JSExport
    public static Tensor euclideanNorm(Tensor x, double[] axis, boolean keepDims) {
        return Reduction.euclideanNorm(x, axes(axis, x, "norm"), keepDims);
    }

    // Numbers that the Java API takes as int arrive as doubles: TeaVM does not coerce JS numbers
    // passed as int, so they are truncated here.

    @JSExport
    public static Tensor cumsum(Tensor x, double axis, boolean exclusive, boolean reverse) {
        return Reduction.cumsum(x, (int) axis, exclusive, reverse);
    }

    @JSExport
    public static Tensor cumprod(Tensor x, double axis, boolean exclusive, boolean reverse) {
        return Reduction.cumprod(x, (int) axis, exclusive, reverse);
    }

    @JSExport
    public static Tensor[] topk(Tensor x, double k, boolean sorted) {
        Reduction.TopK r = Reduction.topk(x, (int) k, sorted);
        return new Tensor[] {r.values(), r.indices()};
    }
}
