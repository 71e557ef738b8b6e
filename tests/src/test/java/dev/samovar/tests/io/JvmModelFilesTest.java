package dev.samovar.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.io.ModelArtifacts;
import dev.samovar.io.ModelFiles;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ModelJson;
import dev.samovar.io.Quantization;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsCodec;
import dev.samovar.ops.Creation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files on the JVM (dev.samovar.io.ModelFiles): artifacts saved by TF.js 4.22 load bit-exact;
 * quantized weights dequantize as TF.js's decodeWeights; the real models of the corpus decode to
 * TF.js's exact bytes (SHA-256 per weight); what Samovar saves (4 MiB shards, quantized or not)
 * loads in TF.js (run live in Node); bad files are rejected naming the file and the field, with
 * no tensor left behind.
 */
class JvmModelFilesTest {
    @TempDir
    Path tmp;

    private static void assertValues(JsonObject expected, Tensor t, String name) {
        assertEquals(expected.get("dtype").getAsString(), t.dtype().jsName(), name + ": dtype");
        JsonArray shape = expected.getAsJsonArray("shape");
        assertEquals(shape.size(), t.rank(), name + ": rank");
        for (int i = 0; i < shape.size(); i++) {
            assertEquals(shape.get(i).getAsInt(), t.dim(i), name + ": shape");
        }
        JsonArray values = expected.getAsJsonArray("values");
        float[] got = t.dataSync();
        assertEquals(values.size(), got.length, name + ": size");
        for (int i = 0; i < got.length; i++) {
            double want = IoFixtures.number(values.get(i)); // "-0", "NaN", "Infinity" kept as strings
            assertEquals(Float.floatToIntBits((float) want), Float.floatToIntBits(got[i]),
                    name + "[" + i + "]: " + want + " vs " + got[i]);
        }
    }

    @Test
    void aModelSavedByTfjsLoadsBitExact() {
        int before = Engine.get().memory().numTensors;
        ModelArtifacts a = ModelFiles.load(IoFixtures.dir().resolve("tfjs-saved"));
        assertEquals("layers-model", a.format);
        assertTrue(a.generatedBy.startsWith("TensorFlow.js tfjs-layers"), a.generatedBy);
        Map<String, Tensor> w = a.decodeWeights("tfjs-saved");
        JsonObject expected = IoFixtures.expected().getAsJsonObject("tfjsSaved");
        assertEquals(expected.keySet(), w.keySet());
        for (String name : expected.keySet()) {
            assertValues(expected.getAsJsonObject(name), w.get(name), name);
        }
        w.values().forEach(Tensor::dispose);
        assertEquals(before, Engine.get().memory().numTensors);
    }

    @Test
    void quantizedWeightsDequantizeAsTfjs() {
        ModelArtifacts a = ModelFiles.load(IoFixtures.dir().resolve("quantized/model.json"));
        Map<String, Tensor> w = ModelFiles.loadWeights(IoFixtures.dir().resolve("quantized"));
        JsonObject expected = IoFixtures.expected().getAsJsonObject("quantized");
        assertEquals(expected.keySet(), w.keySet());
        for (String name : expected.keySet()) {
            assertValues(expected.getAsJsonObject(name), w.get(name), name);
        }
        w.values().forEach(Tensor::dispose);
    }

    @Test
    void theRealModelsDecodeToTfjsBytes() {
        Path shared = IoFixtures.sharedModels();
        Assumptions.assumeTrue(shared != null, "no ../shared/models/tfjs in this checkout");
        JsonObject real = IoFixtures.expected().getAsJsonObject("real");
        int checked = 0;
        for (String rel : real.keySet()) {
            ModelArtifacts a = ModelFiles.load(shared.resolve(rel));
            Map<String, Tensor> w = a.decodeWeights(rel);
            JsonObject exp = real.getAsJsonObject(rel);
            assertEquals(exp.keySet(), w.keySet(), rel);
            for (String name : exp.keySet()) {
                Tensor t = w.get(name);
                assertEquals(exp.getAsJsonObject(name).get("sha256").getAsString(), IoFixtures.sha256(t), rel + " " + name);
                checked++;
            }
            w.values().forEach(Tensor::dispose);
        }
        assertTrue(checked > 260, "weights checked: " + checked);
    }

    private static ModelArtifacts samovarArtifacts(boolean quantize) {
        List<WeightSpec> specs = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        // 1.2M floats (4.8 MB): two shards of at most 4 MiB, one weight across the boundary.
        float[] big = new float[1_200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) Math.sin(i * 0.001) * 3;
        }
        float[] small = {0.5f, -1.25f, 3e-8f, 65504f, -0.0f, 1f / 3};
        for (Object[] w : new Object[][] {{"dense/kernel", big, new int[] {1200, 1000}}, {"dense/bias", small, new int[] {6}}}) {
            float[] v = (float[]) w[1];
            WeightSpec spec = new WeightSpec((String) w[0], (int[]) w[2], "float32");
            if (quantize) {
                Quantization.Quantized q = Quantization.quantize(v, w[0].equals("dense/bias") ? "float16" : "uint16");
                specs.add(spec.withQuantization(q.quantization));
                data.add(q.bytes);
            } else {
                specs.add(spec);
                data.add(dev.samovar.io.LittleEndian.fromFloats(v));
            }
        }
        Tensor ints = Creation.tensor(new int[] {-3, 0, 2147483647}, new int[] {3}, DType.INT32);
        Tensor bools = Creation.tensor(new boolean[] {true, false}, 2);
        WeightsCodec.Encoded e = WeightsCodec.encode(List.of("step", "mask"), List.of(ints, bools), null);
        ints.dispose();
        bools.dispose();
        specs.addAll(e.specs);
        data.add(e.data);
        ModelArtifacts a = new ModelArtifacts();
        a.format = "layers-model";
        a.generatedBy = "samovar";
        a.convertedBy = null;
        Map<String, Object> topology = new LinkedHashMap<>();
        topology.put("class_name", "Sequential");
        a.modelTopology = topology;
        a.weightSpecs = specs;
        a.weightData = data;
        return a;
    }

    @Test
    void whatSamovarSavesLoadsInTfjs() throws Exception {
        for (boolean quantize : new boolean[] {false, true}) {
            Path dir = tmp.resolve(quantize ? "quantized" : "plain");
            ModelArtifacts a = samovarArtifacts(quantize);
            ModelJson written = ModelFiles.save(dir, a);
            int expectedShards = quantize ? 1 : 2;
            assertEquals(expectedShards, written.weightsManifest.get(0).paths.size());
            assertEquals(ModelJson.LAYERS_MODEL, ModelJson.parse(Files.readString(dir.resolve("model.json")), "model.json").format);
            JsonObject tfjs = IoFixtures.readWithTfjs(dir);
            assertEquals("layers-model", tfjs.get("format").getAsString());
            Map<String, Tensor> ours = ModelFiles.load(dir).decodeWeights(dir.toString());
            JsonObject theirs = tfjs.getAsJsonObject("weights");
            assertEquals(theirs.keySet(), ours.keySet());
            for (String name : theirs.keySet()) {
                JsonObject t = theirs.getAsJsonObject(name);
                assertEquals(t.get("sha256").getAsString(), IoFixtures.sha256(ours.get(name)), name + ": bytes");
                if (t.has("values")) {
                    assertValues(t, ours.get(name), (quantize ? "quantized " : "") + name);
                }
            }
            ours.values().forEach(Tensor::dispose);
        }
    }

    // ------------------------------------------------------------------------------ bad input

    private Path model(String name, String json, Map<String, byte[]> shards) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.json"), json.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> s : shards.entrySet()) {
            Files.write(dir.resolve(s.getKey()), s.getValue());
        }
        return dir;
    }

    private static String manifest(String paths, String weights) {
        return "{\"format\":\"layers-model\",\"modelTopology\":{\"class_name\":\"Sequential\"},"
                + "\"weightsManifest\":[{\"paths\":" + paths + ",\"weights\":" + weights + "}]}";
    }

    private static final String TWO_WEIGHTS = "[{\"name\":\"k\",\"shape\":[2,2],\"dtype\":\"float32\"},"
            + "{\"name\":\"b\",\"shape\":[2],\"dtype\":\"float32\"}]";

    private void assertRejected(Path dir, String... fragments) {
        int before = Engine.get().memory().numTensors;
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(dir).decodeWeights(dir.toString()));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
        }
        assertEquals(before, Engine.get().memory().numTensors, "tensors left after " + e.getMessage());
    }

    @Test
    void badFilesAreRejectedNamingFileAndField() throws IOException {
        byte[] ok = new byte[24];
        assertRejected(model("malformed", "{\"modelTopology\": {", Map.of()), "model.json", "malformed");
        assertRejected(model("neither", "{\"format\":\"layers-model\"}", Map.of()), "model.json",
                "neither modelTopology nor weightsManifest");
        assertRejected(model("notobject", "[1,2]", Map.of()), "model.json", "top level");
        assertRejected(model("short", manifest("[\"s.bin\"]", TWO_WEIGHTS), Map.of("s.bin", new byte[20])),
                "model.json", "weightsManifest[0]", "declare 24 bytes but the shards hold 20", "s.bin");
        assertRejected(model("long", manifest("[\"s.bin\"]", TWO_WEIGHTS), Map.of("s.bin", new byte[28])),
                "weightsManifest[0]", "declare 24 bytes but the shards hold 28");
        assertRejected(model("missing", manifest("[\"a.bin\",\"b.bin\"]", TWO_WEIGHTS), Map.of("a.bin", ok)),
                "weightsManifest[0].paths[1]", "'b.bin' is missing");
        assertRejected(model("dotdot", manifest("[\"../secret.bin\"]", TWO_WEIGHTS), Map.of()),
                "weightsManifest[0].paths[0]", "'..'");
        assertRejected(model("absolute", manifest("[\"/etc/passwd\"]", TWO_WEIGHTS), Map.of()),
                "weightsManifest[0].paths[0]", "absolute");
        assertRejected(model("huge", manifest("[\"s.bin\"]",
                "[{\"name\":\"k\",\"shape\":[100000,100000,100],\"dtype\":\"float32\"}]"), Map.of("s.bin", ok)),
                "weightsManifest[0].weights[0] ('k').shape", "more than");
        assertRejected(model("bigbutfits", manifest("[\"s.bin\"]",
                "[{\"name\":\"k\",\"shape\":[50000,20000],\"dtype\":\"float32\"}]"), Map.of("s.bin", ok)),
                "declare 4000000000 bytes but the shards hold 24");
        assertRejected(model("baddtype", manifest("[\"s.bin\"]",
                "[{\"name\":\"k\",\"shape\":[2],\"dtype\":\"float64\"}]"), Map.of("s.bin", ok)),
                "weightsManifest[0].weights[0] ('k').dtype", "float64");
        assertRejected(model("badshape", manifest("[\"s.bin\"]",
                "[{\"name\":\"k\",\"shape\":[2,-1],\"dtype\":\"float32\"}]"), Map.of("s.bin", ok)),
                "('k').shape[1]", "-1");
        assertRejected(model("badquant", manifest("[\"s.bin\"]",
                "[{\"name\":\"k\",\"shape\":[2],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"uint4\"}}]"),
                Map.of("s.bin", ok)), "('k').quantization.dtype", "uint4");
        assertRejected(tmp.resolve("nowhere"), "nowhere", "no such file");
        // The engine still works.
        Tensor t = Creation.tensor(new float[] {1, 2}, 2);
        assertEquals(2, t.size());
        t.dispose();
    }
}
