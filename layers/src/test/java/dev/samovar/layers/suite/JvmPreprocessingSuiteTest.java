package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import dev.samovar.layers.Layers;
import dev.samovar.layers.Models;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.layers.training.LayerMetrics;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The TF.js 4.22 fixture of categoryEncoding, alphaDropout and tf.metrics.r2Score
 * (tests/fixtures/gen-preprocessing-fixtures.mjs from tests/src/test/resources/web/preprocessing-cases.js)
 * replayed through the Java API as {@code runCase} runs it; plus AlphaDropout while training
 * (random: every output is one of the two values of its affine map, checked by hand-computed math)
 * and config round trips through the layer registry.
 */
class JvmPreprocessingSuiteTest {
    private static final Map<String, String> CLASS_NAMES = Map.of("categoryEncoding", "CategoryEncoding",
            "alphaDropout", "AlphaDropout");

    @TestFactory
    List<DynamicTest> preprocessingCasesOnTheJvm() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : LayerFixture.load("preprocessing.json").getAsJsonArray("results")) {
            JsonObject c = e.getAsJsonObject().getAsJsonObject("case");
            JsonObject expected = e.getAsJsonObject().getAsJsonObject("expected");
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                JsonObject actual;
                try {
                    actual = run(c);
                } catch (RuntimeException ex) {
                    if (!expected.has("error")) {
                        throw ex;
                    }
                    Assertions.assertEquals(expected.get("error").getAsString(), ex.getMessage());
                    return;
                }
                Assertions.assertFalse(expected.has("error"), () -> "expected the error " + expected.get("error"));
                for (String k : new String[] {"className", "outputShape", "tensorsLeft"}) {
                    Assertions.assertEquals(expected.get(k), actual.get(k), k);
                }
                if (expected.has("config")) {
                    JsonObject ec = expected.getAsJsonObject("config");
                    JsonObject ac = actual.getAsJsonObject("config");
                    boolean named = c.getAsJsonObject("args").has("name");
                    if (!named) {
                        ec.remove("name");
                        ac.remove("name");
                        Assertions.assertEquals(LayerFixture.nameStem(expected.get("name").getAsString()),
                                LayerFixture.nameStem(actual.get("name").getAsString()));
                    }
                    Assertions.assertEquals(ec, ac, "config");
                }
                if (expected.has("outputs")) {
                    LayerFixture.checkTensors("output", expected.getAsJsonArray("outputs"),
                            actual.getAsJsonArray("outputs"));
                }
            }));
        }
        return tests;
    }

    static Tensor tensor(JsonObject spec) {
        int[] shape = JvmLayerSuiteTest.shape(spec.get("shape"));
        JsonArray vs = spec.getAsJsonArray("values");
        float[] v = new float[vs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = vs.get(i).getAsFloat();
        }
        Tensor t = Creation.tensor(v, shape);
        String dtype = spec.get("dtype").getAsString();
        if (!"float32".equals(dtype)) {
            Tensor c = Transform.cast(t, DType.of(dtype));
            t.dispose();
            return c;
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    static JsonObject run(JsonObject c) {
        int before = Engine.get().numTensors();
        JsonObject out = new JsonObject();
        if (c.has("metric")) {
            Tensor a = tensor(c.getAsJsonObject("yTrue"));
            Tensor b = tensor(c.getAsJsonObject("yPred"));
            String metric = c.get("metric").getAsString();
            Tensor r = LayerMetrics.function("meanAbsoluteError".equals(metric) ? "mae" : metric).apply(a, b);
            JsonArray outs = new JsonArray();
            outs.add(JvmLayerSuiteTest.tensorJson(r, true));
            out.add("outputs", outs);
            a.dispose();
            b.dispose();
            r.dispose();
            out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
            return out;
        }
        Map<String, Object> args = (Map<String, Object>) Json.parse(c.getAsJsonObject("args").toString());
        Layer layer = Layers.create(CLASS_NAMES.get(c.get("factory").getAsString()), new Args(args));
        out.addProperty("className", layer.getClassName());
        out.addProperty("name", layer.name());
        if (c.has("symbolic")) {
            JsonObject s = c.getAsJsonObject("symbolic");
            SymbolicTensor in = Models.input(Args.of("shape", JvmLayerSuiteTest.shape(s.get("shape")), "dtype",
                    s.get("dtype").getAsString()));
            SymbolicTensor y = layer.apply(in);
            out.add("outputShape", JsonParser.parseString(Js.json(dev.samovar.layers.serialization.Dims.toList(
                    y.shapeRef()))));
            out.add("config", JsonParser.parseString(Js.json(layer.getConfig())));
            return out;
        }
        Tensor x = tensor(c.getAsJsonObject("input"));
        Tensor cw = c.has("countWeights") ? tensor(c.getAsJsonObject("countWeights")) : null;
        Map<String, Object> kw = new LinkedHashMap<>();
        if (cw != null) {
            kw.put("countWeights", cw);
        }
        if (c.has("training")) {
            kw.put("training", true);
        }
        try {
            List<Tensor> ys = layer.applyTensors(List.of(x), kw);
            JsonArray outs = new JsonArray();
            outs.add(JvmLayerSuiteTest.tensorJson(ys.get(0), true));
            out.add("outputs", outs);
            ys.forEach(Tensor::dispose);
            out.add("config", JsonParser.parseString(Js.json(layer.getConfig())));
        } finally {
            x.dispose();
            if (cw != null) {
                cw.dispose();
            }
        }
        layer.dispose();
        out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
        return out;
    }

    /** While training each output is a*x+b (kept) or a*(-alphaP)+b (dropped): TF.js's formula by hand. */
    @Test
    void alphaDropoutTrainingKeepsOrSaturates() {
        double rate = 0.3;
        Layer layer = Layers.create("AlphaDropout", new Args(new LinkedHashMap<>(Map.of("rate", rate))));
        int n = 2000;
        float[] xv = JvmLayerSuiteTest.rand(n, 5, -2, 2);
        Tensor x = Creation.tensor(xv, n);
        int before = Engine.get().numTensors();
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("training", true);
        Tensor y = layer.applyTensors(List.of(x), kw).get(0);
        Assertions.assertEquals(before + 1, Engine.get().numTensors(), "one tensor made");
        double alphaP = -1.6732632423543772 * 1.0507009873554805;
        double a = Math.pow((1 - rate) * (1 + rate * alphaP * alphaP), -0.5);
        double b = -a * alphaP * rate;
        float[] yv = y.dataSync();
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            double kept = a * xv[i] + b;
            // TF.js computes x * kept + (kept - 1) * alphaP: a dropped value becomes -alphaP (Keras: +alphaP)
            double drop = -a * alphaP + b;
            boolean isKept = Math.abs(yv[i] - kept) < 1e-5;
            boolean isDropped = Math.abs(yv[i] - drop) < 1e-5;
            Assertions.assertTrue(isKept || isDropped, "value " + i + ": " + yv[i] + " for x " + xv[i] + " (kept "
                    + kept + ", dropped " + drop + ")");
            if (!isKept) {
                dropped++;
            }
        }
        Assertions.assertTrue(dropped > n * 0.25 && dropped < n * 0.35, "dropped " + dropped + " of " + n);
        Tensor inference = layer.applyTensors(List.of(x), null).get(0);
        Assertions.assertArrayEquals(xv, inference.dataSync());
        x.dispose();
        y.dispose();
        inference.dispose();
    }

    /** getConfig → the registry (as a model file loads it) → the same config. */
    @Test
    @SuppressWarnings("unchecked")
    void configsRoundTrip() {
        String[][] layers = {
            {"AlphaDropout", "{\"rate\": 0.25, \"name\": \"a\"}"},
            {"CategoryEncoding", "{\"numTokens\": 6, \"outputMode\": \"count\", \"name\": \"c\"}"},
            {"ConvLSTM2D", "{\"filters\": 3, \"kernelSize\": [2, 3], \"strides\": 2, \"padding\": \"same\", "
                    + "\"returnSequences\": true, \"dropout\": 0.25, \"unitForgetBias\": true, \"name\": \"cl\"}"},
            {"ConvLSTM2DCell", "{\"filters\": 2, \"kernelSize\": 3, \"dilationRate\": 2, \"name\": \"cc\"}"},
        };
        for (String[] l : layers) {
            Layer a = Layers.create(l[0], new Args((Map<String, Object>) Json.parse(l[1])));
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("className", a.getClassName());
            wrapped.put("config", a.getConfig());
            Layer b = LayerRegistry.deserialize((Map<String, Object>) Json.parse(Js.json(wrapped)), null);
            Assertions.assertEquals(Js.json(a.getConfig()), Js.json(b.getConfig()), l[0]);
            Assertions.assertEquals(l[0], b.getClassName());
        }
    }
}
