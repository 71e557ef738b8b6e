package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.io.Json;
import dev.samovar.io.WeightSpec;
import dev.samovar.layers.io.LayersModelIO;
import dev.samovar.io.ModelArtifacts;
import dev.samovar.layers.io.ModelFiles;
import dev.samovar.ops.Creation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real TF.js layers models of ../shared/models/tfjs (e.g. the uint8-quantized nsfwjs
 * MobileNetV2) loaded from their files on the JVM and run on deterministic inputs: outputs within
 * 1e-4 of TF.js 4.22 (tests/fixtures/gen-model-fixtures.mjs), same layer count, countParams,
 * weight names, toJSON text, and no tensor left behind.
 */
class JvmModelCorpusTest {
    static Path shared() {
        String s = System.getProperty("samovar.shared", System.getenv("SAMOVAR_SHARED"));
        return s != null ? Path.of(s) : LayerFixture.root().resolve("../../shared").normalize();
    }

    @TestFactory
    List<DynamicTest> corpusModelsPredictLikeTfjs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : LayerFixture.load("models.json").getAsJsonArray("results")) {
            JsonObject m = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(m.get("name").getAsString(), () -> {
                int before = Engine.get().numTensors();
                LayersModel model;
                if (m.has("artifacts")) {
                    JsonObject a = m.getAsJsonObject("artifacts");
                    ModelArtifacts art = new ModelArtifacts();
                    art.modelTopology = Json.parse(a.get("modelTopology").toString());
                    List<WeightSpec> specs = new ArrayList<>();
                    for (JsonElement s : a.getAsJsonArray("weightSpecs")) {
                        specs.add(WeightSpec.fromJson(Json.parse(s.toString()), "weightSpecs"));
                    }
                    art.weightSpecs = specs;
                    byte[] bytes = java.util.Base64.getDecoder().decode(a.get("weightData").getAsString());
                    art.weightData = new ArrayList<>();
                    int from = 0;
                    if (a.has("shardCuts")) {
                        // Several buffers cut at these offsets (inside weights): read in place, never joined.
                        for (JsonElement cut : a.getAsJsonArray("shardCuts")) {
                            art.weightData.add(java.util.Arrays.copyOfRange(bytes, from, cut.getAsInt()));
                            from = cut.getAsInt();
                        }
                    }
                    art.weightData.add(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
                    model = (LayersModel) LayersModelIO.load(art, true, "artifacts");
                } else {
                    Path file = shared().resolve("models/tfjs").resolve(m.get("path").getAsString());
                    Assumptions.assumeTrue(Files.exists(file), "model corpus not present: " + file);
                    model = (LayersModel) ModelFiles.load(file);
                }
                if (m.has("trainableWeights")) {
                    Assertions.assertEquals(m.get("trainableWeights").getAsInt(), model.trainableWeights().size(),
                            "trainable weights");
                }
                if (m.has("summary")) {
                    JsonArray lines = new JsonArray();
                    model.summaryLines().forEach(lines::add);
                    Assertions.assertEquals(m.getAsJsonArray("summary"), lines, "summary");
                }
                Assertions.assertEquals(m.get("layers").getAsInt(), model.layers().size(), "layers");
                Assertions.assertEquals(m.get("countParams").getAsInt(), model.countParams(), "countParams");
                JsonArray names = new JsonArray();
                for (LayerVariable w : model.weights()) {
                    names.add(w.originalName());
                }
                Assertions.assertEquals(m.getAsJsonArray("weights"), names, "weight names");
                Assertions.assertEquals(JsonParser.parseString(m.get("toJSON").getAsString()),
                        JsonParser.parseString(model.toJson()), "toJSON (as JSON)");
                Assertions.assertEquals(m.get("toJSON").getAsString(), model.toJson(), "toJSON text");
                List<Tensor> xs = new ArrayList<>();
                for (JsonElement in : m.getAsJsonArray("inputs")) {
                    JsonArray a = in.getAsJsonArray();
                    int[] shape = JvmLayerSuiteTest.shape(a.get(0));
                    xs.add(Creation.tensor(JvmLayerSuiteTest.rand(JvmLayerSuiteTest.size(shape), a.get(1).getAsInt(),
                            a.get(2).getAsDouble(), a.get(3).getAsDouble()), shape));
                }
                List<Tensor> ys = model.predict(xs, null);
                JsonArray expected = m.getAsJsonArray("outputs");
                for (int i = 0; i < ys.size(); i++) {
                    JsonObject actual = JvmLayerSuiteTest.tensorJson(ys.get(i), true);
                    JsonObject ex = expected.get(i).getAsJsonObject();
                    Assertions.assertEquals(ex.get("shape"), actual.get("shape"));
                    LayerFixture.closeValues("output " + i, ex.getAsJsonArray("data"), actual.getAsJsonArray("data"),
                            1e-4);
                }
                ys.forEach(Tensor::dispose);
                xs.forEach(Tensor::dispose);
                model.dispose();
                Assertions.assertEquals(m.get("tensorsLeftAfterDispose").getAsInt(), Engine.get().numTensors() - before,
                        "tensors left (as TF.js leaves them)");
            }));
        }
        return tests;
    }
}
