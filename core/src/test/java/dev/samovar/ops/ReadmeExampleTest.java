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
}
