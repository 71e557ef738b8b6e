package dev.samovar.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Unary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The autodiff machinery on hand-checked math; per-kernel gradients are in the op suite. */
class GradientsTest {
    private final Engine engine = Engine.get();

    @Test
    void gradOfSumOfSquaresIsTwiceX() {
        Tensor x = Creation.tensor1d(1, -2, 3);
        int before = engine.numTensors();
        Tensor g = Gradients.grad(t -> Reduction.sum(Arithmetic.mul(t, t)), x);
        assertArrayEquals(new float[] {2, -4, 6}, g.dataSync());
        assertEquals(before + 1, engine.numTensors(), "only the gradient is left");
        g.dispose();
        x.dispose();
    }

    @Test
    void broadcastingIsSummedBack() {
        // f(a, b) = sum(a * b), a: [2,3], b: [3] -> da = b broadcast, db = column sums of a
        Tensor a = Creation.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Creation.tensor1d(10, 20, 30);
        Tensor[] g = Gradients.grads(xs -> Reduction.sum(Arithmetic.mul(xs[0], xs[1])), a, b);
        assertArrayEquals(new float[] {10, 20, 30, 10, 20, 30}, g[0].dataSync());
        assertArrayEquals(new float[] {5, 7, 9}, g[1].dataSync());
        assertArrayEquals(new int[] {3}, g[1].shape());
    }

    @Test
    void matMulGradientsAreTheTransposedProducts() {
        // y = sum(a @ b); da = ones @ b^T, db = a^T @ ones
        Tensor a = Creation.tensor(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Creation.tensor(new float[] {5, 6, 7, 8}, 2, 2);
        Tensor[] g = Gradients.grads(xs -> Reduction.sum(Linalg.matMul(xs[0], xs[1])), a, b);
        assertArrayEquals(new float[] {11, 15, 11, 15}, g[0].dataSync());
        assertArrayEquals(new float[] {4, 4, 6, 6}, g[1].dataSync());
    }

    @Test
    void explicitDyScalesTheGradient() {
        Tensor x = Creation.tensor1d(1, 2);
        Tensor g = Gradients.grad(t -> Arithmetic.mul(t, Creation.scalar(3)), x, Creation.tensor1d(1, 10));
        assertArrayEquals(new float[] {3, 30}, g.dataSync());
        assertThrows(IllegalArgumentException.class,
                () -> Gradients.grad(t -> Arithmetic.mul(t, t), x, Creation.tensor1d(1, 2, 3)));
    }

    @Test
    void secondDerivativeOfAnElementwiseFunction() {
        // d2/dx2 of x^3 = 6x
        Tensor x = Creation.tensor1d(1, 2, 3);
        Tensor g2 = Gradients.grad(
                t -> Gradients.grad(u -> Arithmetic.mul(Arithmetic.mul(u, u), u), t), x);
        assertArrayEquals(new float[] {6, 12, 18}, g2.dataSync());
    }

    @Test
    void unconnectedInputsFailClearly() {
        Tensor x = Creation.tensor1d(1);
        Tensor other = Creation.tensor1d(2);
        int before = engine.numTensors();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gradients.grad(t -> Unary.exp(other), x));
        assertTrue(e.getMessage().startsWith("Cannot compute gradient of y=f(x) with respect to x."), e.getMessage());
        assertEquals(before, engine.numTensors(), "nothing is left behind");
    }

    @Test
    void variablesAreTrainedThroughVariableGrads() {
        Variable w = Gradients.variable(Creation.tensor1d(1, 2), true, "w_test_vg", null);
        Variable frozen = Gradients.variable(Creation.tensor1d(5), false, "frozen_test_vg", null);
        Gradients.VariableGrads r = Gradients.variableGrads(
                () -> Reduction.sum(Arithmetic.mul(Arithmetic.mul(w, w), frozen)), List.of(w, frozen));
        assertArrayEquals(new float[] {10, 20}, r.grads.get("w_test_vg").dataSync());
        assertTrue(r.grads.containsKey("frozen_test_vg"));
        assertNull(r.grads.get("frozen_test_vg"));
        assertEquals(25, r.value.item());
        w.assign(Creation.tensor1d(3, 4));
        assertArrayEquals(new float[] {3, 4}, w.dataSync());
        assertThrows(IllegalArgumentException.class, () -> w.assign(Creation.tensor1d(1)));
        assertThrows(IllegalArgumentException.class, () -> Gradients.variable(Creation.scalar(1), true, "w_test_vg", null));
        w.dispose();
        frozen.dispose();
        assertTrue(!engine.registeredVariables().containsKey("w_test_vg"));
    }

    @Test
    void customGradUsesItsOwnGradient() {
        // value x^2 but declared gradient 100 * dy
        var f = Gradients.customGrad((xs, save) -> new Gradients.Custom(Arithmetic.mul(xs[0], xs[0]),
                (dy, saved) -> new Tensor[] {Arithmetic.mul(dy, Creation.scalar(100))}));
        Tensor x = Creation.tensor1d(1, 2);
        Tensor g = Gradients.grad(t -> f.apply(new Tensor[] {t}), x);
        assertArrayEquals(new float[] {100, 100}, g.dataSync());
        assertArrayEquals(new float[] {1, 4}, f.apply(new Tensor[] {x}).dataSync());
    }

    @Test
    void tapeRegionKeepsTensorCountsFlatOverManySteps() {
        Variable w = Gradients.variable(Creation.tensor1d(0.5f, -0.5f), true, "w_tape", null);
        Tensor x = Creation.tensor1d(1, 2);
        int before = engine.numTensors();
        for (int step = 0; step < 500; step++) {
            engine.tidy(() -> {
                try (GradientTape tape = GradientTape.start()) {
                    Tensor loss = Reduction.sum(Unary.relu(Arithmetic.mul(w, x)));
                    Tensor[] g = tape.gradients(loss, w);
                    w.assign(Arithmetic.sub(w, Arithmetic.mul(g[0], Creation.scalar(0.01f))));
                }
                return null;
            });
            assertEquals(before, engine.numTensors(), "step " + step);
        }
        // relu(w*x) with w*x = [0.5, -1]: only w[0] moves, by -0.01 * x[0] per step, until w[0]*x[0]
        // is no longer positive (51 steps: 0.5 - 0.51), where relu's gradient is 0.
        assertEquals(-0.01f, w.dataSync()[0], 1e-4);
        assertEquals(-0.5f, w.dataSync()[1]);
        w.dispose();
        x.dispose();
    }
}
