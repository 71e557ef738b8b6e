package dev.samovar.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import org.junit.jupiter.api.Test;

/** The Java example of the README, kept compiling and true. */
class ReadmeExampleTest {
    @Test
    void readmeJavaExample() {
        int before = Engine.get().numTensors();
        Tensor result;
        try (Scope scope = Engine.get().startScope()) {
            Tensor a = Creation.tensor(new float[] {1, 2, 3, 4}, 2, 2);
            Tensor h = Arithmetic.add(Linalg.matMul(a, a), Creation.scalar(1));
            result = scope.escape(Unary.relu(h));
        }
        // [[1,2],[3,4]]^2 = [[7,10],[15,22]]; + 1
        assertEquals("Tensor\n    [[8 , 11],\n     [16, 23]]", result.toString());
        float[] values = result.dataSync();
        assertArrayEquals(new float[] {8, 11, 16, 23}, values);
        assertEquals(before + 1, Engine.get().numTensors());
        result.dispose();
        assertEquals(before, Engine.get().numTensors());
    }

    @Test
    void readmeTrainingExample() {
        Tensor x = Creation.tensor(new float[] {1, 2}, 2);
        Tensor y = Creation.scalar(3);
        dev.samovar.core.Variable w = dev.samovar.train.Gradients.variable(Creation.tensor(new float[] {0.5f, -0.5f}, 2));
        try (dev.samovar.train.GradientTape tape = dev.samovar.train.GradientTape.start()) {
            Tensor loss = Reduction.sum(Unary.square(Arithmetic.sub(Linalg.dot(x, w), y)));
            Tensor[] g = tape.gradients(loss, w);
            // d/dw (x.w - y)^2 = 2 (x.w - y) x = 2 * (-0.5 - 3) * [1, 2]
            assertArrayEquals(new float[] {-7, -14}, g[0].dataSync());
        }
        dev.samovar.train.Optimizer adam = dev.samovar.train.Train.adam(0.01);
        float before = Losses.meanSquaredError(y, Linalg.dot(x, w)).item();
        for (int i = 0; i < 50; i++) {
            adam.minimize(() -> Losses.meanSquaredError(y, Linalg.dot(x, w)), false, null);
        }
        float after = Losses.meanSquaredError(y, Linalg.dot(x, w)).item();
        org.junit.jupiter.api.Assertions.assertTrue(after < before, before + " -> " + after);
        adam.dispose();
        w.dispose();
    }
}
