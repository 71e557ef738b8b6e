package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.grad.LayoutSupport.keepDimsShape;

import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;

/**
 * Gradients of the reduction and scan kernels, as TF.js's {@code gradients/<Kernel>_grad.js}.
 * Samovar's fused LogSumExp and Moments kernels get the gradient of the composition TF.js runs
 * instead ({@link FusedReductionGradients}). Any, All, TopK and Cumprod have no gradient, as in
 * TF.js (backprop through them fails with TF.js's message).
 */
final class ReductionGradients {
    private ReductionGradients() {
    }

    static void register() {
        GradientRegistry.register("Sum", null, null, (i, g) -> {
            int[] xShape = g.inputShape(0);
            Tensor dy = Transform.reshape(g.dy(), keepDimsShape(xShape, axes(g)));
            return Arithmetic.mul(dy, Creation.ones(xShape));
        });
        GradientRegistry.register("Mean", null, null, (i, g) -> meanGrad(g.dy(), g.inputShape(0), axes(g)));
        GradientRegistry.register("Prod", new int[] {0}, null, (i, g) -> prodGrad(g.saved(0), g.dy(), axes(g)));
        GradientRegistry.register("Max", new int[] {0}, new boolean[] {true},
                (i, g) -> minMaxGrad(g.dy(), g.saved(1), g.saved(0), axes(g)));
        GradientRegistry.register("Min", new int[] {0}, new boolean[] {true},
                (i, g) -> minMaxGrad(g.dy(), g.saved(1), g.saved(0), axes(g)));
        // zerosLike keeps x's dtype: the gradient of an int32 x fails the engine's float32 check, as in TF.js.
        GradientRegistry.register("ArgMax", new int[] {0}, null, (i, g) -> Creation.zerosLike(g.saved(0)));
        GradientRegistry.register("ArgMin", new int[] {0}, null, (i, g) -> Creation.zerosLike(g.saved(0)));
        GradientRegistry.register("Cumsum", null, null, ReductionGradients::cumsumGrad);
        FusedReductionGradients.register();
        SegmentGradients.register();
    }

    /** The kernel's axes (attr {@code axis}, null for all), normalized. */
    static int[] axes(GradientContext g) {
        return Shapes.parseAxes(g.attrs().getInts("axis", null), g.inputShape(0).length);
    }

    /** TF.js's Mean gradient: dy spread over the reduced axes, divided by their size. */
    static Tensor meanGrad(Tensor dy, int[] xShape, int[] axes) {
        int reduceSize = 1;
        for (int a : axes) {
            reduceSize *= xShape[a];
        }
        Tensor expanded = Transform.reshape(dy, keepDimsShape(xShape, axes));
        return Arithmetic.div(Arithmetic.mul(expanded, Creation.ones(xShape)), Creation.scalar(reduceSize));
    }

    /**
     * TF.js's gradForMinAndMax: dy where x equals the extreme (every tie gets all of it), zero
     * elsewhere.
     */
    static Tensor minMaxGrad(Tensor dy, Tensor y, Tensor x, int[] axes) {
        if (y.rank() < x.rank()) {
            y = Transform.reshape(y, Shapes.expandShapeToKeepDim(y.shapeRef(), axes));
        }
        if (dy.rank() < x.rank()) {
            dy = Transform.reshape(dy, Shapes.expandShapeToKeepDim(dy.shapeRef(), axes));
        }
        return Arithmetic.mul(dy, Transform.cast(Logic.equal(x, y), dy.dtype()));
    }

    /**
     * TF.js's Prod gradient: the reduced axes moved last and merged into one, where the gradient
     * of each element is the product of the others (exclusive cumulative products from both
     * ends), then the layout undone.
     */
    private static Tensor prodGrad(Tensor x, Tensor dy, int[] axes) {
        int rank = x.rank();
        int finalAxis = rank - axes.length;
        int[] perm = LayoutSupport.axesPermutation(axes, rank);
        Tensor permuted = perm != null ? Transform.transpose(x, perm) : x;
        int[] permutedShape = permuted.shape();
        int[] merged = new int[finalAxis + 1];
        System.arraycopy(permutedShape, 0, merged, 0, finalAxis);
        int prodSize = 1;
        for (int i = finalAxis; i < rank; i++) {
            prodSize *= permutedShape[i];
        }
        merged[finalAxis] = prodSize;
        Tensor reshaped = Transform.reshape(permuted, merged);
        int[] expandedShape = merged.clone();
        expandedShape[finalAxis] = 1;
        Tensor expandedDy = Transform.reshape(dy, expandedShape);
        Tensor before = Reduction.cumprod(reshaped, finalAxis, true, false);
        Tensor after = Reduction.cumprod(reshaped, finalAxis, true, true);
        Tensor grad = Arithmetic.mul(expandedDy, Arithmetic.mul(before, after));
        grad = Transform.reshape(grad, permutedShape);
        if (perm != null) {
            grad = Transform.transpose(grad, LayoutSupport.undoPermutation(perm));
        }
        return grad;
    }

    /**
     * TF.js's Cumsum gradient: dy scanned the other way (same exclusivity), then transposed by the
     * permutation that would move the axis last. For any axis but the last that transpose is TF.js's
     * bug, reproduced: a square result comes out transposed, another fails the engine's shape check.
     */
    private static Tensor cumsumGrad(int input, GradientContext g) {
        int axis = g.attrs().getInt("axis");
        boolean exclusive = g.attrs().getBool("exclusive", false);
        boolean reverse = g.attrs().getBool("reverse", false);
        int[] perm = LayoutSupport.axesPermutation(new int[] {axis}, g.inputShape(0).length);
        Tensor out = Reduction.cumsum(g.dy(), axis, exclusive, !reverse);
        return perm != null ? Transform.transpose(out, perm) : out;
    }

    /** float32 2 (TF.js's literal in the Square gradient). */
    static Tensor two() {
        return Creation.scalar(2f);
    }

    /** TF.js's Square gradient: dy * (x * 2). */
    static Tensor squareGrad(Tensor dy, Tensor x) {
        return Arithmetic.mul(dy, Arithmetic.mul(f32(x), two()));
    }

    /** TF.js's Sub gradient of b (broadcast to a's shape): -dy summed back to b's shape. */
    static Tensor subGradB(Tensor dy, int[] bShape) {
        int[] axes = Shapes.reductionAxes(bShape, dy.shapeRef());
        Tensor res = axes.length > 0 ? Reduction.sum(dy, axes, false) : dy;
        return Transform.reshape(Unary.neg(res), bShape);
    }
}
