package dev.samovar.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.train.Gradients;
import java.util.function.Function;

/** Test helpers: deterministic tensors, closeness, and central finite differences. */
final class GradCheck {
    private GradCheck() {
    }

    /** Deterministic values in [-1, 1) (a small LCG), float32. */
    static Tensor rand(long seed, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        long s = seed * 6364136223846793005L + 1442695040888963407L;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            v[i] = (float) (((s >>> 33) % 20001) / 10000.0 - 1);
        }
        return Creation.tensor(v, shape);
    }

    static void assertClose(Tensor expected, Tensor actual, double rtol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.dataSync();
        float[] a = actual.dataSync();
        for (int i = 0; i < e.length; i++) {
            double tol = 1e-6 + rtol * Math.abs(e[i]);
            if (!(Math.abs(e[i] - a[i]) <= tol) && !(Float.isNaN(e[i]) && Float.isNaN(a[i]))) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
            }
        }
    }

    /**
     * Checks the gradients of S(xs) = sum(f(xs) * w) (w fixed weights) against central finite
     * differences at up to 30 elements of each x.
     */
    static void checkFiniteDifferences(Function<Tensor[], Tensor> f, Tensor... xs) {
        Engine engine = Engine.get();
        int before = engine.numTensors();
        Tensor out = engine.tidy(() -> f.apply(xs));
        Tensor w = rand(99, out.shape());
        out.dispose();
        Function<Tensor[], Tensor> s = v -> Reduction.sum(Arithmetic.mul(f.apply(v), w));
        Tensor[] grads = Gradients.grads(s, xs);
        for (int k = 0; k < xs.length; k++) {
            assertArrayEquals(xs[k].shape(), grads[k].shape(), "gradient shape of input " + k);
            float[] x = xs[k].dataSync();
            float[] g = grads[k].dataSync();
            int step = Math.max(1, x.length / 30);
            for (int e = 0; e < x.length; e += step) {
                double h = 1e-2 * Math.max(1, Math.abs(x[e]));
                float xp = (float) (x[e] + h);
                float xm = (float) (x[e] - h);
                double numeric = (value(s, xs, k, e, xp) - value(s, xs, k, e, xm)) / ((double) xp - xm);
                double tol = 2e-2 * Math.max(1, Math.max(Math.abs(numeric), Math.abs(g[e])));
                if (!(Math.abs(numeric - g[e]) <= tol)) {
                    fail("d/dx" + k + "[" + e + "]: gradient " + g[e] + ", finite differences " + numeric);
                }
            }
            grads[k].dispose();
        }
        w.dispose();
        assertEquals(before, engine.numTensors(), "tensors leaked");
    }

    private static double value(Function<Tensor[], Tensor> s, Tensor[] xs, int k, int e, float v) {
        return Engine.get().tidy(() -> {
            float[] values = xs[k].dataSync();
            values[e] = v;
            Tensor[] args = xs.clone();
            args[k] = Creation.tensor(values, xs[k].shape());
            Tensor r = s.apply(args);
            return (double) r.dataSync()[0];
        });
    }
}
