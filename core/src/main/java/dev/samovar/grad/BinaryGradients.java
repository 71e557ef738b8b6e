package dev.samovar.grad;

import static dev.samovar.grad.GradOps.constant;
import static dev.samovar.grad.GradOps.scalar;
import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.grad.GradSupport.reduceToShape;
import static dev.samovar.grad.GradSupport.unbroadcast;
import static dev.samovar.ops.Arithmetic.add;
import static dev.samovar.ops.Arithmetic.div;
import static dev.samovar.ops.Arithmetic.mul;
import static dev.samovar.ops.Arithmetic.pow;
import static dev.samovar.ops.Arithmetic.sub;
import static dev.samovar.ops.Unary.floor;
import static dev.samovar.ops.Unary.log;
import static dev.samovar.ops.Unary.neg;
import static dev.samovar.ops.Unary.square;

import dev.samovar.core.DType;
import dev.samovar.core.GradientContext;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;

/**
 * Gradients of the broadcasting binary kernels and of prelu, with TF.js 4.22's formulas and op
 * order. Inputs {@code a} (0) and {@code b} (1) are saved; a gradient of a broadcast input is
 * summed back to the input's shape.
 *
 * <p>Where TF.js forgets to sum a broadcast input's gradient back (Maximum, Minimum,
 * SquaredDifference, and Prelu's x) its gradient fails with a shape error; here it is summed back,
 * and the result is the same wherever TF.js's works.
 */
final class BinaryGradients {
    private static final int[] AB = {0, 1};

    private BinaryGradients() {
    }

    static void register() {
        GradientRegistry.register("Add", null, null, (i, g) -> unbroadcast(g.dy(), g.inputShape(i)));
        GradientRegistry.register("Sub", null, null, (i, g) -> i == 0 ? unbroadcast(g.dy(), g.inputShape(0))
                : Transform.reshape(neg(sumTo(g.dy(), g.inputShape(1))), g.inputShape(1)));
        GradientRegistry.register("Multiply", AB, null,
                (i, g) -> reduceToShape(mul(g.dy(), f32(g.saved(1 - i))), g.inputShape(i)));
        // FloorDiv's gradient is RealDiv's, as in TF.js (the quotient as if it were not floored).
        GradientRegistry.register("RealDiv", AB, null, BinaryGradients::divGrad);
        GradientRegistry.register("FloorDiv", AB, null, BinaryGradients::divGrad);
        GradientRegistry.register("Mod", AB, null, (i, g) -> {
            if (i == 0) {
                return reduceToShape(g.dy(), g.inputShape(0));
            }
            Tensor res = mul(g.dy(), neg(floor(div(g.saved(0), g.saved(1)))));
            return reduceToShape(res, g.inputShape(1));
        });
        GradientRegistry.register("Pow", AB, new boolean[] {true}, BinaryGradients::powGrad);
        GradientRegistry.register("Maximum", AB, null, (i, g) -> {
            Tensor a = g.saved(0);
            Tensor b = g.saved(1);
            Tensor mask = constant(() -> i == 0 ? Logic.greaterEqual(a, b) : Logic.less(a, b));
            return reduceToShape(mul(g.dy(), f32(mask)), g.inputShape(i));
        });
        GradientRegistry.register("Minimum", AB, null, (i, g) -> {
            Tensor a = g.saved(0);
            Tensor b = g.saved(1);
            Tensor mask = constant(() -> i == 0 ? Logic.lessEqual(a, b) : Logic.greater(a, b));
            return reduceToShape(mul(g.dy(), f32(mask)), g.inputShape(i));
        });
        GradientRegistry.register("SquaredDifference", AB, null, (i, g) -> {
            Tensor two = scalar(2);
            Tensor diff = i == 0 ? sub(g.saved(0), g.saved(1)) : sub(g.saved(1), g.saved(0));
            return reduceToShape(mul(g.dy(), mul(two, diff)), g.inputShape(i));
        });
        GradientRegistry.register("Atan2", AB, null, (i, g) -> {
            Tensor a = g.saved(0);
            Tensor b = g.saved(1);
            Tensor d = add(square(a), square(b));
            Tensor res = i == 0 ? mul(g.dy(), div(b, d)) : neg(mul(g.dy(), div(a, d)));
            return Transform.reshape(sumTo(res, g.inputShape(i)), g.inputShape(i));
        });
        GradientRegistry.register("Prelu", AB, null, (i, g) -> {
            Tensor x = g.saved(0);
            Tensor alpha = g.saved(1);
            Tensor mask = constant(() -> Logic.greater(x, scalar(0)));
            if (i == 0) {
                return reduceToShape(Logic.where(mask, g.dy(), mul(g.dy(), alpha)), g.inputShape(0));
            }
            Tensor res = Logic.where(mask, GradOps.zerosLike(g.dy()), mul(g.dy(), x));
            return Transform.reshape(sumTo(res, g.inputShape(1)), g.inputShape(1));
        });
        // Comparisons have no gradient in TF.js, except GreaterEqual (zeros). TF.js returns
        // zerosLike(a), whose int32 dtype then fails the float32 check; here zeros are float32.
        GradientRegistry.register("GreaterEqual", null, null,
                (i, g) -> Creation.zeros(g.inputShape(i), DType.FLOAT32));
    }

    /** t summed over the axes along which {@code shape} was broadcast (no reshape). */
    private static Tensor sumTo(Tensor t, int[] shape) {
        int[] axes = Shapes.reductionAxes(shape, t.shapeRef());
        return axes.length > 0 ? Reduction.sum(t, axes, false) : t;
    }

    /** RealDiv (and FloorDiv): d/da = dy / b, d/db = -(dy * a) / b^2, summed back to each shape. */
    private static Tensor divGrad(int i, GradientContext g) {
        Tensor a = g.saved(0);
        Tensor b = g.saved(1);
        if (i == 0) {
            return reduceToShape(div(g.dy(), f32(b)), g.inputShape(0));
        }
        Tensor res = reduceToShape(mul(g.dy(), f32(a)), g.inputShape(1));
        Tensor tmp = square(b);
        return neg(div(res, f32(tmp)));
    }

    /**
     * Pow: d/dbase = dy * exp * base^(exp - 1); d/dexp = dy * y * log(base) where base &gt; 0 (0
     * elsewhere). Both are reshaped to the input's shape, summed first if it was broadcast.
     */
    private static Tensor powGrad(int i, GradientContext g) {
        Tensor base = g.saved(0);
        Tensor exp = g.saved(1);
        if (i == 0) {
            Tensor expFloat = f32(exp);
            Tensor res = mul(g.dy(), mul(expFloat, pow(base, sub(expFloat, scalar(1)))));
            return Transform.reshape(sumTo(res, g.inputShape(0)), g.inputShape(0));
        }
        Tensor y = g.saved(2);
        Tensor condition = constant(() -> Logic.greater(base, scalar(0)));
        Tensor logBase = Logic.where(condition, log(base), GradOps.zerosLike(base));
        Tensor res = mul(g.dy(), mul(y, logBase));
        return Transform.reshape(sumTo(res, g.inputShape(1)), g.inputShape(1));
    }
}
