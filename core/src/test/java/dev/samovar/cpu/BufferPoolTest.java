package dev.samovar.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Fused;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Recycling of large buffers: reused only when no tensor and no outside view can see them. */
class BufferPoolTest {
    private static final int N = BufferPool.MIN_LENGTH;

    @Test
    void aFreedLargeBufferIsReusedZeroed() {
        float[] values = new float[N];
        Arrays.fill(values, 7);
        Tensor t = Engine.get().makeTensor(values, new int[] {N}, DType.FLOAT32);
        t.dispose();
        float[] again = Cpu.newFloats(N);
        assertSame(values, again, "the freed array comes back");
        assertEquals(0, again[0]);
        assertEquals(0, again[N - 1]);
        assertNotSame(again, Cpu.newFloats(N), "an array is handed out once");
    }

    @Test
    void smallBuffersAreNotPooled() {
        float[] values = new float[N - 1];
        Engine.get().makeTensor(values, new int[] {N - 1}, DType.FLOAT32).dispose();
        assertNotSame(values, Cpu.newFloats(N - 1));
    }

    @Test
    void anExposedBufferIsNeverReused() {
        float[] values = new float[N];
        Tensor t = Engine.get().makeTensor(values, new int[] {N}, DType.FLOAT32);
        t.dataId().backend().expose(t.dataId());
        t.dispose();
        assertNotSame(values, Cpu.newFloats(N));
    }

    @Test
    void anArrayHeldByTwoBuffersWaitsForBoth() {
        float[] values = new float[N];
        Arrays.fill(values, 3);
        Tensor a = Engine.get().makeTensor(values, new int[] {N}, DType.FLOAT32);
        Tensor b = Engine.get().makeTensor(values, new int[] {N}, DType.FLOAT32);
        a.dispose();
        float[] other = Cpu.newFloats(N);
        assertNotSame(values, other);
        assertEquals(3, b.dataSync()[N - 1]);
        b.dispose();
        assertSame(values, Cpu.newFloats(N));
    }

    @Test
    void fusedMatMulResultSurvivesLaterOps() {
        // _FusedMatMul without bias or activation hands its product's array to the result.
        Tensor a = Creation.ones(128, 128);
        Tensor b = Creation.ones(128, 128);
        Tensor y = Fused.matMul(a, b, false, false, null, "linear", null, 0.2f);
        for (int i = 0; i < 3; i++) {
            Engine.get().tidy(() -> Arithmetic.add(Creation.zeros(128, 128), Creation.ones(128, 128))).dispose();
        }
        float[] expected = new float[128 * 128];
        Arrays.fill(expected, 128);
        assertArrayEquals(expected, y.dataSync());
        a.dispose();
        b.dispose();
        y.dispose();
    }
}
