package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.io.Json;
import dev.samovar.layers.Layers;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.train.Gradients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the TF.js 4.22 layer fixture replayed through the Java API, as
 * tests/src/test/resources/web/layer-cases.js runs it: same output values (1e-5), gradients,
 * weight names and shapes, config and tensor counts.
 */
class JvmLayerSuiteTest {

    @TestFactory
    List<DynamicTest> layerCasesOnTheJvm() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject r : LayerFixture.results()) {
            JsonObject c = r.getAsJsonObject("case");
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                JsonObject actual;
                try {
                    actual = run(c, r.getAsJsonObject("expected"));
                } catch (RuntimeException e) {
                    actual = new JsonObject();
                    actual.addProperty("error", String.valueOf(e.getMessage()));
                    if (!r.getAsJsonObject("expected").has("error")) {
                        throw e;
                    }
                }
                LayerFixture.check(c, r.getAsJsonObject("expected"), actual, false);
            }));
        }
        return tests;
    }

    /** mulberry32 in [lo, hi), rounded to float32 (as layer-cases.js). */
    public static float[] rand(int n, int seed, double lo, double hi) {
        int s = seed;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            s = s + 0x6D2B79F5;
            int z = s;
            z = (z ^ (z >>> 15)) * (z | 1);
            z ^= z + (z ^ (z >>> 7)) * (z | 61);
            double u = Integer.toUnsignedLong(z ^ (z >>> 14)) / 4294967296.0;
            out[i] = (float) (lo + (hi - lo) * u);
        }
        return out;
    }

    public static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public static int[] shape(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] s = new int[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).getAsInt();
        }
        return s;
    }

    public static JsonObject tensorJson(Tensor t, boolean withDtype) {
        JsonObject o = new JsonObject();
        JsonArray sh = new JsonArray();
        for (int d : t.shapeRef()) {
            sh.add(d);
        }
        o.add("shape", sh);
        if (withDtype) {
            o.addProperty("dtype", t.dtype().jsName());
        }
        JsonArray data = new JsonArray();
        for (float v : t.dataSync()) {
            if (Float.isNaN(v)) {
                data.add("NaN");
            } else if (Float.isInfinite(v)) {
                data.add(v > 0 ? "Infinity" : "-Infinity");
            } else {
                data.add(v);
            }
        }
        o.add("data", data);
        return o;
    }

    static String className(JsonObject expected, JsonObject c) {
        if (expected.has("className")) {
            return expected.get("className").getAsString();
        }
        String f = c.get("factory").getAsString();
        return Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    @SuppressWarnings("unchecked")
    static JsonObject run(JsonObject c, JsonObject expected) {
        int before = Engine.get().numTensors();
        double scale = c.has("scale") ? c.get("scale").getAsDouble() : 1;
        Map<String, Object> args = (Map<String, Object>) Json.parse(c.getAsJsonObject("args").toString());
        Layer layer = Layers.create(className(expected, c), new Args(new LinkedHashMap<>(args)));
        List<Tensor> xs = new ArrayList<>();
        for (JsonElement in : c.getAsJsonArray("inputs")) {
            int[] sh = shape(in.getAsJsonObject().get("shape"));
            xs.add(Creation.tensor(rand(size(sh), in.getAsJsonObject().get("seed").getAsInt(), -scale, scale), sh));
        }
        for (Tensor t : layer.applyTensors(xs, null)) {
            t.dispose();
        }
        boolean keepInit = c.has("keepInit") && c.get("keepInit").getAsBoolean();
        if (!keepInit) {
            int weightSeed = c.has("weightSeed") ? c.get("weightSeed").getAsInt() : 0;
            List<Tensor> ws = layer.getWeights();
            List<Tensor> newWeights = new ArrayList<>();
            for (int i = 0; i < ws.size(); i++) {
                int[] sh = ws.get(i).shape();
                boolean positive = false;
                if (c.has("positiveWeights")) {
                    for (JsonElement p : c.getAsJsonArray("positiveWeights")) {
                        positive |= p.getAsInt() == i;
                    }
                }
                newWeights.add(Creation.tensor(rand(size(sh), weightSeed + i, positive ? 0.5 : -0.5,
                        positive ? 1.5 : 0.5), sh));
            }
            layer.setWeights(newWeights);
            newWeights.forEach(Tensor::dispose);
        }
        JsonObject out = new JsonObject();
        out.addProperty("className", layer.getClassName());
        out.addProperty("name", layer.name());
        JsonArray wj = new JsonArray();
        for (LayerVariable w : layer.weights()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", w.name());
            JsonArray sh = new JsonArray();
            for (int d : w.shape()) {
                sh.add(d);
            }
            o.add("shape", sh);
            o.addProperty("trainable", w.trainable());
            wj.add(o);
        }
        out.add("weights", wj);
        out.add("config", JsonParser.parseString(Js.json(layer.getConfig())));
        if (keepInit) {
            JsonArray init = new JsonArray();
            for (Tensor w : layer.getWeights()) {
                init.add(tensorJson(w, false));
            }
            out.add("initialWeights", init);
        }
        List<Tensor> penalties = layer.calculateLosses();
        if (!penalties.isEmpty()) {
            JsonArray pj = new JsonArray();
            for (Tensor t : penalties) {
                pj.add(t.dataSync()[0]);
                t.dispose();
            }
            out.add("regularizerLosses", pj);
        }
        Map<String, Object> kw = null;
        if (c.has("training") && c.get("training").getAsBoolean()) {
            kw = new LinkedHashMap<>();
            kw.put("training", true);
        }
        List<Tensor> ys = layer.applyTensors(xs, kw);
        JsonArray outs = new JsonArray();
        List<Tensor> rs = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            outs.add(tensorJson(ys.get(i), true));
            rs.add(Creation.tensor(rand(ys.get(i).size(), 1000 + i, -1, 1), ys.get(i).shape()));
        }
        out.add("outputs", outs);
        ys.forEach(Tensor::dispose);
        boolean allFloat = xs.stream().allMatch(t -> t.dtype().jsName().equals("float32"));
        if (!(c.has("noGrad") && c.get("noGrad").getAsBoolean()) && allFloat) {
            java.util.function.Function<List<Tensor>, Tensor> lossOf = in -> {
                List<Tensor> yl = layer.applyTensors(in, null);
                Tensor[] terms = new Tensor[yl.size()];
                for (int i = 0; i < yl.size(); i++) {
                    terms[i] = Reduction.sum(Arithmetic.mul(yl.get(i), rs.get(i)));
                }
                return Arithmetic.addN(terms);
            };
            Tensor[] gx = Gradients.grads(a -> lossOf.apply(List.of(a)), xs.toArray(new Tensor[0]));
            JsonArray gj = new JsonArray();
            for (Tensor g : gx) {
                gj.add(tensorJson(g, false));
                g.dispose();
            }
            out.add("inputGrads", gj);
            List<Variable> vars = new ArrayList<>();
            for (LayerVariable w : layer.trainableWeights()) {
                vars.add(w.read());
            }
            if (!vars.isEmpty()) {
                Gradients.VariableGrads vg = Gradients.variableGrads(() -> lossOf.apply(xs), vars);
                JsonArray wg = new JsonArray();
                for (Variable v : vars) {
                    wg.add(tensorJson(vg.grads.get(v.name()), false));
                }
                out.add("weightGrads", wg);
                vg.value.dispose();
                vg.grads.values().forEach(Tensor::dispose);
            }
        }
        rs.forEach(Tensor::dispose);
        xs.forEach(Tensor::dispose);
        layer.dispose();
        out.addProperty("tensorsLeft", Engine.get().numTensors() - before);
        return out;
    }
}
