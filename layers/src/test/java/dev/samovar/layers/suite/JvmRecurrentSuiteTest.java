package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.io.Json;
import dev.samovar.layers.Layers;
import dev.samovar.layers.Models;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.recurrent.RNN;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.train.Gradients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the TF.js 4.22 recurrent fixture (tests/fixtures/gen-recurrent-fixtures.mjs from
 * tests/src/test/resources/web/recurrent-cases.js) replayed through the Java API as
 * {@code runRecurrentCase} runs it: outputs and gradients (1e-5), weight names and shapes,
 * config, states of stateful layers, error messages and tensor counts.
 */
class JvmRecurrentSuiteTest {
    static final Map<String, String> CLASS_NAMES = new HashMap<>();

    static {
        String[][] names = {{"simpleRNN", "SimpleRNN"}, {"lstm", "LSTM"}, {"gru", "GRU"}, {"rnn", "RNN"},
            {"simpleRNNCell", "SimpleRNNCell"}, {"lstmCell", "LSTMCell"}, {"gruCell", "GRUCell"},
            {"stackedRNNCells", "StackedRNNCells"}, {"bidirectional", "Bidirectional"},
            {"timeDistributed", "TimeDistributed"}, {"embedding", "Embedding"}, {"masking", "Masking"},
            {"dense", "Dense"}, {"convLstm2d", "ConvLSTM2D"}, {"convLstm2dCell", "ConvLSTM2DCell"},
            {"flatten", "Flatten"}};
        for (String[] n : names) {
            CLASS_NAMES.put(n[0], n[1]);
        }
    }

    static List<JsonObject> results() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : LayerFixture.load("recurrent.json").getAsJsonArray("results")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> recurrentCasesOnTheJvm() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject r : results()) {
            JsonObject c = r.getAsJsonObject("case");
            JsonObject expected = r.getAsJsonObject("expected");
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                JsonObject actual;
                try {
                    actual = run(c);
                } catch (RuntimeException e) {
                    if (!expected.has("error")) {
                        throw e;
                    }
                    actual = new JsonObject();
                    actual.addProperty("error", String.valueOf(e.getMessage()));
                }
                check(c, expected, actual);
            }));
        }
        return tests;
    }

    /** Layer names in messages without their per-class uid (uids depend on what ran before). */
    static String withoutUids(String s) {
        return s.replaceAll("(_[A-Z][A-Za-z]*?)\\d+\\b", "$1");
    }

    static void check(JsonObject c, JsonObject expected, JsonObject actual) {
        if (expected.has("error")) {
            Assertions.assertTrue(actual.has("error"), "expected the error: " + expected.get("error").getAsString());
            Assertions.assertEquals(withoutUids(expected.get("error").getAsString()),
                    withoutUids(actual.get("error").getAsString()));
            return;
        }
        if (actual.has("error")) {
            Assertions.fail(actual.get("error").getAsString());
        }
        Assertions.assertEquals(expected.get("className"), actual.get("className"), "className");
        boolean named = c.has("args") && c.getAsJsonObject("args").has("name");
        if (expected.has("name")) {
            String en = expected.get("name").getAsString();
            String an = actual.get("name").getAsString();
            Assertions.assertEquals(named ? en : LayerFixture.nameStem(en), named ? an : LayerFixture.nameStem(an),
                    "name");
        }
        JsonArray ew = expected.getAsJsonArray("weights");
        JsonArray aw = actual.getAsJsonArray("weights");
        Assertions.assertEquals(ew.size(), aw.size(), "weights");
        for (int i = 0; i < ew.size(); i++) {
            JsonObject e = ew.get(i).getAsJsonObject();
            JsonObject a = aw.get(i).getAsJsonObject();
            String wen = e.get("name").getAsString();
            String wan = a.get("name").getAsString();
            if (c.has("kerasGru")) {
                wan = wan.substring(wan.lastIndexOf('/') + 1);
            } else if (!named) {
                wen = wen.replaceAll("\\d+/", "/");
                wan = wan.replaceAll("\\d+/", "/");
            }
            Assertions.assertEquals(wen, wan, "weight name");
            Assertions.assertEquals(e.get("shape"), a.get("shape"), "weight shape " + wen);
            Assertions.assertEquals(e.get("trainable"), a.get("trainable"), "weight trainable " + wen);
        }
        if (expected.has("config")) {
            JsonObject ec = JsonParser.parseString(withoutUids(expected.getAsJsonObject("config").toString()))
                    .getAsJsonObject();
            JsonObject ac = JsonParser.parseString(withoutUids(actual.getAsJsonObject("config").toString()))
                    .getAsJsonObject();
            Assertions.assertEquals(ec, ac, "config");
        }
        for (String k : new String[] {"layers", "outputShape"}) {
            if (expected.has(k)) {
                Assertions.assertEquals(expected.get(k), actual.get(k), k);
            }
        }
        LayerFixture.checkTensors("output", expected.getAsJsonArray("outputs"), actual.getAsJsonArray("outputs"));
        for (String k : new String[] {"inputGrads", "weightGrads", "states", "statesAfterReset"}) {
            if (expected.has(k)) {
                LayerFixture.checkTensors(k, expected.getAsJsonArray(k), actual.getAsJsonArray(k));
            } else {
                Assertions.assertFalse(actual.has(k), "unexpected " + k);
            }
        }
        Assertions.assertEquals(expected.get("tensorsLeft"), actual.get("tensorsLeft"), "tensors left");
    }

    // ------------------------------------------------------------------------- the runner

    /** Arguments with {$layer, args} items made into layers (as makeArgs in recurrent-cases.js). */
    @SuppressWarnings("unchecked")
    static Object makeArgs(Object v) {
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<Object>) v) {
                out.add(makeArgs(e));
            }
            return out;
        }
        if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (m.containsKey("$layer")) {
                return makeLayer((String) m.get("$layer"), m.get("args"));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.put(e.getKey(), makeArgs(e.getValue()));
            }
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Layer makeLayer(String factory, Object args) {
        String cls = CLASS_NAMES.get(factory);
        if (cls == null) {
            throw new IllegalArgumentException("no class for factory " + factory);
        }
        Map<String, Object> a = args == null ? new LinkedHashMap<>() : (Map<String, Object>) makeArgs(args);
        return Layers.create(cls, new Args(a));
    }

    /** The values of an input spec (specValues in recurrent-cases.js). */
    static float[] specValues(JsonObject spec) {
        int[] sh = JvmLayerSuiteTest.shape(spec.get("shape"));
        int n = JvmLayerSuiteTest.size(sh);
        float[] vals = new float[n];
        if (spec.has("lengths")) {
            JsonArray lens = spec.getAsJsonArray("lengths");
            for (int b = 0; b < sh[0]; b++) {
                for (int t = 0; t < sh[1]; t++) {
                    vals[b * sh[1] + t] = t < lens.get(b).getAsInt() ? 1 : 0;
                }
            }
            return vals;
        }
        int seed = spec.get("seed").getAsInt();
        if (spec.has("ints")) {
            int max = spec.get("ints").getAsInt();
            float[] r = JvmLayerSuiteTest.rand(n, seed, 0, max);
            for (int i = 0; i < n; i++) {
                vals[i] = Math.min(max - 1, (float) Math.floor(r[i]));
            }
        } else {
            vals = JvmLayerSuiteTest.rand(n, seed, -1, 1);
        }
        if (spec.has("zeroSteps")) {
            int per = 1;
            for (int i = 2; i < sh.length; i++) {
                per *= sh[i];
            }
            for (JsonElement e : spec.getAsJsonArray("zeroSteps")) {
                int b = e.getAsJsonArray().get(0).getAsInt();
                int t = e.getAsJsonArray().get(1).getAsInt();
                for (int i = 0; i < per; i++) {
                    vals[(b * sh[1] + t) * per + i] = 0;
                }
            }
        }
        if (spec.has("trailingZeros")) {
            int steps = sh[1];
            JsonArray tz = spec.getAsJsonArray("trailingZeros");
            for (int b = 0; b < tz.size(); b++) {
                for (int t = steps - tz.get(b).getAsInt(); t < steps; t++) {
                    vals[b * steps + t] = 0;
                }
            }
        }
        return vals;
    }

    static Tensor tensorFor(JsonObject spec) {
        int[] sh = JvmLayerSuiteTest.shape(spec.get("shape"));
        String dtype = spec.has("dtype") ? spec.get("dtype").getAsString() : spec.has("ints") ? "int32" : "float32";
        Tensor t = Creation.tensor(specValues(spec), sh);
        if (!"float32".equals(dtype)) {
            Tensor c = dev.samovar.ops.Transform.cast(t, DType.of(dtype));
            t.dispose();
            return c;
        }
        return t;
    }

    static List<Tensor> tensors(JsonObject c, String key) {
        if (!c.has(key)) {
            return null;
        }
        List<Tensor> out = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray(key)) {
            out.add(tensorFor(e.getAsJsonObject()));
        }
        return out;
    }

    static JsonArray describeWeights(List<LayerVariable> ws) {
        JsonArray wj = new JsonArray();
        for (LayerVariable w : ws) {
            JsonObject o = new JsonObject();
            // the scoped name: the unique name gets a _1 suffix when another test class of this
            // JVM made a layer of the same name first
            o.addProperty("name", w.originalName());
            JsonArray sh = new JsonArray();
            for (int d : w.shape()) {
                sh.add(d);
            }
            o.add("shape", sh);
            o.addProperty("trainable", w.trainable());
            wj.add(o);
        }
        return wj;
    }

    static List<Tensor> seeded(List<Tensor> ws, int seed) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            int[] sh = ws.get(i).shape();
            out.add(Creation.tensor(JvmLayerSuiteTest.rand(JvmLayerSuiteTest.size(sh), seed + i, -0.5, 0.5), sh));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static JsonObject run(JsonObject c) {
        int before = Engine.get().numTensors();
        List<Tensor> xs = tensors(c, "inputs");
        if (c.has("model")) {
            return runModel(c, xs, before);
        }
        if (c.has("functional")) {
            return runFunctional(c, xs, before);
        }
        List<Tensor> states = tensors(c, "initialState");
        Tensor mask = c.has("mask") ? tensorFor(c.getAsJsonObject("mask")) : null;
        int weightSeed = c.has("weightSeed") ? c.get("weightSeed").getAsInt() : 0;
        java.util.function.Function<List<Tensor>, Map<String, Object>> kw = st -> {
            Map<String, Object> k = new LinkedHashMap<>();
            if (st != null) {
                k.put("initialState", new ArrayList<>(st));
            }
            if (mask != null) {
                k.put("mask", mask);
            }
            return k.isEmpty() ? null : k;
        };
        JsonObject out = new JsonObject();
        Layer layer;
        try {
            Map<String, Object> args = (Map<String, Object>) Json.parse(c.getAsJsonObject("args").toString());
            layer = makeLayer(c.get("factory").getAsString(), args);
            for (Tensor t : layer.applyTensors(xs, kw.apply(states))) {
                t.dispose();
            }
            List<Tensor> newWeights = seeded(layer.getWeights(), weightSeed);
            layer.setWeights(newWeights);
            newWeights.forEach(Tensor::dispose);
            if (c.has("calls")) {
                layer.resetStates();
            }
            out.addProperty("className", layer.getClassName());
            out.addProperty("name", layer.name());
            out.add("weights", describeWeights(layer.weights()));
            if (c.has("kerasGru")) {
                out.remove("name");
            } else {
                out.add("config", JsonParser.parseString(Js.json(layer.getConfig())));
            }
            JsonArray outs = new JsonArray();
            List<Tensor> ys = null;
            int calls = c.has("calls") ? c.get("calls").getAsInt() : 1;
            for (int call = 0; call < calls; call++) {
                if (ys != null) {
                    ys.forEach(Tensor::dispose);
                }
                ys = layer.applyTensors(xs, kw.apply(states));
                for (Tensor y : ys) {
                    outs.add(JvmLayerSuiteTest.tensorJson(y, true));
                }
            }
            out.add("outputs", outs);
            List<Tensor> rs = new ArrayList<>();
            for (int i = 0; i < ys.size(); i++) {
                rs.add(Creation.tensor(JvmLayerSuiteTest.rand(ys.get(i).size(), 1000 + i, -1, 1), ys.get(i).shape()));
            }
            ys.forEach(Tensor::dispose);
            final Layer l = layer;
            java.util.function.BiFunction<List<Tensor>, List<Tensor>, Tensor> lossOf = (in, st) -> {
                List<Tensor> yl = l.applyTensors(in, kw.apply(st));
                Tensor[] terms = new Tensor[yl.size()];
                for (int i = 0; i < yl.size(); i++) {
                    terms[i] = Reduction.sum(Arithmetic.mul(yl.get(i), rs.get(i)));
                }
                return Arithmetic.addN(terms);
            };
            boolean allFloat = xs.stream().allMatch(t -> t.dtype() == DType.FLOAT32);
            if (!(c.has("noGrad") && c.get("noGrad").getAsBoolean()) && allFloat && !c.has("kerasGru")) {
                List<Tensor> all = new ArrayList<>(xs);
                if (states != null) {
                    all.addAll(states);
                }
                int nx = xs.size();
                Tensor[] gx = Gradients.grads(a -> {
                    List<Tensor> al = List.of(a);
                    return lossOf.apply(al.subList(0, nx), states == null ? null : al.subList(nx, al.size()));
                }, all.toArray(new Tensor[0]));
                JsonArray gj = new JsonArray();
                for (Tensor g : gx) {
                    gj.add(JvmLayerSuiteTest.tensorJson(g, false));
                    g.dispose();
                }
                out.add("inputGrads", gj);
                List<Variable> vars = new ArrayList<>();
                for (LayerVariable w : layer.trainableWeights()) {
                    vars.add(w.read());
                }
                if (!vars.isEmpty()) {
                    Gradients.VariableGrads vg = Gradients.variableGrads(() -> lossOf.apply(xs, states), vars);
                    JsonArray wg = new JsonArray();
                    for (Variable v : vars) {
                        wg.add(JvmLayerSuiteTest.tensorJson(vg.grads.get(v.name()), false));
                    }
                    out.add("weightGrads", wg);
                    vg.value.dispose();
                    vg.grads.values().forEach(Tensor::dispose);
                }
            }
            if (c.has("calls")) {
                out.add("states", statesJson(((RNN) layer).getStates()));
                layer.resetStates();
                out.add("statesAfterReset", statesJson(((RNN) layer).getStates()));
            }
            rs.forEach(Tensor::dispose);
        } finally {
            xs.forEach(Tensor::dispose);
            if (states != null) {
                states.forEach(Tensor::dispose);
            }
            if (mask != null) {
                mask.dispose();
            }
        }
        layer.dispose();
        out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
        return out;
    }

    static JsonArray statesJson(List<Tensor> states) {
        JsonArray a = new JsonArray();
        for (Tensor t : states) {
            a.add(JvmLayerSuiteTest.tensorJson(t, false));
        }
        return a;
    }

    /** A functional model whose recurrent layer takes its initial states from model inputs. */
    static JsonObject runFunctional(JsonObject c, List<Tensor> xs, int before) {
        int[] xShape = java.util.Arrays.copyOfRange(xs.get(0).shape(), 1, xs.get(0).rank());
        dev.samovar.layers.engine.SymbolicTensor x = Models.input(Args.of("shape", xShape));
        List<dev.samovar.layers.engine.SymbolicTensor> inputs = new ArrayList<>();
        inputs.add(x);
        List<Object> states = new ArrayList<>();
        for (JsonElement s : c.getAsJsonArray("stateShapes")) {
            dev.samovar.layers.engine.SymbolicTensor st = Models.input(Args.of("shape", JvmLayerSuiteTest.shape(s)));
            states.add(st);
            inputs.add(st);
        }
        Layer layer = (Layer) makeArgs(Json.parse(c.get("functional").toString()));
        Map<String, Object> kw = new LinkedHashMap<>();
        kw.put("initialState", states);
        List<dev.samovar.layers.engine.SymbolicTensor> ys = layer.applySymbolic(List.of(x), kw);
        dev.samovar.layers.engine.LayersModel model = Models.model(inputs, ys, null);
        List<Tensor> newWeights = seeded(model.getWeights(), c.get("weightSeed").getAsInt());
        model.setWeights(newWeights);
        newWeights.forEach(Tensor::dispose);
        JsonObject out = new JsonObject();
        out.addProperty("className", model.getClassName());
        out.add("weights", describeWeights(model.weights()));
        JsonArray ls = new JsonArray();
        for (Layer l : model.layers()) {
            ls.add(l.getClassName());
        }
        out.add("layers", ls);
        JsonArray shapes = new JsonArray();
        for (dev.samovar.layers.engine.SymbolicTensor o : model.outputs()) {
            shapes.add(JsonParser.parseString(Js.json(dev.samovar.layers.serialization.Dims.toList(o.shapeRef()))));
        }
        out.add("outputShape", shapes);
        List<Tensor> ps = model.predict(xs, null);
        JsonArray outs = new JsonArray();
        for (Tensor y : ps) {
            outs.add(JvmLayerSuiteTest.tensorJson(y, true));
        }
        out.add("outputs", outs);
        ps.forEach(Tensor::dispose);
        xs.forEach(Tensor::dispose);
        model.dispose();
        out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
        return out;
    }

    @SuppressWarnings("unchecked")
    static JsonObject runModel(JsonObject c, List<Tensor> xs, int before) {
        List<Object> layers = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray("model")) {
            layers.add(makeArgs(Json.parse(e.toString())));
        }
        Sequential model = Models.sequential(Args.of("layers", layers));
        List<Tensor> newWeights = seeded(model.getWeights(), c.get("weightSeed").getAsInt());
        model.setWeights(newWeights);
        newWeights.forEach(Tensor::dispose);
        JsonObject out = new JsonObject();
        out.addProperty("className", model.getClassName());
        out.add("weights", describeWeights(model.weights()));
        JsonArray ls = new JsonArray();
        for (Layer l : model.layers()) {
            ls.add(l.getClassName());
        }
        out.add("layers", ls);
        out.add("outputShape", JsonParser.parseString(Js.json(dev.samovar.layers.serialization.Dims.toList(
                model.outputs().get(0).shapeRef()))));
        List<Tensor> ys = model.predict(xs, null);
        JsonArray outs = new JsonArray();
        for (Tensor y : ys) {
            outs.add(JvmLayerSuiteTest.tensorJson(y, true));
        }
        out.add("outputs", outs);
        ys.forEach(Tensor::dispose);
        xs.forEach(Tensor::dispose);
        model.dispose();
        out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
        return out;
    }
}
