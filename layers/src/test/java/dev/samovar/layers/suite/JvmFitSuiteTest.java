package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import dev.samovar.layers.Layers;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.training.FitLoop;
import dev.samovar.layers.training.Training;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Unary;
import dev.samovar.train.Optimizer;
import dev.samovar.train.Train;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fit fixture (tests/fixtures/gen-fit-fixtures.mjs, TF.js 4.22) replayed through the Java API:
 * 3 epochs with fixed initial weights and shuffle off give TF.js's loss / metric history and final
 * weights within 1e-4, for dense and conv models with sgd and adam, and leave no tensor behind.
 */
class JvmFitSuiteTest {
    static final double TOL = 1e-4;

    @TestFactory
    List<DynamicTest> fitMatchesTfjs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : LayerFixture.load("fit.json").getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            JsonObject c = r.getAsJsonObject("case");
            JsonObject expected = r.getAsJsonObject("expected");
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> run(c, expected)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    static void run(JsonObject c, JsonObject expected) {
        int before = Engine.get().numTensors();
        Sequential model = new Sequential(new Args());
        JsonArray layers = c.getAsJsonArray("layers");
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> args = (Map<String, Object>) Json.parse(layers.get(i).getAsJsonObject()
                    .getAsJsonObject("args").toString());
            model.add(Layers.create(expected.getAsJsonArray("classNames").get(i).getAsString(), new Args(args)));
        }
        List<Tensor> ws = model.getWeights();
        List<Tensor> init = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            int[] sh = ws.get(i).shape();
            init.add(Creation.tensor(JvmLayerSuiteTest.rand(JvmLayerSuiteTest.size(sh), 700 + i, -0.5, 0.5), sh));
        }
        model.setWeights(init);
        init.forEach(Tensor::dispose);
        double lr = c.get("learningRate").getAsDouble();
        Optimizer opt = "sgd".equals(c.get("optimizer").getAsString()) ? Train.sgd(lr) : Train.adam(lr);
        if (c.has("custom")) {
            // fit-cases.js's customFunctions, written with the Java ops (Training.Named, TF.js's naming).
            JsonObject cu = c.getAsJsonObject("custom");
            List<Object> metrics = new ArrayList<>();
            for (JsonElement m : cu.getAsJsonArray("metrics")) {
                metrics.add(custom(m.getAsString()));
            }
            Training.compile(model, opt, false, custom(cu.get("loss").getAsString()), metrics);
        } else {
            List<Object> metrics = new ArrayList<>();
            for (JsonElement m : c.getAsJsonArray("metrics")) {
                metrics.add(m.getAsString());
            }
            Training.compile(model, opt, false, c.get("loss").getAsString(), metrics);
        }
        Tensor[] xy = data(c, 500);
        Tensor x = xy[0];
        Tensor y = xy[1];
        JsonObject fit = c.getAsJsonObject("fit");
        FitLoop.Args a = new FitLoop.Args();
        Tensor[] val = null;
        if (c.has("validationData")) {
            val = data(c.getAsJsonObject("validationData"), 600);
            a.validationX = List.of(val[0]);
            a.validationY = List.of(val[1]);
        }
        a.epochs = fit.get("epochs").getAsInt();
        a.batchSize = fit.get("batchSize").getAsInt();
        a.shuffle = false;
        if (fit.has("validationSplit")) {
            a.validationSplit = fit.get("validationSplit").getAsDouble();
        }
        if (fit.has("classWeight")) {
            Map<Integer, Double> cw = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> en : fit.getAsJsonObject("classWeight").entrySet()) {
                cw.put(Integer.parseInt(en.getKey()), en.getValue().getAsDouble());
            }
            a.classWeight = List.of(cw);
        }
        FitLoop loop = FitLoop.fit(model, List.of(x), List.of(y), a, null);
        JsonArray epochs = new JsonArray();
        loop.historyEpochs.forEach(epochs::add);
        Assertions.assertEquals(expected.get("epoch"), epochs, "epochs");
        JsonObject eh = expected.getAsJsonObject("history");
        Assertions.assertEquals(new ArrayList<>(eh.keySet()), new ArrayList<>(loop.history.keySet()), "history keys");
        for (String key : eh.keySet()) {
            JsonArray actual = new JsonArray();
            loop.history.get(key).forEach(actual::add);
            LayerFixture.closeValues("history " + key, eh.getAsJsonArray(key), actual, TOL);
        }
        List<Tensor> finalWeights = model.getWeights();
        JsonArray ew = expected.getAsJsonArray("weights");
        Assertions.assertEquals(ew.size(), finalWeights.size());
        for (int i = 0; i < ew.size(); i++) {
            JsonObject aw = JvmLayerSuiteTest.tensorJson(finalWeights.get(i), false);
            LayerFixture.closeValues("weight " + i, ew.get(i).getAsJsonObject().getAsJsonArray("data"),
                    aw.getAsJsonArray("data"), TOL);
        }
        JsonArray alive = new JsonArray();
        for (Tensor t : val == null ? new Tensor[] {x, y} : new Tensor[] {x, y, val[0], val[1]}) {
            alive.add(!t.isDisposed());
        }
        Assertions.assertEquals(expected.get("aliveAfterFit"), alive, "caller's tensors alive after fit");
        if (expected.has("evaluate")) {
            List<Tensor> ev = Training.evaluate(model, List.of(x), List.of(y), 4.0);
            JsonArray values = new JsonArray();
            for (Tensor t : ev) {
                values.add(t.dataSync()[0]);
                t.dispose();
            }
            LayerFixture.closeValues("evaluate", expected.getAsJsonArray("evaluate"), values, TOL);
            model.predict(x).dispose();
            JsonArray alive2 = new JsonArray();
            for (Tensor t : val == null ? new Tensor[] {x, y} : new Tensor[] {x, y, val[0], val[1]}) {
                alive2.add(!t.isDisposed());
            }
            Assertions.assertEquals(expected.get("aliveAfterEvaluatePredict"), alive2,
                    "caller's tensors alive after evaluate / predict");
        }
        x.dispose();
        y.dispose();
        if (val != null) {
            val[0].dispose();
            val[1].dispose();
        }
        model.dispose();
        opt.dispose();
        Assertions.assertEquals(expected.get("tensorsLeft").getAsInt(), Engine.get().numTensors() - before,
                "tensors left");
    }

    /** The loss / metric functions of fit-cases.js's customFunctions, as Java LossFunctions. */
    static Training.Named custom(String name) {
        switch (name) {
            case "weightedMse":
                return new Training.Named("weightedMse", (t, p) -> Reduction.mean(Arithmetic.mul(
                        Arithmetic.add(Creation.scalar(0.5f), Unary.abs(t)), Unary.square(Arithmetic.sub(p, t))), -1));
            case "maxAbsError":
                return new Training.Named("maxAbsError", (t, p) -> Reduction.max(Unary.abs(Arithmetic.sub(t, p)), -1));
            case "anonymous":
                return new Training.Named("", (t, p) -> Reduction.mean(Unary.abs(Arithmetic.sub(t, p)), -1));
            default:
                throw new IllegalArgumentException("unknown custom function " + name);
        }
    }

    /** fit-cases.js's data(): x and y from the seeds s + 1, s + 2 (one-hot labels) or s + 3. */
    static Tensor[] data(JsonObject c, int s) {
        int[] xShape = JvmLayerSuiteTest.shape(c.get("x"));
        Tensor x = Creation.tensor(JvmLayerSuiteTest.rand(JvmLayerSuiteTest.size(xShape), s + 1, -1, 1), xShape);
        Tensor y;
        JsonObject ys = c.getAsJsonObject("y");
        if (ys.has("oneHot")) {
            int k = ys.get("oneHot").getAsInt();
            float[] u = JvmLayerSuiteTest.rand(xShape[0], s + 2, 0, 1);
            float[] oh = new float[xShape[0] * k];
            for (int i = 0; i < xShape[0]; i++) {
                oh[i * k + (int) Math.floor(u[i] * k)] = 1;
            }
            y = Creation.tensor(oh, xShape[0], k);
        } else {
            int[] sh = JvmLayerSuiteTest.shape(ys.get("shape"));
            y = Creation.tensor(JvmLayerSuiteTest.rand(JvmLayerSuiteTest.size(sh), s + 3, -1, 1), sh);
        }
        return new Tensor[] {x, y};
    }
}
