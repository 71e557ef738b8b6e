package dev.samovar.grad;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fused-op gradient case (see FusedGradientCases): inputs, options, dy and TF.js's gradients. */
final class Case {
    final String name;
    final String op;
    final Map<String, int[]> shapes = new LinkedHashMap<>();
    final Map<String, float[]> values = new LinkedHashMap<>();
    final Map<String, Object> opts = new LinkedHashMap<>();
    final Map<String, int[]> expectedShapes = new LinkedHashMap<>();
    final Map<String, float[]> expected = new LinkedHashMap<>();
    int[] dyShape;
    float[] dyValues;

    Case(String name, String op) {
        this.name = name;
        this.op = op;
    }

    /** The generator's exact values: multiples of scale / 8. */
    static float[] values(int n, int seed, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((((i * 7 + seed * 13) % 19) - 9) / 8.0 * scale);
        }
        return v;
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    Case tensor(String key, int[] shape, int seed, double scale) {
        shapes.put(key, shape);
        values.put(key, values(size(shape), seed, scale));
        return this;
    }

    Case opt(String key, Object value) {
        opts.put(key, value);
        return this;
    }

    Case dy(int[] shape, int seed) {
        dyShape = shape;
        dyValues = values(size(shape), seed, 1);
        return this;
    }

    Case expect(String key, int[] shape, float[] grad) {
        expectedShapes.put(key, shape);
        expected.put(key, grad);
        return this;
    }

    Tensor make(String key) {
        return Creation.tensor(values.get(key), shapes.get(key));
    }

    @Override
    public String toString() {
        return name;
    }
}
