package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.io.MemoryShards;
import dev.samovar.io.ModelJson;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsReader;
import dev.samovar.layers.Models;
import dev.samovar.layers.engine.Container;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.recurrent.Embedding;
import dev.samovar.layers.recurrent.GRU;
import dev.samovar.layers.recurrent.Bidirectional;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus models with recurrent layers (../shared/models): each is built from its JSON config
 * (Models.modelFromJson: a TF.js model.json topology or a Keras HDF5 model_config), its weights are
 * set from the file in TF.js's weight order, and its predictions are compared with (a) the
 * reference outputs shipped with the model (Keras's own predictions for the dl4j models, TF.js's
 * e2e expected output for the TF.js model), within 1e-4 (1e-3 for TF.js's own test), and (b) TF.js
 * 4.22 run live in Node on the same topology, weights and inputs (tests/fixtures/tfjs-predict-layers.js),
 * within 1e-5, for every model TF.js can load. GRUs with Keras's reset_after (which TF.js 4.22
 * rejects) are checked against Keras's outputs where the corpus has them, else only built and run.
 */
class RecurrentCorpusTest {
    /** Keras 2 (TensorFlow backend) HDF5 models with SimpleRNN / LSTM / GRU / Bidirectional / Embedding / Masking. */
    static final String[][] KERAS_MODELS = {
        {"keras_h5/dl4j/examples/simple_rnn/simple_rnn_tf_keras_2_model.h5",
            "keras_h5/dl4j/examples/simple_rnn/simple_rnn_tf_keras_2_inputs_and_outputs.h5"},
        {"keras_h5/dl4j/examples/simple_flatten_lstm/simple_flatten_lstm_tf_keras_2_model.h5",
            "keras_h5/dl4j/examples/simple_flatten_lstm/simple_flatten_lstm_tf_keras_2_inputs_and_outputs.h5"},
        {"keras_h5/dl4j/examples/simple_flatten_rnn/simple_flatten_rnn_tf_keras_2_model.h5",
            "keras_h5/dl4j/examples/simple_flatten_rnn/simple_flatten_rnn_tf_keras_2_inputs_and_outputs.h5"},
        {"keras_h5/dl4j/examples/simple_lstm/simple_lstm_tf_keras_2_model.h5", null},
        {"keras_h5/dl4j/examples/functional_lstm/lstm_functional_tf_keras_2.h5", null},
        {"keras_h5/dl4j/examples/masking/masking_zero_lstm.h5", null},
        {"keras_h5/dl4j/weights/bidirectional_lstm_tensorflow_2.h5", null},
        {"keras_h5/dl4j/weights/embedding_lstm_tensorflow_2.h5", null},
        {"keras_h5/dl4j/tfkeras/rnn_29.h5", null},
        {"keras_h5/dl4j/tfkeras/rnn_120.h5", null},
        // 2 GRUs over 905 time steps: a minute of TF.js in Node, so only with -Dsamovar.corpus.full=true
        {"keras_h5/dot_res_lstm/gru.h5", null, "full"},
        {"keras_h5/cse5393_lab9/gru.h5", null},
    };

    static Path models() {
        List<Path> candidates = new ArrayList<>();
        String p = System.getProperty("samovar.models", System.getenv("SAMOVAR_MODELS"));
        if (p != null) {
            candidates.add(Path.of(p));
        }
        Path root = LayerFixture.root();
        candidates.add(root.resolve("shared/models"));
        candidates.add(root.resolve("../shared/models"));
        candidates.add(root.resolve("../../shared/models"));
        candidates.add(Path.of("/work/shared/models"));
        for (Path c : candidates) {
            if (Files.isDirectory(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the TF.js model

    /** TF.js's e2e load_predict layers model (Embedding + GRU goBackwards) and its expected output. */
    @Test
    void tfjsEmbeddingGruModelPredictsTheExpectedOutput() throws IOException {
        Path m = models();
        Assumptions.assumeTrue(m != null, "no model corpus beside this checkout");
        Path dir = m.resolve("tfjs/tfjs_repo/load_predict_data/layers_model");
        ModelJson mj = ModelJson.parse(Files.readString(dir.resolve("model.json"), StandardCharsets.UTF_8), "model.json");
        MemoryShards shards = new MemoryShards();
        shards.put("weights.bin", Files.readAllBytes(dir.resolve("weights.bin")));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (Object[] w : new WeightsReader(mj.weightsManifest, shards, "model.json").readAll()) {
            WeightSpec spec = (WeightSpec) w[0];
            weights.put(spec.name, Creation.tensor((float[]) w[1], spec.shape()));
        }
        Layer layer = Models.modelFromJson(mj.modelTopology);
        LayersModel model = (LayersModel) layer;
        Assertions.assertTrue(model.getLayer(1) instanceof GRU);
        Assertions.assertTrue(((GRU) model.getLayer(1)).goBackwards());
        setWeightsByName(model, weights);
        JsonObject expected = JsonParser.parseString(Files.readString(
                m.resolve("reference_outputs/from_test_sources/expected.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("tfjs/tfjs_repo/load_predict_data/layers_model/model.json");
        JsonObject in = expected.getAsJsonObject("inputs").getAsJsonObject("embedding_Embedding2_input");
        Tensor x = Creation.tensor(floats(in.getAsJsonArray("data")), ints(in.getAsJsonArray("shape")));
        Tensor y = model.predict(x);
        JsonObject out = expected.getAsJsonObject("outputs").getAsJsonObject("output");
        Assertions.assertArrayEquals(ints(out.getAsJsonArray("shape")), y.shape());
        float[] e = floats(out.getAsJsonArray("data"));
        float[] a = y.dataSync();
        for (int i = 0; i < e.length; i++) {
            Assertions.assertEquals(e[i], a[i], 1e-3, "output[" + i + "]");
        }
        // the model loader (model.json + shards) gives the same model
        LayersModel loaded = (LayersModel) dev.samovar.layers.io.ModelFiles.load(dir.resolve("model.json"));
        Tensor y2 = loaded.predict(x);
        Assertions.assertArrayEquals(a, y2.dataSync(), "loaded with ModelFiles.load");
        y2.dispose();
        loaded.dispose();
        // and exactly TF.js 4.22's numbers, computed live from the same topology and weights
        JsonObject spec = new JsonObject();
        JsonArray ms = new JsonArray();
        ms.add(nodeModel("tfjs_gru", JsonParser.parseString(Js.json(mj.modelTopology)), weights, List.of(x)));
        spec.add("models", ms);
        JsonObject tfjs = runTfjs(spec);
        Assumptions.assumeTrue(tfjs != null, "node is not available");
        compareWithTfjs("tfjs_gru", tfjs, List.of(y));
        x.dispose();
        y.dispose();
        weights.values().forEach(Tensor::dispose);
        model.dispose();
    }

    // ---------------------------------------------------------------- the Keras models

    static final class Built {
        String path;
        LayersModel model;
        Map<String, Tensor> weights = new LinkedHashMap<>();
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> outputs;
        float[][] kerasPredictions;
        Object topology;
        boolean resetAfter;
    }

    @TestFactory
    List<DynamicTest> kerasRecurrentModels() {
        Path m = models();
        Assumptions.assumeTrue(m != null, "no model corpus beside this checkout");
        List<Built> built = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        JsonArray nodeModels = new JsonArray();
        boolean full = Boolean.getBoolean("samovar.corpus.full");
        for (String[] entry : KERAS_MODELS) {
            if (entry.length > 2 && !full) {
                continue;
            }
            Path file = m.resolve(entry[0]);
            if (!Files.exists(file)) {
                continue;
            }
            Built b;
            try {
                b = build(file, entry[1] == null ? null : m.resolve(entry[1]));
            } catch (RuntimeException | IOException e) {
                tests.add(DynamicTest.dynamicTest(entry[0], () -> Assertions.fail("could not build " + entry[0], e)));
                continue;
            }
            b.path = entry[0];
            built.add(b);
            if (!b.resetAfter) {
                nodeModels.add(nodeModel(entry[0], JsonParser.parseString(Js.json(b.topology)), b.weights, b.inputs));
            }
        }
        JsonObject spec = new JsonObject();
        spec.add("models", nodeModels);
        JsonObject tfjs = runTfjs(spec);
        for (Built b : built) {
            tests.add(DynamicTest.dynamicTest(b.path, () -> {
                int checked = 0;
                if (b.kerasPredictions != null) {
                    float[] a = b.outputs.get(0).dataSync();
                    float[] e = flatten(b.kerasPredictions);
                    Assertions.assertEquals(e.length, a.length, "number of outputs");
                    for (int i = 0; i < e.length; i++) {
                        Assertions.assertEquals(e[i], a[i], 1e-4 * Math.max(1, Math.abs(e[i])),
                                "Keras prediction [" + i + "]");
                    }
                    checked++;
                }
                if (!b.resetAfter) {
                    Assumptions.assumeTrue(tfjs != null, "node is not available");
                    compareWithTfjs(b.path, tfjs, b.outputs);
                    checked++;
                }
                // saved in the TF.js format and loaded back: the same predictions
                Path dir = Files.createTempDirectory("samovar-recurrent-roundtrip");
                dev.samovar.layers.io.ModelFiles.save(b.model, dir);
                LayersModel again = (LayersModel) dev.samovar.layers.io.ModelFiles.load(dir.resolve("model.json"));
                List<Tensor> ys = again.predict(b.inputs, null);
                Assertions.assertArrayEquals(b.outputs.get(0).dataSync(), ys.get(0).dataSync(), "saved and loaded");
                ys.forEach(Tensor::dispose);
                again.dispose();
                if (checked == 0) {
                    for (float v : b.outputs.get(0).dataSync()) {
                        Assertions.assertTrue(Float.isFinite(v), "finite outputs");
                    }
                }
            }));
        }
        return tests;
    }

    /** Builds a Keras HDF5 model from its model_config and weights; predicts on the corpus or seeded inputs. */
    @SuppressWarnings("unchecked")
    static Built build(Path file, Path io) throws IOException {
        Built b = new Built();
        try (HdfFile hdf = new HdfFile(file)) {
            String config = String.valueOf(hdf.getAttribute("model_config").getData());
            // Keras 2.0 writes int32 as the dtype of an Embedding fed with indices; TF.js would make
            // its embeddings int32, so converters write float32 (as the converter-cli does)
            config = config.replace("\"dtype\": \"int32\"", "\"dtype\": \"float32\"");
            b.topology = dev.samovar.io.Json.parse(config);
            b.model = (LayersModel) Models.modelFromJson(b.topology);
            Node weightsRoot = hdf.getChild("model_weights");
            Group wg = weightsRoot instanceof Group ? (Group) weightsRoot : hdf;
            for (Layer layer : b.model.layers()) {
                if (layer instanceof GRU && ((GRU) layer).cell().resetAfter()) {
                    b.resetAfter = true;
                }
                if (layer instanceof Bidirectional && ((Bidirectional) layer).forwardLayer() instanceof GRU
                        && ((GRU) ((Bidirectional) layer).forwardLayer()).cell().resetAfter()) {
                    b.resetAfter = true;
                }
                List<LayerVariable> ws = layer.weights();
                if (ws.isEmpty()) {
                    continue;
                }
                Group lg = (Group) wg.getChild(layer.name());
                Attribute names = lg.getAttribute("weight_names");
                Object[] wn = toObjects(names.getData());
                Assertions.assertEquals(ws.size(), wn.length, layer.name() + ": number of weights");
                List<Tensor> values = new ArrayList<>();
                for (int i = 0; i < wn.length; i++) {
                    Dataset d = (Dataset) lg.getByPath(String.valueOf(wn[i]));
                    Tensor t = Creation.tensor(toFloats(d.getDataFlat()), d.getDimensions());
                    values.add(t);
                    b.weights.put(ws.get(i).originalName(), t);
                }
                layer.setWeights(values);
            }
        }
        SymbolicTensor in = b.model.inputs().get(0);
        int[] shape = in.shapeRef().clone();
        if (io != null) {
            try (HdfFile h = new HdfFile(io)) {
                Dataset x = firstDataset((Group) h.getChild("inputs"));
                b.inputs.add(Creation.tensor(toFloats(x.getDataFlat()), x.getDimensions()));
                Node preds = h.getChild("predictions");
                if (preds instanceof Group) {
                    Dataset p = firstDataset((Group) preds);
                    int[] dims = p.getDimensions();
                    float[] flat = toFloats(p.getDataFlat());
                    b.kerasPredictions = new float[][] {flat};
                    Assertions.assertTrue(dims.length > 0);
                }
            }
        } else {
            // one sequence for the long ones (hundreds of steps), three otherwise
            shape[0] = shape.length > 1 && shape[1] > 100 ? 1 : 3;
            for (int i = 1; i < shape.length; i++) {
                if (shape[i] < 0) {
                    shape[i] = 5;
                }
            }
            int n = JvmLayerSuiteTest.size(shape);
            Layer first = b.model.layers().get(0) instanceof dev.samovar.layers.engine.InputLayer
                    ? b.model.layers().get(1) : b.model.layers().get(0);
            if (first instanceof Embedding) {
                int inputDim = ((Number) first.getConfig().get("inputDim")).intValue();
                float[] r = JvmLayerSuiteTest.rand(n, 7, 0, Math.min(inputDim, 50));
                for (int i = 0; i < n; i++) {
                    r[i] = (float) Math.floor(r[i]);
                    if (i % shape[1] >= shape[1] - 1 - (i / shape[1]) % 2) {
                        r[i] = 0; // trailing padding, as masked sequences have
                    }
                }
                b.inputs.add(Creation.tensor(r, shape));
            } else {
                float[] r = JvmLayerSuiteTest.rand(n, 7, -1, 1);
                if (first instanceof dev.samovar.layers.recurrent.Masking && shape.length == 3) {
                    // masked time steps: the last 1, 2, 3 steps of the sequences are all zeros
                    int per = shape[2];
                    for (int bi = 0; bi < shape[0]; bi++) {
                        for (int t = shape[1] - 1 - bi; t < shape[1]; t++) {
                            java.util.Arrays.fill(r, (bi * shape[1] + t) * per, (bi * shape[1] + t + 1) * per, 0f);
                        }
                    }
                }
                b.inputs.add(Creation.tensor(r, shape));
            }
        }
        b.outputs = b.model.predict(b.inputs, null);
        return b;
    }

    static Dataset firstDataset(Group g) {
        for (Node n : g.getChildren().values()) {
            if (n instanceof Dataset) {
                return (Dataset) n;
            }
            if (n instanceof Group) {
                Dataset d = firstDataset((Group) n);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    static Object[] toObjects(Object data) {
        int n = Array.getLength(data);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(data, i);
            out[i] = v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v;
        }
        return out;
    }

    static float[] toFloats(Object flat) {
        int n = Array.getLength(flat);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(flat, i)).floatValue();
        }
        return out;
    }

    static float[] flatten(float[][] a) {
        return a[0];
    }

    static void setWeightsByName(Container model, Map<String, Tensor> weights) {
        for (Layer layer : model.layers()) {
            List<LayerVariable> ws = layer.weights();
            if (ws.isEmpty()) {
                continue;
            }
            List<Tensor> values = new ArrayList<>();
            for (LayerVariable w : ws) {
                Tensor t = weights.get(w.originalName());
                Assertions.assertNotNull(t, "no weight named " + w.originalName());
                values.add(t);
            }
            layer.setWeights(values);
        }
    }

    // ------------------------------------------------------------------------- TF.js

    static JsonObject nodeModel(String name, JsonElement topology, Map<String, Tensor> weights, List<Tensor> inputs) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.add("modelTopology", topology);
        JsonArray ws = new JsonArray();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            JsonObject w = new JsonObject();
            w.addProperty("name", e.getKey());
            w.add("shape", shapeJson(e.getValue().shape()));
            w.add("data", data(e.getValue()));
            ws.add(w);
        }
        o.add("weights", ws);
        JsonArray xs = new JsonArray();
        for (Tensor t : inputs) {
            JsonObject x = new JsonObject();
            x.add("shape", shapeJson(t.shape()));
            x.add("data", data(t));
            xs.add(x);
        }
        o.add("inputs", xs);
        return o;
    }

    static JsonArray shapeJson(int[] s) {
        JsonArray a = new JsonArray();
        for (int d : s) {
            a.add(d);
        }
        return a;
    }

    static JsonArray data(Tensor t) {
        JsonArray a = new JsonArray();
        for (float v : t.dataSync()) {
            a.add(v);
        }
        return a;
    }

    /** Runs tests/fixtures/tfjs-predict-layers.js; null when node cannot be run here. */
    static JsonObject runTfjs(JsonObject spec) {
        try {
            Path in = Files.createTempFile("samovar-recurrent-corpus", ".json");
            Files.writeString(in, spec.toString(), StandardCharsets.UTF_8);
            Path root = LayerFixture.root();
            ProcessBuilder pb = new ProcessBuilder("node", root.resolve("tests/fixtures/tfjs-predict-layers.js").toString(),
                    in.toString()).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            Files.deleteIfExists(in);
            return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static void compareWithTfjs(String name, JsonObject tfjs, List<Tensor> outputs) {
        JsonObject r = tfjs.getAsJsonObject(name);
        Assertions.assertNotNull(r, "no TF.js result for " + name);
        if (r.has("error")) {
            Assertions.fail("TF.js could not run " + name + ": " + r.get("error").getAsString());
        }
        JsonArray outs = r.getAsJsonArray("outputs");
        Assertions.assertEquals(outs.size(), outputs.size(), "number of outputs");
        for (int k = 0; k < outs.size(); k++) {
            JsonObject o = outs.get(k).getAsJsonObject();
            Assertions.assertArrayEquals(ints(o.getAsJsonArray("shape")), outputs.get(k).shape(), "shape");
            float[] e = floats(o.getAsJsonArray("data"));
            float[] a = outputs.get(k).dataSync();
            for (int i = 0; i < e.length; i++) {
                Assertions.assertEquals(e[i], a[i], 1e-5 * Math.max(1, Math.abs(e[i])), name + " TF.js output [" + i + "]");
            }
        }
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    static {
        Engine.get();
        Transform.class.getName();
    }
}
