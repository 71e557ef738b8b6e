package dev.samovar.tests.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Creation;
import dev.samovar.train.Gradients;
import dev.samovar.train.NamedTensor;
import dev.samovar.train.Optimizer;
import dev.samovar.train.Train;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replays an optimizer fixture run through the Java API, as the generator runs it on TF.js. */
final class JvmOptimizerRunner {
    private JvmOptimizerRunner() {
    }

    /** tf.train[name](...args) through {@link Train}; a JSON null is the default epsilon. */
    static Optimizer make(String name, JsonArray args) {
        int n = args.size();
        switch (name) {
            case "sgd":
                return Train.sgd(d(args, 0));
            case "momentum":
                return n > 2 ? Train.momentum(d(args, 0), d(args, 1), args.get(2).getAsBoolean())
                        : Train.momentum(d(args, 0), d(args, 1));
            case "adagrad":
                return n > 1 ? Train.adagrad(d(args, 0), d(args, 1)) : Train.adagrad(d(args, 0));
            case "adadelta":
                return n == 0 ? Train.adadelta() : Train.adadelta(d(args, 0), d(args, 1), eps(args, 2));
            case "adam":
                return n == 0 ? Train.adam() : Train.adam(d(args, 0), d(args, 1), d(args, 2), eps(args, 3));
            case "adamax":
                return n == 0 ? Train.adamax() : Train.adamax(d(args, 0), d(args, 1), d(args, 2), eps(args, 3),
                        d(args, 4));
            case "rmsprop":
                return n == 1 ? Train.rmsprop(d(args, 0)) : Train.rmsprop(d(args, 0), d(args, 1), d(args, 2),
                        eps(args, 3), args.get(4).getAsBoolean());
            default:
                throw new IllegalArgumentException("unknown optimizer " + name);
        }
    }

    private static double d(JsonArray a, int i) {
        return a.get(i).getAsDouble();
    }

    private static Double eps(JsonArray a, int i) {
        return i >= a.size() || a.get(i).isJsonNull() ? null : a.get(i).getAsDouble();
    }

    private static Tensor tensor(JsonObject spec) {
        return Creation.tensor(OptimizerFixture.floats(spec.getAsJsonArray("data")),
                OptimizerFixture.ints(spec.getAsJsonArray("shape")));
    }

    private static JsonArray values(Tensor t) {
        JsonArray a = new JsonArray();
        if (t.dtype() == DType.FLOAT32) {
            for (float f : t.dataSync()) {
                a.add(Float.isFinite(f) ? new JsonPrimitive((double) f)
                        : new JsonPrimitive(Float.isNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity"));
            }
        } else {
            for (int i : t.dataSyncInt()) {
                a.add(i);
            }
        }
        return a;
    }

    static JsonObject run(JsonObject spec) {
        Engine engine = Engine.get();
        JsonObject p = OptimizerFixture.problem(spec.get("problem").getAsString());
        String problem = spec.get("problem").getAsString();
        int before0 = engine.numTensors();
        Map<String, Tensor> data = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : p.getAsJsonObject("data").entrySet()) {
            data.put(e.getKey(), tensor(e.getValue().getAsJsonObject()));
        }
        Map<String, Tensor> vars = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (JsonElement e : p.getAsJsonArray("variables")) {
            JsonObject v = e.getAsJsonObject();
            Tensor init = tensor(v.getAsJsonObject("init"));
            vars.put(v.get("key").getAsString(), Gradients.variable(init, v.get("trainable").getAsBoolean(),
                    v.get("name").getAsString(), null));
            keys.add(v.get("key").getAsString());
        }
        List<Variable> varList = null;
        if (spec.get("useVarList").getAsBoolean()) {
            varList = new ArrayList<>();
            for (JsonElement k : p.getAsJsonArray("varList")) {
                varList.add((Variable) vars.get(k.getAsString()));
            }
        }
        int resumeAt = spec.has("resumeAt") ? spec.get("resumeAt").getAsInt() : -1;
        String name = spec.get("optimizer").getAsString();
        JsonArray args = spec.getAsJsonArray("args");
        int before = engine.numTensors();
        Optimizer opt = make(name, args);
        JsonObject out = new JsonObject();
        JsonArray steps = new JsonArray();
        out.add("steps", steps);
        try {
            int total = OptimizerFixture.root().get("steps").getAsInt();
            for (int step = 1; step <= total; step++) {
                if (step == resumeAt + 1) {
                    List<NamedTensor> saved = opt.getWeights();
                    JsonArray names = new JsonArray();
                    saved.forEach(w -> names.add(w.name()));
                    out.add("savedWeightNames", names);
                    Optimizer next = make(name, args);
                    next.setWeights(saved);
                    saved.get(0).tensor().dispose();
                    opt.dispose();
                    opt = next;
                }
                Tensor cost = opt.minimize(() -> OptimizerProblems.loss(problem, data, vars), true, varList);
                JsonObject entry = new JsonObject();
                entry.addProperty("loss", (double) cost.dataSync()[0]);
                cost.dispose();
                JsonObject vs = new JsonObject();
                for (String k : keys) {
                    vs.add(k, values(vars.get(k)));
                }
                entry.add("variables", vs);
                entry.addProperty("numTensors", engine.numTensors() - before);
                steps.add(entry);
            }
            try {
                List<NamedTensor> weights = opt.getWeights();
                JsonArray ws = new JsonArray();
                for (NamedTensor w : weights) {
                    JsonObject o = new JsonObject();
                    o.addProperty("name", w.name());
                    JsonArray shape = new JsonArray();
                    for (int s : w.tensor().shape()) {
                        shape.add(s);
                    }
                    o.add("shape", shape);
                    o.addProperty("dtype", w.tensor().dtype().toString());
                    o.add("data", values(w.tensor()));
                    ws.add(o);
                }
                out.add("weights", ws);
                weights.get(0).tensor().dispose();
            } catch (UnsupportedOperationException e) {
                out.addProperty("weightsError", e.getMessage());
            }
            out.addProperty("iterations", opt.iterations());
            JsonObject config = new JsonObject();
            for (Map.Entry<String, Object> e : opt.getConfig().entrySet()) {
                Object v = e.getValue();
                config.add(e.getKey(), v instanceof Boolean ? new JsonPrimitive((Boolean) v)
                        : v == null ? JsonNull.INSTANCE : new JsonPrimitive((Number) v));
            }
            out.add("config", config);
            out.addProperty("tensorsAlive", engine.numTensors() - before);
            opt.dispose();
            out.addProperty("tensorsAfterDispose", engine.numTensors() - before);
        } finally {
            engine.disposeVariables();
            data.values().forEach(Tensor::dispose);
        }
        out.addProperty("tensorsLeft", engine.numTensors() - before0);
        return out;
    }
}
