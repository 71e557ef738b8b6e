package dev.samovar.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import dev.samovar.train.Gradients;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradients of gradients of elementwise functions against hand-derived formulas, and the places
 * where the gradients do better than TF.js's (broadcast inputs of maximum / minimum /
 * squaredDifference / prelu, int32 inputs of greaterEqual). First derivatives are in the op suite
 * (tests/fixtures/cases/grad-elementwise.mjs), against TF.js itself.
 */
class ElementwiseGradientsTest {
    private static final float[] XS = {-1.7f, -0.6f, -0.2f, 0.3f, 0.9f, 2.1f};
    private static final float[] POSITIVE = {0.25f, 0.6f, 1f, 1.5f, 2.2f, 3.7f};

    private final Engine engine = Engine.get();

    /** d²/dx² of f at xs, checked against {@code expected} (double) and for leaks. */
    private void secondDerivative(Function<Tensor, Tensor> f, float[] xs, DoubleUnaryOperator expected) {
        Tensor x = Creation.tensor1d(xs);
        int before = engine.numTensors();
        Tensor g2 = Gradients.grad(t -> Gradients.grad(f, t), x);
        assertEquals(before + 1, engine.numTensors(), "only the second derivative is left");
        assertEquals(DType.FLOAT32, g2.dtype());
        assertClose(expected, xs, g2.dataSync());
        g2.dispose();
        x.dispose();
    }

    private static void assertClose(DoubleUnaryOperator expected, float[] xs, float[] actual) {
        for (int i = 0; i < xs.length; i++) {
            double e = expected.applyAsDouble(xs[i]);
            assertTrue(Math.abs(actual[i] - e) <= 1e-5 * Math.max(1, Math.abs(e)),
                    "at x = " + xs[i] + ": " + actual[i] + ", expected " + e);
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void trigonometric() {
        secondDerivative(Unary::sin, XS, x -> -Math.sin(x));
        secondDerivative(Unary::cos, XS, x -> -Math.cos(x));
        secondDerivative(Unary::tan, XS, x -> 2 * Math.tan(x) / (Math.cos(x) * Math.cos(x)));
        secondDerivative(Unary::atan, XS, x -> -2 * x / ((1 + x * x) * (1 + x * x)));
        secondDerivative(Unary::asin, new float[] {-0.7f, -0.1f, 0.4f, 0.8f}, x -> x / Math.pow(1 - x * x, 1.5));
        secondDerivative(Unary::acos, new float[] {-0.7f, -0.1f, 0.4f, 0.8f}, x -> -x / Math.pow(1 - x * x, 1.5));
    }

    @Test
    void hyperbolic() {
        secondDerivative(Unary::tanh, XS, x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)));
        secondDerivative(Unary::sinh, XS, Math::sinh);
        secondDerivative(Unary::cosh, XS, Math::cosh);
        secondDerivative(Unary::asinh, XS, x -> -x / Math.pow(1 + x * x, 1.5));
        secondDerivative(Unary::acosh, new float[] {1.3f, 2f, 4.5f}, x -> -x / Math.pow(x * x - 1, 1.5));
        secondDerivative(Unary::atanh, new float[] {-0.7f, -0.1f, 0.4f, 0.8f},
                x -> 2 * x / ((1 - x * x) * (1 - x * x)));
    }

    @Test
    void exponentialsAndLogarithms() {
        secondDerivative(Unary::exp, XS, Math::exp);
        secondDerivative(Unary::expm1, XS, Math::exp);
        secondDerivative(Unary::log, POSITIVE, x -> -1 / (x * x));
        secondDerivative(Unary::log1p, POSITIVE, x -> -1 / ((1 + x) * (1 + x)));
        secondDerivative(Unary::sqrt, POSITIVE, x -> -0.25 / Math.pow(x, 1.5));
        secondDerivative(Unary::rsqrt, POSITIVE, x -> 0.75 / Math.pow(x, 2.5));
        secondDerivative(Unary::reciprocal, POSITIVE, x -> 2 / (x * x * x));
        secondDerivative(Unary::square, XS, x -> 2);
        secondDerivative(Unary::erf, XS, x -> -4 * x / Math.sqrt(Math.PI) * Math.exp(-x * x));
    }

    @Test
    void activations() {
        secondDerivative(Unary::sigmoid, XS, x -> {
            double s = sigmoid(x);
            return s * (1 - s) * (1 - 2 * s);
        });
        secondDerivative(Unary::softplus, XS, x -> sigmoid(x) * (1 - sigmoid(x)));
        secondDerivative(Unary::logSigmoid, XS, x -> -sigmoid(x) * (1 - sigmoid(x)));
        // TF.js cannot take these (its masks come from Greater / LessEqual, which have no gradient).
        secondDerivative(Unary::elu, XS, x -> x < 0 ? Math.exp(x) : 0);
        secondDerivative(Unary::selu, XS, x -> x < 0 ? 1.7580993408473768 * Math.exp(x) : 0);
        secondDerivative(t -> Unary.leakyRelu(Arithmetic.mul(t, t), 0.1), XS, x -> 2);
        secondDerivative(t -> Unary.relu6(Arithmetic.mul(t, t)), XS, x -> 2);
        secondDerivative(t -> Unary.relu(Arithmetic.mul(t, t)), XS, x -> 2);
        secondDerivative(t -> Unary.abs(Unary.sin(t)), XS, x -> -Math.abs(Math.sin(x)));
        secondDerivative(t -> Unary.clipByValue(Arithmetic.mul(t, t), 0.05, 1), XS,
                x -> x * x >= 0.05 && x * x <= 1 ? 2 : 0);
        secondDerivative(t -> Unary.prelu(Unary.sin(t), Creation.scalar(0.5f)), XS,
                x -> -Math.sin(x) * (Math.sin(x) > 0 ? 1 : 0.5));
    }

    @Test
    void powersAndProducts() {
        Tensor three = Creation.scalar(3);
        secondDerivative(t -> Arithmetic.pow(t, three), XS, x -> 6 * x);
        secondDerivative(t -> Arithmetic.pow(Creation.scalar(2), t), XS, x -> Math.pow(2, x) * Math.log(2) * Math.log(2));
        // x^x: (x^x)'' = x^x ((ln x + 1)^2 + 1/x)
        secondDerivative(t -> Arithmetic.pow(t, t), POSITIVE,
                x -> Math.pow(x, x) * ((Math.log(x) + 1) * (Math.log(x) + 1) + 1 / x));
        secondDerivative(t -> Arithmetic.mul(t, Unary.sin(t)), XS, x -> 2 * Math.cos(x) - x * Math.sin(x));
        secondDerivative(t -> Arithmetic.div(Creation.scalar(1), t), POSITIVE, x -> 2 / (x * x * x));
        secondDerivative(t -> Arithmetic.div(Unary.sin(t), t), POSITIVE,
                x -> -Math.sin(x) / x - 2 * Math.cos(x) / (x * x) + 2 * Math.sin(x) / (x * x * x));
        secondDerivative(t -> Arithmetic.squaredDifference(Unary.sin(t), t), XS,
                x -> 2 * (Math.cos(x) - 1) * (Math.cos(x) - 1) - 2 * (Math.sin(x) - x) * Math.sin(x));
        secondDerivative(t -> Arithmetic.atan2(t, Creation.scalar(2)), XS, x -> -4 * x / ((x * x + 4) * (x * x + 4)));
        secondDerivative(t -> Arithmetic.maximum(Arithmetic.mul(t, t), Creation.scalar(1)), XS, x -> x * x >= 1 ? 2 : 0);
        secondDerivative(t -> Arithmetic.minimum(Arithmetic.mul(t, t), Creation.scalar(1)), XS, x -> x * x <= 1 ? 2 : 0);
        secondDerivative(t -> Arithmetic.sub(Arithmetic.mul(t, t), Unary.neg(t)), XS, x -> 2);
        three.dispose();
    }

    @Test
    void castAddNAndSelectStayConnected() {
        // The gradients of Cast and AddN are recorded copies of dy, so second derivatives flow.
        secondDerivative(t -> Unary.sin(Transform.cast(t, DType.FLOAT32)), XS, x -> -Math.sin(x));
        secondDerivative(t -> Unary.sin(Arithmetic.addN(t, t)), XS, x -> -4 * Math.sin(2 * x));
        Tensor c = Creation.tensor(new boolean[] {true, false, true, false, true, false}, 6);
        secondDerivative(t -> Logic.where(c, Arithmetic.mul(t, t), Unary.sin(t)), XS,
                x -> x == XS[0] || x == XS[2] || x == XS[4] ? 2 : -Math.sin(x));
        c.dispose();
    }

    @Test
    void thirdDerivative() {
        Tensor x = Creation.tensor1d(XS);
        Tensor g3 = Gradients.grad(a -> Gradients.grad(b -> Gradients.grad(Unary::sin, b), a), x);
        assertClose(v -> -Math.cos(v), XS, g3.dataSync());
        Tensor t3 = Gradients.grad(a -> Gradients.grad(b -> Gradients.grad(Unary::tanh, b), a), x);
        assertClose(v -> {
            double th = Math.tanh(v);
            double s2 = 1 - th * th;
            return -2 * s2 * s2 + 4 * th * th * s2;
        }, XS, t3.dataSync());
        x.dispose();
        g3.dispose();
        t3.dispose();
    }

    @Test
    void mixedPartials() {
        // f(x, y) = x^2 * sin(y): d/dy (df/dx) = 2x cos(y)
        Tensor x = Creation.tensor1d(0.5f, -1.5f);
        Tensor y = Creation.tensor1d(0.3f, 2f);
        Tensor dxy = Gradients.grad(
                b -> Gradients.grad(a -> Arithmetic.mul(Arithmetic.mul(a, a), Unary.sin(b)), x), y);
        assertArrayEquals(new float[] {(float) (2 * 0.5 * Math.cos(0.3)), (float) (2 * -1.5 * Math.cos(2))},
                dxy.dataSync(), 1e-6f);
        x.dispose();
        y.dispose();
        dxy.dispose();
    }

    @Test
    void elementwiseTrainingStepHasNoLeaks() {
        Tensor x = Creation.tensor1d(XS);
        int before = engine.numTensors();
        for (int i = 0; i < 20; i++) {
            Tensor g = Gradients.grad(t -> Reduction.sum(Unary.elu(Arithmetic.mul(Unary.tanh(t), Creation.scalar(3)))), x);
            g.dispose();
        }
        assertEquals(before, engine.numTensors());
        x.dispose();
    }

    // --------------------------------------------------------------- better than TF.js

    @Test
    void maximumAndMinimumSumBroadcastInputsBack() {
        // TF.js fails here: "The gradient of input 'b' has shape '2,3', which does not match ...".
        Tensor a = Creation.tensor(new float[] {1, 5, 3, 4, 2, 6}, 2, 3);
        Tensor b = Creation.tensor1d(2, 4, 3);
        Tensor dy = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor[] max = Gradients.grads(xs -> Arithmetic.maximum(xs[0], xs[1]), new Tensor[] {a, b}, dy);
        assertArrayEquals(new float[] {0, 2, 3, 4, 0, 6}, max[0].dataSync());
        assertArrayEquals(new float[] {1 + 0, 0 + 5, 0 + 0}, max[1].dataSync());
        assertArrayEquals(new int[] {3}, max[1].shape());
        Tensor[] min = Gradients.grads(xs -> Arithmetic.minimum(xs[0], xs[1]), new Tensor[] {a, b}, dy);
        assertArrayEquals(new float[] {1, 0, 3, 0, 5, 0}, min[0].dataSync());
        assertArrayEquals(new float[] {0 + 4, 2 + 0, 0 + 6}, min[1].dataSync());
        a.dispose();
        b.dispose();
        dy.dispose();
        for (Tensor t : max) {
            t.dispose();
        }
        for (Tensor t : min) {
            t.dispose();
        }
    }

    @Test
    void squaredDifferenceSumsBroadcastInputsBack() {
        Tensor a = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Creation.tensor1d(1, 1, 1);
        Tensor[] g = Gradients.grads(xs -> Arithmetic.squaredDifference(xs[0], xs[1]), a, b);
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, g[0].dataSync());
        // d/db sum((a - b)^2) = -2 * column sums of (a - b)
        assertArrayEquals(new float[] {-6, -10, -14}, g[1].dataSync());
        a.dispose();
        b.dispose();
        g[0].dispose();
        g[1].dispose();
    }

    @Test
    void preluSumsABroadcastXBack() {
        Tensor x = Creation.tensor1d(-2, 3);
        Tensor alpha = Creation.tensor(new float[] {0.5f, 0.5f, 0.25f, 0.25f}, 2, 2);
        Tensor[] g = Gradients.grads(xs -> Unary.prelu(xs[0], xs[1]), x, alpha);
        assertArrayEquals(new float[] {0.75f, 2}, g[0].dataSync());
        assertArrayEquals(new float[] {-2, 0, -2, 0}, g[1].dataSync());
        x.dispose();
        alpha.dispose();
        g[0].dispose();
        g[1].dispose();
    }

    @Test
    void greaterEqualOfInt32GivesFloatZeros() {
        // TF.js returns zerosLike(a), an int32 tensor, and fails its own float32 check.
        Tensor a = Creation.tensor(new int[] {1, 2}, new int[] {2}, DType.INT32);
        Tensor b = Creation.tensor(new int[] {2, 2}, new int[] {2}, DType.INT32);
        Tensor[] g = Gradients.grads(xs -> Logic.greaterEqual(xs[0], xs[1]), a, b);
        assertEquals(DType.FLOAT32, g[0].dtype());
        assertArrayEquals(new float[] {0, 0}, g[0].dataSync());
        assertArrayEquals(new float[] {0, 0}, g[1].dataSync());
        a.dispose();
        b.dispose();
        g[0].dispose();
        g[1].dispose();
    }

    @Test
    void addNGivesDyToEachInput() {
        Tensor x = Creation.tensor1d(1, 2);
        Tensor y = Creation.tensor1d(3, 4);
        Tensor dy = Creation.tensor1d(0.5f, -2);
        int before = engine.numTensors();
        Tensor[] g = Gradients.grads(xs -> Arithmetic.addN(xs[0], xs[1], xs[0]), new Tensor[] {x, y}, dy);
        assertEquals(before + 2, engine.numTensors());
        assertArrayEquals(new float[] {1, -4}, g[0].dataSync());
        assertArrayEquals(new float[] {0.5f, -2}, g[1].dataSync());
        Tensor i = Creation.tensor(new int[] {1, 2}, new int[] {2}, DType.INT32);
        Tensor gi = Gradients.grad(t -> Arithmetic.addN(t, t), i);
        assertEquals(DType.FLOAT32, gi.dtype());
        assertArrayEquals(new float[] {2, 2}, gi.dataSync());
        for (Tensor t : new Tensor[] {x, y, dy, g[0], g[1], i, gi}) {
            t.dispose();
        }
    }

    @Test
    void comparisonsHaveNoGradientAsInTfjs() {
        Tensor x = Creation.tensor1d(1, 2);
        int before = engine.numTensors();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gradients.grad(t -> Logic.where(Logic.greater(t, Creation.scalar(1)), t, t), x));
        assertEquals("Cannot compute gradient: gradient function not found for Greater.", e.getMessage());
        assertEquals(before, engine.numTensors());
        x.dispose();
    }
}
