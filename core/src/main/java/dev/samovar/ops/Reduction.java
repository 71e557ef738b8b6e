package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * Reductions over axes (null = all, negative counts from the end): tf.sum, mean, prod, max, min,
 * argMax, argMin, logSumExp, any, all, moments, norm, euclideanNorm; scans (cumsum, cumprod) and
 * topk. Dtype rules and numerics are TF.js's CPU backend's.
 */
public final class Reduction {
    private Reduction() {
    }

    /** tf.moments's result: {@code {mean, variance}}. */
    public static final class Moments {
        private final Tensor mean;
        private final Tensor variance;

        Moments(Tensor mean, Tensor variance) {
            this.mean = mean;
            this.variance = variance;
        }

        public Tensor mean() {
            return mean;
        }

        public Tensor variance() {
            return variance;
        }
    }

    /** tf.topk's result: {@code {values, indices}}. */
    public static final class TopK {
        private final Tensor values;
        private final Tensor indices;

        TopK(Tensor values, Tensor indices) {
            this.values = values;
            this.indices = indices;
        }

        public Tensor values() {
            return values;
        }

        public Tensor indices() {
            return indices;
        }
    }

    static Attrs axisAttrs(int[] axis, boolean keepDims) {
        return Attrs.of().put("axis", axis == null ? null : axis.clone()).put("keepDims", keepDims);
    }

    /**
     * TF.js's parseAxisParam (null: every axis; each in [-rank, rank), with its message), negative
     * axes made positive; a repeated axis counts once.
     */
    static int[] parseAxes(int[] axis, int rank) {
        int[] parsed = Shapes.parseAxes(axis, rank);
        int n = 0;
        int[] unique = new int[parsed.length];
        for (int a : parsed) {
            boolean seen = false;
            for (int k = 0; k < n; k++) {
                if (unique[k] == a) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                unique[n++] = a;
            }
        }
        return n == parsed.length ? parsed : java.util.Arrays.copyOf(unique, n);
    }

    /**
     * TF.js's parseAxisParam checks for an axis argument given as JavaScript numbers (the JS API
     * and tests pass them so): each must lie in [-rank, rank), then be an integer, with TF.js's
     * messages printing the numbers as JavaScript does. Returns the axes as ints (null stays null).
     */
    public static int[] axisParam(double[] axis, int rank) {
        if (axis == null) {
            return null;
        }
        int[] out = new int[axis.length];
        boolean integral = true;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < axis.length; i++) {
            double a = axis[i];
            if (a != Math.floor(a) || Double.isInfinite(a)) {
                integral = false;
            }
            out[i] = (int) a;
            printed.append(i > 0 ? "," : "").append(JsNumber.toString(a));
        }
        if (integral) {
            return out;
        }
        for (double a : axis) {
            if (!(a >= -rank && a < rank)) {
                throw new IllegalArgumentException("All values in axis param must be in range [-" + rank + ", " + rank
                        + ") but got axis " + printed);
            }
        }
        throw new IllegalArgumentException("All values in axis param must be integers but got axis " + printed);
    }

    /** Runs a one-output reduction kernel over the parsed axes. */
    private static Tensor reduce(String kernel, Tensor x, int[] axis, boolean keepDims) {
        return OpSupport.run(kernel, axisAttrs(parseAxes(axis, x.rank()), keepDims), x);
    }

    // --------------------------------------------------------------------------------- sum

    /** Sum over {@code axis}; float32 stays float32, int32 and bool give int32. */
    public static Tensor sum(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "sum");
        return OpSupport.op("sum", () -> {
            Tensor in = x.dtype() == DType.BOOL ? Transform.cast(x, DType.INT32) : x;
            return reduce("Sum", in, axis, keepDims);
        });
    }

    /** Sum over one axis. */
    public static Tensor sum(Tensor x, int axis) {
        return sum(x, new int[] {axis}, false);
    }

    /** Sum of all elements. */
    public static Tensor sum(Tensor x) {
        return sum(x, null, false);
    }

    // -------------------------------------------------------------------------------- mean

    /** Mean over {@code axis}; float32 for every input dtype. */
    public static Tensor mean(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "mean");
        return OpSupport.op("mean", () -> reduce("Mean", x, axis, keepDims));
    }

    public static Tensor mean(Tensor x, int axis) {
        return mean(x, new int[] {axis}, false);
    }

    public static Tensor mean(Tensor x) {
        return mean(x, null, false);
    }

    // -------------------------------------------------------------------------------- prod

    /** Product over {@code axis}; float32 stays float32, int32 and bool give int32. */
    public static Tensor prod(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "prod");
        return OpSupport.op("prod", () -> {
            Tensor in = x.dtype() == DType.BOOL ? Transform.cast(x, DType.INT32) : x;
            return reduce("Prod", in, axis, keepDims);
        });
    }

    public static Tensor prod(Tensor x, int axis) {
        return prod(x, new int[] {axis}, false);
    }

    public static Tensor prod(Tensor x) {
        return prod(x, null, false);
    }

    // ---------------------------------------------------------------------------- max, min

    /** Maximum over {@code axis}, in x's dtype; NaN wins; an empty reduction gives NaN (or 0). */
    public static Tensor max(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "max");
        return OpSupport.op("max", () -> reduce("Max", x, axis, keepDims));
    }

    public static Tensor max(Tensor x, int axis) {
        return max(x, new int[] {axis}, false);
    }

    public static Tensor max(Tensor x) {
        return max(x, null, false);
    }

    /** Minimum over {@code axis}, in x's dtype; NaN wins; an empty reduction gives NaN (or 0). */
    public static Tensor min(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "min");
        return OpSupport.op("min", () -> reduce("Min", x, axis, keepDims));
    }

    public static Tensor min(Tensor x, int axis) {
        return min(x, new int[] {axis}, false);
    }

    public static Tensor min(Tensor x) {
        return min(x, null, false);
    }

    // ------------------------------------------------------------------------ argMax, argMin

    /** Index of the maximum along axis 0 (int32). */
    public static Tensor argMax(Tensor x) {
        return argMax(x, new int[] {0});
    }

    /** Index of the maximum along {@code axis} (int32); the first one on ties. */
    public static Tensor argMax(Tensor x, int axis) {
        return argMax(x, new int[] {axis});
    }

    /**
     * argMax with TF.js's axis param (null: every axis): TF.js reduces only one axis, so anything
     * but a single axis fails with its message.
     */
    public static Tensor argMax(Tensor x, int[] axis) {
        return argExtreme("argMax", "ArgMax", x, axis);
    }

    /** Index of the minimum along axis 0 (int32). */
    public static Tensor argMin(Tensor x) {
        return argMin(x, new int[] {0});
    }

    /** Index of the minimum along {@code axis} (int32); the first one on ties. */
    public static Tensor argMin(Tensor x, int axis) {
        return argMin(x, new int[] {axis});
    }

    /** argMin with TF.js's axis param; see {@link #argMax(Tensor, int[])}. */
    public static Tensor argMin(Tensor x, int[] axis) {
        return argExtreme("argMin", "ArgMin", x, axis);
    }

    private static Tensor argExtreme(String op, String kernel, Tensor x, int[] axis) {
        OpSupport.check(x, "x", op);
        return OpSupport.op(op, () -> {
            int rank = x.rank();
            int[] axes = Shapes.parseAxes(axis, rank);
            // TF.js moves the axes innermost, then keeps only the first of them.
            boolean inner = true;
            for (int i = 0; i < axes.length; i++) {
                if (axes[axes.length - 1 - i] != rank - 1 - i) {
                    inner = false;
                    break;
                }
            }
            if (axes.length != 1) {
                String first = axes.length == 0 ? "" : String.valueOf(inner ? axes[0] : rank - axes.length);
                throw new IllegalArgumentException(op + " supports only inner-most axes for now. Got axes " + first
                        + " and rank-" + rank + " input.");
            }
            return OpSupport.run(kernel, Attrs.of().put("axis", axes[0]), x);
        });
    }

    // --------------------------------------------------------------------------- logSumExp

    /** log(sum(exp(x))) over {@code axis}, computed stably as TF.js does; float32. */
    public static Tensor logSumExp(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "logSumExp");
        return OpSupport.op("logSumExp", () -> reduce("LogSumExp", x, axis, keepDims));
    }

    public static Tensor logSumExp(Tensor x, int axis) {
        return logSumExp(x, new int[] {axis}, false);
    }

    public static Tensor logSumExp(Tensor x) {
        return logSumExp(x, null, false);
    }

    // ----------------------------------------------------------------------------- any, all

    /** Logical or over {@code axis}; x must be bool. */
    public static Tensor any(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "any", DType.BOOL);
        return OpSupport.op("any", () -> reduce("Any", x, axis, keepDims));
    }

    public static Tensor any(Tensor x, int axis) {
        return any(x, new int[] {axis}, false);
    }

    public static Tensor any(Tensor x) {
        return any(x, null, false);
    }

    /** Logical and over {@code axis}; x must be bool. An empty reduction gives false, as in TF.js. */
    public static Tensor all(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.checkDtype(x, "x", "all", DType.BOOL);
        return OpSupport.op("all", () -> reduce("All", x, axis, keepDims));
    }

    public static Tensor all(Tensor x, int axis) {
        return all(x, new int[] {axis}, false);
    }

    public static Tensor all(Tensor x) {
        return all(x, null, false);
    }

    // ----------------------------------------------------------------------------- moments

    /** Mean and variance over {@code axis} (float32 both). */
    public static Moments moments(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "moments");
        Tensor[] r = OpSupport.op("moments", () -> OpSupport.runMulti("Moments",
                axisAttrs(parseAxes(axis, x.rank()), keepDims), x));
        return new Moments(r[0], r[1]);
    }

    public static Moments moments(Tensor x) {
        return moments(x, null, false);
    }

    // -------------------------------------------------------------------------------- norm

    /** The euclidean norm of all elements. */
    public static Tensor norm(Tensor x) {
        return norm(x, "euclidean", null, false);
    }

    /**
     * tf.norm with a named order: 'euclidean' (vector 2-norm, or Frobenius for two axes) or 'fro'
     * (two axes only). {@code axis}: null (all elements as a vector), one axis (vectors) or two axes
     * (matrices).
     */
    public static Tensor norm(Tensor x, String ord, int[] axis, boolean keepDims) {
        return normOf(x, ord == null ? "null" : ord, 0, axis, keepDims);
    }

    /**
     * tf.norm with a numeric order: 1, 2 (vectors only), Infinity or -Infinity; other numbers fail
     * as in TF.js.
     */
    public static Tensor norm(Tensor x, double ord, int[] axis, boolean keepDims) {
        return normOf(x, null, ord, axis, keepDims);
    }

    /** tf.euclideanNorm: norm(x, 'euclidean', axis, keepDims). */
    public static Tensor euclideanNorm(Tensor x, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "norm");
        return OpSupport.op("euclideanNorm", () -> norm(x, "euclidean", axis, keepDims));
    }

    public static Tensor euclideanNorm(Tensor x) {
        return euclideanNorm(x, null, false);
    }

    private static Tensor normOf(Tensor x, String ordName, double ord, int[] axis, boolean keepDims) {
        OpSupport.check(x, "x", "norm");
        return OpSupport.op("norm", () -> {
            Tensor n = normImpl(x, ordName, ord, axis);
            int[] shape = n.shape();
            if (keepDims) {
                shape = Shapes.expandShapeToKeepDim(shape, Shapes.parseAxes(axis, x.rank()));
            }
            return Transform.reshape(n, shape);
        });
    }

    private static Tensor normImpl(Tensor x, String ordName, double ord, int[] axis) {
        if (x.rank() == 0) {
            return Unary.abs(x);
        }
        if (x.rank() != 1 && axis == null) {
            return normImpl(Transform.reshape(x, -1), ordName, ord, null);
        }
        boolean isNumber = ordName == null;
        boolean one = isNumber && ord == 1;
        boolean inf = isNumber && ord == Double.POSITIVE_INFINITY;
        boolean negInf = isNumber && ord == Double.NEGATIVE_INFINITY;
        boolean euclidean = "euclidean".equals(ordName);
        if (x.rank() == 1 || axis.length == 1) {
            if (one) {
                return sum(abs(x), axis, false);
            }
            if (inf) {
                return max(abs(x), axis, false);
            }
            if (negInf) {
                return min(abs(x), axis, false);
            }
            if (euclidean || (isNumber && ord == 2)) {
                return sqrt(sum(Unary.square(abs(x)), axis, false));
            }
            throw invalidOrd(ordName, ord);
        }
        if (axis.length == 2) {
            if (one) {
                return max(sum(abs(x), new int[] {axis[0]}, false), new int[] {axis[1] - 1}, false);
            }
            if (inf) {
                return max(sum(abs(x), new int[] {axis[1]}, false), new int[] {axis[0]}, false);
            }
            if (negInf) {
                return min(sum(abs(x), new int[] {axis[1]}, false), new int[] {axis[0]}, false);
            }
            if (euclidean || "fro".equals(ordName)) {
                return sqrt(sum(Unary.square(x), axis, false));
            }
            throw invalidOrd(ordName, ord);
        }
        throw new IllegalArgumentException("Error in norm: invalid axis: " + Shapes.join(axis));
    }

    private static Tensor abs(Tensor x) {
        return Unary.abs(x);
    }

    private static Tensor sqrt(Tensor x) {
        return Unary.sqrt(x);
    }

    private static IllegalArgumentException invalidOrd(String ordName, double ord) {
        return new IllegalArgumentException("Error in norm: invalid ord value: "
                + (ordName != null ? ordName : JsNumber.toString(ord)));
    }

    // ----------------------------------------------------------------------- cumsum, cumprod

    /** Cumulative sum along axis 0. */
    public static Tensor cumsum(Tensor x) {
        return cumsum(x, 0, false, false);
    }

    public static Tensor cumsum(Tensor x, int axis) {
        return cumsum(x, axis, false, false);
    }

    /**
     * Cumulative sum along {@code axis}: exclusive leaves out the element itself, reverse sums from
     * the end. float32 stays float32 (rounded at every step, as TF.js), int32 and bool give int32.
     */
    public static Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return scan("cumsum", "Cumsum", x, axis, exclusive, reverse);
    }

    /** Cumulative product along axis 0. */
    public static Tensor cumprod(Tensor x) {
        return cumprod(x, 0, false, false);
    }

    public static Tensor cumprod(Tensor x, int axis) {
        return cumprod(x, axis, false, false);
    }

    /** Cumulative product along {@code axis}; see {@link #cumsum(Tensor, int, boolean, boolean)}. */
    public static Tensor cumprod(Tensor x, int axis, boolean exclusive, boolean reverse) {
        return scan("cumprod", "Cumprod", x, axis, exclusive, reverse);
    }

    private static Tensor scan(String op, String kernel, Tensor x, int axis, boolean exclusive, boolean reverse) {
        OpSupport.check(x, "x", op);
        return OpSupport.op(op, () -> {
            int rank = x.rank();
            // TF.js does not check the axis: past the last axis its kernel scans the last one; a
            // negative axis (which breaks TF.js's kernel) counts from the end here.
            int a = axis < 0 && rank > 0 ? Shapes.parseAxis(axis, rank) : axis;
            return OpSupport.run(kernel, Attrs.of().put("axis", a).put("exclusive", exclusive).put("reverse", reverse), x);
        });
    }

    // ------------------------------------------------------------------- unsortedSegmentSum

    /**
     * TF.js's tf.unsortedSegmentSum for 1-D {@code segmentIds} (int32, one per row of x): row r
     * of x is added into row segmentIds[r] of a [numSegments, ...x.shape[1:]] float32 result; ids
     * outside [0, numSegments) are dropped. (TF.js documents segmentIds as 1-D; other ranks fail.)
     */
    public static Tensor unsortedSegmentSum(Tensor x, Tensor segmentIds, int numSegments) {
        OpSupport.check(x, "x", "unsortedSegmentSum");
        OpSupport.checkDtype(segmentIds, "segmentIds", "unsortedSegmentSum", DType.INT32);
        OpSupport.require(x.rank() >= 1 && segmentIds.rank() == 1 && segmentIds.size() == x.dim(0),
                "unsortedSegmentSum: segmentIds must be 1-D with one id per row of x, but got shapes ["
                        + Shapes.join(segmentIds.shapeRef()) + "] and [" + Shapes.join(x.shapeRef()) + "]");
        OpSupport.require(numSegments >= 0, "numSegments must be >= 0 but got " + numSegments);
        return OpSupport.run("UnsortedSegmentSum", Attrs.of().put("numSegments", numSegments), x, segmentIds);
    }

    // -------------------------------------------------------------------------------- topk

    /** The largest element along the last axis and its index. */
    public static TopK topk(Tensor x) {
        return topk(x, 1, true);
    }

    public static TopK topk(Tensor x, int k) {
        return topk(x, k, true);
    }

    /**
     * The k largest elements along the last axis (sorted: largest first, ties by index) and their
     * int32 indices.
     */
    public static TopK topk(Tensor x, int k, boolean sorted) {
        OpSupport.check(x, "x", "topk");
        Tensor[] r = OpSupport.op("topk", () -> {
            if (x.rank() == 0) {
                throw new IllegalArgumentException("topk() expects the input to be of rank 1 or higher");
            }
            int lastDim = x.dim(x.rank() - 1);
            if (k < 0) {
                throw new IllegalArgumentException("'k' passed to topk() must be >= 0 but got " + k);
            }
            if (k > lastDim) {
                throw new IllegalArgumentException("'k' passed to topk() must be <= the last dimension (" + lastDim
                        + ") but got " + k);
            }
            return OpSupport.runMulti("TopK", Attrs.of().put("k", k).put("sorted", sorted), x);
        });
        return new TopK(r[0], r[1]);
    }
}
