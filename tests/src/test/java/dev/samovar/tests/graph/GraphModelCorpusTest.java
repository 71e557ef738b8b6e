package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.ops.Creation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus graph models (tests/fixtures/graph-models.mjs) run on the JVM against what TF.js 4.22
 * returned for the same inputs (fixtures/graph/*.json, made by gen-graph-fixtures.mjs): output
 * names, shapes, dtypes, values (1e-5 relative to the output's scale) and tensors left alive.
 */
class GraphModelCorpusTest {
    static final String[] NAMES = {"nsfwjs_mobilenet_v2_mid", "human_emotion", "human_blazeface", "human_antispoof",
        "human_liveness", "human_handtrack", "tfjs_custom_module_dense", "tfjs_rn59_graph", "tfjs_load_predict_graph",
        "tfjs_load_predict_graph_new", "tfjs_inference", "tfjs_inference_structured"};

    /** Corpus models Samovar cannot run yet (ops it lacks); the test checks they fail clearly. */
    static final java.util.Set<String> NOT_YET = java.util.Set.of();

    static boolean runs(String name) {
        return !NOT_YET.contains(name);
    }

    static Stream<String> models() {
        return Stream.of(NAMES);
    }

    static JsonObject fixture(String name) throws IOException {
        try (InputStream in = GraphModelCorpusTest.class.getResourceAsStream("/fixtures/graph/" + name + ".json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    static GraphModel load(Path json) throws IOException {
        String text = Files.readString(json);
        return GraphModel.load(text, Corpus.folder(json.getParent()), json.getFileName().toString());
    }

    /** The fixture's inputs, made as graph-models.mjs makes them. */
    static List<Tensor> inputs(JsonObject fx) {
        List<Tensor> out = new ArrayList<>();
        JsonArray ins = fx.getAsJsonArray("inputs");
        double offset = fx.get("offset").getAsDouble();
        for (int k = 0; k < ins.size(); k++) {
            JsonObject in = ins.get(k).getAsJsonObject();
            int[] shape = ints(in.getAsJsonArray("shape"));
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            if (in.get("dtype").getAsString().equals("int32")) {
                out.add(Creation.tensor(Corpus.inputInts(k, size), shape, DType.INT32));
            } else {
                out.add(Creation.tensor(Corpus.inputFloats(k, size, offset), shape));
            }
        }
        return out;
    }

    static void compare(String name, JsonObject expected, Tensor actual) {
        String what = name + " output " + expected.get("name").getAsString();
        assertArrayEquals(ints(expected.getAsJsonArray("shape")), actual.shape(), what + " shape");
        assertEquals(expected.get("dtype").getAsString(), actual.dtype().jsName(), what + " dtype");
        JsonArray values = expected.getAsJsonArray("values");
        float[] got = actual.dataSync();
        double scale = 0;
        for (JsonElement v : values) {
            scale = Math.max(scale, Math.abs(v.getAsDouble()));
        }
        double tol = 1e-5 * Math.max(1, scale);
        for (int i = 0; i < values.size(); i++) {
            double e = values.get(i).getAsDouble();
            assertTrue(Math.abs(e - got[i]) <= tol, what + "[" + i + "]: expected " + e + " but was " + got[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void predictsAsTfjs(String name) throws IOException {
        Path root = Corpus.models();
        Assumptions.assumeTrue(root != null, "shared/models is not present");
        JsonObject fx = fixture(name);
        if (!runs(name)) {
            UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(
                    UnsupportedOperationException.class,
                    () -> load(root.resolve("tfjs").resolve(fx.get("model").getAsString())).dispose());
            assertTrue(e.getMessage().contains("unsupported TensorFlow ops: ") && e.getMessage().contains("(node '"),
                    e.getMessage());
            return;
        }
        GraphModel model = load(root.resolve("tfjs").resolve(fx.get("model").getAsString()));
        try {
            assertEquals(fx.get("inputNodes").toString(), new com.google.gson.Gson().toJson(model.inputNodes()));
            assertEquals(fx.get("outputNodes").toString(), new com.google.gson.Gson().toJson(model.outputNodes()));
            List<Tensor> in = inputs(fx);
            int before = Engine.get().numTensors();
            Map<String, Tensor> feeds = model.positional(in.toArray(new Tensor[0]));
            Tensor[] out = fx.get("async").getAsBoolean() ? model.executeAsync(feeds, model.outputNodes())
                    : model.predict(feeds);
            assertEquals(fx.get("tensorsLeft").getAsInt(), Engine.get().numTensors() - before, name + ": tensors left");
            JsonArray outs = fx.getAsJsonArray("outputs");
            assertEquals(outs.size(), out.length);
            for (int i = 0; i < out.length; i++) {
                compare(name, outs.get(i).getAsJsonObject(), out[i]);
            }
            for (Tensor t : out) {
                t.dispose();
            }
            for (Tensor t : in) {
                t.dispose();
            }
        } finally {
            model.dispose();
        }
    }
}
