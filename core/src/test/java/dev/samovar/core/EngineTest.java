package dev.samovar.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scopes, keep, dispose and memory(), with the semantics of TF.js's engine. */
class EngineTest {
    private final Engine engine = Engine.get();

    @Test
    void cpuBackendIsFoundThroughServiceLoader() {
        assertEquals("cpu", engine.backendName());
        assertTrue(engine.backendNames().contains("cpu"));
        assertFalse(engine.setBackend("no-such-backend"));
        assertEquals("cpu", engine.backendName());
    }

    @Test
    void scopeDisposesIntermediatesAndKeepsEscapedResult() {
        int before = engine.numTensors();
        Tensor result;
        Tensor intermediate;
        try (Scope s = engine.startScope()) {
            Tensor a = Creation.tensor1d(1, 2, 3);
            intermediate = Arithmetic.add(a, a);
            result = s.escape(Arithmetic.mul(intermediate, a));
        }
        assertTrue(intermediate.isDisposed());
        assertFalse(result.isDisposed());
        assertEquals(before + 1, engine.numTensors());
        assertEquals("[2.0, 8.0, 18.0]", java.util.Arrays.toString(result.dataSync()));
        result.dispose();
        assertEquals(before, engine.numTensors());
    }

    @Test
    void tidyResultMovesToTheEnclosingScope() {
        int before = engine.numTensors();
        Tensor inner;
        try (Scope outer = engine.startScope()) {
            inner = engine.tidy(() -> Creation.scalar(5));
            assertFalse(inner.isDisposed());
        }
        assertTrue(inner.isDisposed(), "the outer scope owns the tidy result and disposes it");
        assertEquals(before, engine.numTensors());
    }

    @Test
    void keptTensorsSurviveEveryScope() {
        int before = engine.numTensors();
        Tensor kept = engine.tidy(() -> {
            Tensor k = Creation.scalar(1).keep();
            Creation.scalar(2);
            return null;
        });
        assertEquals(null, kept);
        assertEquals(before + 1, engine.numTensors());
        engine.tidy(() -> {
            Tensor k = Creation.scalar(3);
            engine.keep(k);
            return List.of();
        });
        assertEquals(before + 2, engine.numTensors());
    }

    @Test
    void tidyDisposesOnException() {
        int before = engine.numTensors();
        assertThrows(IllegalArgumentException.class, () -> engine.tidy(() -> {
            Creation.ones(2, 2);
            return Arithmetic.add(Creation.ones(2, 3), Creation.ones(4));
        }));
        assertEquals(before, engine.numTensors());
        assertEquals(0, engine.scopeDepth());
    }

    @Test
    void closingScopesOutOfOrderFails() {
        Scope outer = engine.startScope("outer");
        Scope inner = engine.startScope("inner");
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertTrue(e.getMessage().contains("outer"));
        inner.close();
        outer.close();
        assertEquals(0, engine.scopeDepth());
    }

    @Test
    void memoryCountsBytesPerTensorAndBuffersOnce() {
        MemoryInfo m0 = engine.memory();
        Tensor a = Creation.zeros(2, 3);
        Tensor b = Transform.reshape(a, 3, 2);
        MemoryInfo m1 = engine.memory();
        assertEquals(m0.numTensors + 2, m1.numTensors);
        assertEquals(m0.numDataBuffers + 1, m1.numDataBuffers, "reshape shares the buffer");
        assertEquals(m0.numBytes + 48, m1.numBytes, 0, "TF.js counts bytes per tensor");
        assertSame(a.dataId(), b.dataId());
        a.dispose();
        assertFalse(b.isDisposed());
        assertEquals(1, b.dataId().refCount());
        b.dispose();
        MemoryInfo m2 = engine.memory();
        assertEquals(m0.numTensors, m2.numTensors);
        assertEquals(m0.numDataBuffers, m2.numDataBuffers);
        assertEquals(m0.numBytes, m2.numBytes, 0);
        assertTrue(m2.unreliable);
    }

    @Test
    void disposedTensorsFailClearly() {
        Tensor a = Creation.ones(2);
        a.dispose();
        a.dispose();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::dataSync);
        assertEquals("Tensor is disposed.", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Arithmetic.add(a, a));
    }

    @Test
    void hugeShapesAreRejectedBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Creation.zeros(100000, 100000));
        assertTrue(e.getMessage().contains("100000,100000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Creation.zeros(2, -1));
    }

    @Test
    void printsLikeTfjs() {
        Tensor t = Creation.tensor(new float[] {1, 22.5f, -3, 4000, 5, 0.125f}, 2, 3);
        assertEquals("Tensor\n    [[1   , 22.5, -3   ],\n     [4000, 5   , 0.125]]", t.toString());
        assertEquals("Tensor\n  dtype: float32\n  rank: 2\n  shape: [2,3]\n  values:\n"
                + "    [[1   , 22.5, -3   ],\n     [4000, 5   , 0.125]]", t.toString(true));
        t.dispose();
    }
}
