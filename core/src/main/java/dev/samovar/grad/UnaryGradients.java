package dev.samovar.grad;

import static dev.samovar.grad.GradOps.constant;
import static dev.samovar.grad.GradOps.scalar;
import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.ops.Arithmetic.add;
import static dev.samovar.ops.Arithmetic.div;
import static dev.samovar.ops.Arithmetic.mul;
import static dev.samovar.ops.Arithmetic.pow;
import static dev.samovar.ops.Arithmetic.sub;
import static dev.samovar.ops.Unary.cos;
import static dev.samovar.ops.Unary.cosh;
import static dev.samovar.ops.Unary.exp;
import static dev.samovar.ops.Unary.neg;
import static dev.samovar.ops.Unary.sigmoid;
import static dev.samovar.ops.Unary.sin;
import static dev.samovar.ops.Unary.sinh;
import static dev.samovar.ops.Unary.sqrt;
import static dev.samovar.ops.Unary.square;
import static dev.samovar.ops.Unary.step;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientFunction;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Logic;
import dev.samovar.ops.OpSupport;

/**
 * Gradients of the unary math and activation kernels, with TF.js 4.22's formulas and op order
 * ({@code tfjs-core/dist/gradients/<Kernel>_grad.js}): the same ops on the same values give the
 * same float32 results. {@code x} is the saved input, {@code y} the saved output.
 */
final class UnaryGradients {
    /** backend_util.SELU_SCALE and SELU_SCALEALPHA of TF.js. */
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

    private static final int[] X = {0};
    private static final boolean[] Y = {true};

    private UnaryGradients() {
    }

    /** A gradient that reads the saved input x. */
    private interface OfX {
        Tensor grad(Tensor dy, Tensor x);
    }

    private static void withX(String kernel, OfX f) {
        GradientRegistry.register(kernel, X, null, (i, g) -> f.grad(g.dy(), g.saved(0)));
    }

    private static void withY(String kernel, OfX f) {
        GradientRegistry.register(kernel, null, Y, (i, g) -> f.grad(g.dy(), g.saved(0)));
    }

    /** Piecewise-constant kernels: zeros like dy (TF.js returns zerosLike(dy), not null). */
    private static void zero(String kernel) {
        GradientRegistry.register(kernel, null, null, ZERO);
    }

    private static final GradientFunction ZERO = (i, g) -> GradOps.zerosLike(g.dy());

    static void register() {
        withX("Abs", (dy, x) -> mul(dy, step(f32(x), -1)));
        GradientRegistry.register("Neg", null, null, (i, g) -> neg(g.dy()));
        withY("Exp", (dy, y) -> mul(dy, y));
        withX("Expm1", (dy, x) -> mul(dy, exp(x)));
        withX("Log", (dy, x) -> div(dy, f32(x)));
        withX("Log1p", (dy, x) -> div(dy, add(x, scalar(1))));
        withX("Sqrt", (dy, x) -> div(dy, mul(sqrt(f32(x)), scalar(2))));
        withX("Rsqrt", (dy, x) -> neg(div(dy, mul(pow(x, scalar(1.5)), scalar(2)))));
        withX("Square", (dy, x) -> mul(dy, mul(f32(x), scalar(2))));
        withX("Reciprocal", (dy, x) -> div(dy, neg(square(x))));
        for (String k : new String[] {"Sign", "Floor", "Ceil", "Round", "Step", "IsNan", "IsInf", "IsFinite"}) {
            zero(k);
        }

        withX("Sin", (dy, x) -> mul(cos(f32(x)), dy));
        withX("Cos", (dy, x) -> mul(neg(sin(f32(x))), dy));
        withX("Tan", (dy, x) -> div(dy, square(cos(x))));
        withX("Asin", (dy, x) -> div(dy, sqrt(sub(scalar(1), square(f32(x))))));
        withX("Acos", (dy, x) -> neg(div(dy, sqrt(sub(scalar(1), square(f32(x)))))));
        withX("Atan", (dy, x) -> div(dy, add(square(f32(x)), scalar(1))));
        withX("Sinh", (dy, x) -> mul(cosh(f32(x)), dy));
        withX("Cosh", (dy, x) -> mul(sinh(f32(x)), dy));
        withY("Tanh", (dy, y) -> mul(sub(scalar(1), square(y)), dy));
        withX("Asinh", (dy, x) -> div(dy, sqrt(add(scalar(1), square(f32(x))))));
        withX("Acosh", (dy, x) -> div(dy, sqrt(sub(square(f32(x)), scalar(1)))));
        withX("Atanh", (dy, x) -> div(dy, sub(scalar(1), square(f32(x)))));

        withY("Sigmoid", (dy, y) -> mul(dy, mul(y, sub(scalar(1), y))));
        withX("Relu", (dy, x) -> mul(dy, f32(step(x, 0))));
        withX("Relu6", (dy, x) -> mul(dy, f32(constant(() -> mul(Logic.lessEqual(x, scalar(6)), step(x, 0))))));
        withY("Elu", (dy, y) -> OpSupport.run("EluGrad", Attrs.EMPTY, dy, y));
        withX("Selu", (dy, x) -> {
            Tensor mask = constant(() -> Logic.greater(x, scalar(0)));
            Tensor scaleAlpha = scalar(SELU_SCALE_ALPHA);
            Tensor scale = scalar(SELU_SCALE);
            Tensor greaterThanZeroDer = mul(dy, scale);
            Tensor lessEqualZeroDer = mul(mul(dy, scaleAlpha), exp(f32(x)));
            return Logic.where(mask, greaterThanZeroDer, lessEqualZeroDer);
        });
        GradientRegistry.register("LeakyRelu", X, null, (i, g) -> {
            Tensor x = g.saved(0);
            Tensor mask = constant(() -> Logic.greater(x, scalar(0)));
            return Logic.where(mask, g.dy(), mul(g.dy(), scalar(g.attrs().getDouble("alpha"))));
        });
        withX("Softplus", (dy, x) -> mul(dy, sigmoid(x)));
        withX("Erf", (dy, x) -> mul(dy, mul(exp(neg(square(x))), scalar(2 / Math.sqrt(Math.PI)))));
        GradientRegistry.register("ClipByValue", X, null, (i, g) -> {
            Tensor x = g.saved(0);
            double min = g.attrs().getDouble("clipValueMin");
            double max = g.attrs().getDouble("clipValueMax");
            Tensor inside = constant(() -> Logic.logicalAnd(Logic.greaterEqual(x, scalar(min)),
                    Logic.lessEqual(x, scalar(max))));
            return Logic.where(inside, g.dy(), GradOps.zerosLike(g.dy()));
        });

        // Not in TF.js (its second derivative of elu fails): EluGrad(dy, y) is dy where y >= 0 and
        // dy * (y + 1) elsewhere, so d/d(dy) is EluGrad itself and d/dy is dy where y < 0.
        GradientRegistry.register("EluGrad", new int[] {0, 1}, null, (i, g) -> {
            Tensor y = g.saved(1);
            if (i == 0) {
                return OpSupport.run("EluGrad", Attrs.EMPTY, g.dy(), y);
            }
            Tensor negative = constant(() -> Logic.less(y, scalar(0)));
            return mul(mul(g.dy(), g.saved(0)), f32(negative));
        });
    }
}
