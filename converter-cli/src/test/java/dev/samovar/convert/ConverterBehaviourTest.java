package dev.samovar.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.samovar.convert.Fixtures.Run;
import dev.samovar.convert.Fixtures.Tensor;
import dev.samovar.io.Json;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's behaviour on the ResNet corpus model and on bad input: quantization (checked
 * against the original weights through TF.js's own dequantization), wildcards, shard size,
 * split groups, metadata, the round trip back to .h5, flags, exit codes, one-line errors, and that
 * a failed conversion leaves nothing behind. TF.js runs once, in one Node process, for all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConverterBehaviourTest {
    static final String RESNET = "keras_h5/fvilmos_resnet/resnet.h5";
    static final String LPD = "tfjs/tfjs_repo/load_predict_data/layers_model/model.json";
    Tensor lpdExpected;

    @TempDir
    static Path work;

    Path resnet;
    Map<String, Path> out = new LinkedHashMap<>();
    Map<String, Map<String, Object>> tfjs;
    /** Original float32 weights of the ResNet file, by TF.js name. */
    Map<String, float[]> original = new LinkedHashMap<>();
    List<String> originalOrder = new ArrayList<>();

    Path convertOk(String id, String... args) {
        Path o = work.resolve(id);
        List<String> a = new ArrayList<>(List.of(args));
        a.add(o.toString());
        Run r = Fixtures.convert(a.toArray(new String[0]));
        assertEquals(0, r.code, id + ": " + r);
        out.put(id, o);
        return o;
    }

    @BeforeAll
    void convertAndRunTfjs() throws Exception {
        Assumptions.assumeTrue(Fixtures.MODELS != null, "the shared model corpus (shared/models) is not beside this checkout");
        resnet = Fixtures.model(RESNET);
        try (HdfFile f = new HdfFile(resnet)) {
            io.jhdf.api.Group mw = (io.jhdf.api.Group) f.getChild("model_weights");
            for (String layer : (String[]) mw.getAttribute("layer_names").getData()) {
                io.jhdf.api.Group g = (io.jhdf.api.Group) mw.getChild(layer);
                if (g.getAttribute("weight_names") == null || g.getAttribute("weight_names").isEmpty()) {
                    continue;
                }
                for (String w : (String[]) g.getAttribute("weight_names").getData()) {
                    Dataset d = f.getDatasetByPath("model_weights/" + layer + "/" + w);
                    float[] v = (float[]) d.getDataFlat();
                    String name = w.substring(0, w.length() - 2);
                    original.put(name, v);
                    originalOrder.add(name);
                }
            }
        }
        String in = resnet.toString();
        convertOk("plain", in);
        convertOk("uint8", "--quantize_uint8", in);
        convertOk("uint16", "--quantize_uint16", in);
        convertOk("float16", "--quantize_float16", in);
        convertOk("mixed", "--quantize_uint8", "conv2d_16*/kernel,dense_*", "--quantize_float16", in);
        convertOk("split", "--split_weights_by_layer", in);
        convertOk("shards", "--weight_shard_size_bytes", "100000", in);
        // A model saved by TF.js itself (tfjs-layers, Embedding + GRU go_backwards) to .h5 and back
        Path lpd = Fixtures.model(LPD);
        Path lpdH5 = work.resolve("lpd.h5");
        Run toH5 = Fixtures.convert("--input_format", "tfjs_layers_model", "--output_format", "keras", lpd.toString(), lpdH5.toString());
        assertEquals(0, toH5.code, toH5.toString());
        Path lpdBack = convertOk("lpd", lpdH5.toString());
        Path lpdResharded = convertOk("lpd_resharded", "--output_format", "tfjs_layers_model", "--weight_shard_size_bytes", "1000",
                lpd.toString());
        List<Map<String, Object>> jobs = new ArrayList<>();
        Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(
                Fixtures.model("reference_outputs/from_test_sources/expected.json")))).get(LPD.replace("keras_h5/", ""));
        for (String id : List.of("lpd", "lpd_resharded")) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", id);
            job.put("model", out.get(id).resolve("model.json").toString());
            job.put("inputs", List.of(((Map<String, Object>) ref.get("inputs")).get("embedding_Embedding2_input")));
            jobs.add(job);
        }
        lpdExpected = Tensor.of(((Map<String, Object>) ref.get("outputs")).get("output"));
        for (Map.Entry<String, Path> e : out.entrySet()) {
            if (e.getKey().startsWith("lpd")) {
                continue;
            }
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", e.getKey());
            job.put("model", e.getValue().resolve("model.json").toString());
            job.put("weights", true);
            // predictions where they are compared; the quantized models are loaded and their weights read
            job.put("predict", List.of("plain", "split", "shards").contains(e.getKey()));
            jobs.add(job);
        }
        tfjs = Fixtures.tfjs(jobs, work);
        for (Map.Entry<String, Map<String, Object>> e : tfjs.entrySet()) {
            assertEquals(Boolean.TRUE, e.getValue().get("ok"), e.getKey() + ": TF.js: " + e.getValue().get("error"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> modelJson(Path dir) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(dir.resolve("model.json")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> manifestWeights(Map<String, Object> mj) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object g : (List<Object>) mj.get("weightsManifest")) {
            for (Object w : (List<Object>) ((Map<String, Object>) g).get("weights")) {
                out.add((Map<String, Object>) w);
            }
        }
        return out;
    }

    static long shardBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".bin")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Tensor> tfjsWeights(String id) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Object w : (List<Object>) tfjs.get(id).get("weights")) {
            m.put((String) ((Map<String, Object>) w).get("name"), Tensor.of(w));
        }
        return m;
    }

    @Test
    void theModelJsonIsTheTfjsLayersFormatWithTheFileWeightNames() throws IOException {
        Path dir = out.get("plain");
        String text = Files.readString(dir.resolve("model.json"));
        assertTrue(text.startsWith("{\"format\":\"layers-model\",\"generatedBy\":\"keras v2.3.0-tf\",\"convertedBy\":"), text.substring(0, 120));
        Map<String, Object> mj = modelJson(dir);
        assertEquals(List.of("format", "generatedBy", "convertedBy", "modelTopology", "weightsManifest"), new ArrayList<>(mj.keySet()));
        Map<String, Object> topology = (Map<String, Object>) mj.get("modelTopology");
        assertEquals("2.3.0-tf", topology.get("keras_version"));
        assertEquals("tensorflow", topology.get("backend"));
        assertTrue(topology.containsKey("model_config") && topology.containsKey("training_config"));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> w : manifestWeights(mj)) {
            names.add((String) w.get("name"));
            assertEquals("float32", w.get("dtype"));
            assertFalse(w.containsKey("quantization"));
        }
        // tensorflowjs_converter: the HDF5 weight_names without ":0", in the file's layer order
        assertEquals(originalOrder, names);
        List<Object> groups = (List<Object>) mj.get("weightsManifest");
        assertEquals(1, groups.size());
        assertEquals(List.of("group1-shard1of1.bin"), ((Map<String, Object>) groups.get(0)).get("paths"));
        assertEquals(4L * 274691, shardBytes(dir));
        // TF.js loaded exactly the file's values
        Map<String, Tensor> loaded = tfjsWeights("plain");
        for (String n : originalOrder) {
            float[] want = original.get(n);
            Tensor got = loaded.get(n);
            for (int i = 0; i < want.length; i++) {
                if (want[i] != (float) got.data[i]) {
                    fail(n + "[" + i + "]: " + got.data[i] + " vs " + want[i]);
                }
            }
        }
    }

    void checkQuantized(String id, String dtype, double ratio) throws IOException {
        Path dir = out.get(id);
        assertEquals(4L * 274691 * ratio, shardBytes(dir), 0.0, id + " shard bytes");
        Map<String, Tensor> loaded = tfjsWeights(id);
        Map<String, Object> mj = modelJson(dir);
        for (Map<String, Object> w : manifestWeights(mj)) {
            String n = (String) w.get("name");
            Map<String, Object> q = (Map<String, Object>) w.get("quantization");
            assertEquals(dtype, q.get("dtype"), n);
            assertEquals("float32", q.get("original_dtype"), n);
            float[] want = original.get(n);
            double[] got = loaded.get(n).data;
            double bound;
            if (dtype.equals("float16")) {
                assertFalse(q.containsKey("scale"));
                for (int i = 0; i < want.length; i++) {
                    double tol = Math.abs(want[i]) * Math.pow(2, -11) + Math.pow(2, -25);
                    if (!(Math.abs(got[i] - want[i]) <= tol)) {
                        fail(n + "[" + i + "]: " + got[i] + " vs " + want[i]);
                    }
                }
                continue;
            }
            double scale = ((Number) q.get("scale")).doubleValue();
            double min = ((Number) q.get("min")).doubleValue();
            double max = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (float v : want) {
                max = Math.max(max, v);
                lo = Math.min(lo, v);
            }
            int levels = dtype.equals("uint8") ? 255 : 65535;
            // scale from the range (the min may be nudged so that 0 is exact, which widens it by < 1 step)
            assertTrue(scale >= (max - lo) / levels * (1 - 1e-6) && scale <= (max - lo) / levels * (1 + 1.0 / levels) + 1e-12,
                    n + ": scale " + scale + " for range " + lo + ".." + max);
            assertTrue(min <= lo + scale && min >= lo - scale, n + ": min " + min + " vs " + lo);
            bound = scale / 2 * (1 + 1e-4) + 1e-7 * Math.max(Math.abs(max), Math.abs(lo));
            for (int i = 0; i < want.length; i++) {
                if (!(Math.abs(got[i] - want[i]) <= bound)) {
                    fail(n + "[" + i + "]: " + got[i] + " vs " + want[i] + " (scale " + scale + ")");
                }
            }
        }
    }

    @Test
    void uint8QuantizedWeightsDequantizeWithinHalfAStepAndShrinkFourTimes() throws IOException {
        checkQuantized("uint8", "uint8", 0.25);
    }

    @Test
    void uint16QuantizedWeightsDequantizeWithinHalfAStepAndShrinkTwice() throws IOException {
        checkQuantized("uint16", "uint16", 0.5);
    }

    @Test
    void float16WeightsRoundToHalfPrecisionAndShrinkTwice() throws IOException {
        checkQuantized("float16", "float16", 0.5);
    }

    @Test
    void quantizationWildcardsPickTheWeightsByName() throws IOException {
        int uint8 = 0;
        for (Map<String, Object> w : manifestWeights(modelJson(out.get("mixed")))) {
            String n = (String) w.get("name");
            String q = (String) ((Map<String, Object>) w.get("quantization")).get("dtype");
            boolean matched = n.matches("conv2d_16.*/kernel") || n.startsWith("dense_");
            assertEquals(matched ? "uint8" : "float16", q, n);
            uint8 += matched ? 1 : 0;
        }
        assertTrue(uint8 >= 4, "some weights matched the wildcards");
        Run r = Fixtures.convert("--quantize_uint8", "conv*", "--quantize_uint16", "conv2d_164/*", resnet.toString(),
                work.resolve("conflict").toString());
        assertEquals(2, r.code, r.toString());
        assertTrue(r.err.contains("weight 'conv2d_164/kernel' matches both --quantize_uint8 'conv*' and --quantize_uint16 "
                + "'conv2d_164/*'"), r.err);
        assertFalse(Files.exists(work.resolve("conflict")));
        Run two = Fixtures.convert("--quantize_uint8", "--quantize_float16", resnet.toString(), work.resolve("two").toString());
        assertEquals(2, two.code, two.toString());
    }

    @Test
    void resplitModelsPredictExactlyLikeThePlainOneAndQuantizedOnesLoadInTfjs() {
        Tensor plain = Tensor.of(((List<Object>) tfjs.get("plain").get("outputs")).get(0));
        for (String id : List.of("split", "shards")) {
            Tensor t = Tensor.of(((List<Object>) tfjs.get(id).get("outputs")).get(0));
            assertEquals(0.0, Fixtures.maxDiff(plain, t), id);
        }
        for (String id : List.of("uint8", "uint16", "float16", "mixed")) {
            assertEquals(168, ((List<Object>) tfjs.get(id).get("weights")).size(), id + ": TF.js loaded every weight");
        }
    }

    @Test
    void shardsAreCutAtTheGivenSizeAndNamedAsTfjsNamesThem() throws IOException {
        Path dir = out.get("shards");
        long total = 4L * 274691;
        int n = (int) ((total + 99999) / 100000);
        Map<String, Object> mj = modelJson(dir);
        List<Object> paths = (List<Object>) ((Map<String, Object>) ((List<Object>) mj.get("weightsManifest")).get(0)).get("paths");
        assertEquals(n, paths.size());
        for (int i = 1; i <= n; i++) {
            String name = "group1-shard" + i + "of" + n + ".bin";
            assertEquals(name, paths.get(i - 1));
            assertEquals(i < n ? 100000 : total - 100000L * (n - 1), dir.resolve(name).toFile().length(), name);
        }
    }

    @Test
    void splitWeightsByLayerWritesOneGroupPerLayerWithWeights() throws IOException {
        Map<String, Object> mj = modelJson(out.get("split"));
        List<Object> groups = (List<Object>) mj.get("weightsManifest");
        // ResNet: 59 layers with weights (conv, batch norm, dense)
        assertEquals(59, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Object> group = (Map<String, Object>) groups.get(g);
            assertEquals(List.of("group" + (g + 1) + "-shard1of1.bin"), group.get("paths"));
            String layer = null;
            for (Object w : (List<Object>) group.get("weights")) {
                String n = (String) ((Map<String, Object>) w).get("name");
                String l = n.substring(0, n.indexOf('/'));
                assertTrue(layer == null || layer.equals(l), "one layer per group: " + n);
                layer = l;
            }
        }
    }

    @Test
    void metadataGoesToUserDefinedMetadata() throws IOException {
        Path meta = work.resolve("meta.json");
        Files.writeString(meta, "{\"labels\": [\"cat\", \"dog\"], \"size\": 32}");
        Path o = convertOk("metadata", "--metadata", "info:" + meta, Fixtures.model("keras_h5/konduit_tf2/model1.h5").toString());
        Map<String, Object> mj = modelJson(o);
        assertEquals(Map.of("info", Map.of("labels", List.of("cat", "dog"), "size", 32.0)), mj.get("userDefinedMetadata"));
        Run bad = Fixtures.convert("--metadata", "info", resnet.toString(), work.resolve("badmeta").toString());
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("expected KEY:FILE.json"), bad.err);
    }

    // ------------------------------------------------------------------ round trip

    @Test
    void aModelSavedByTfjsGoesToH5AndBackAndPredictsTheUpstreamExpectedOutput() throws IOException {
        for (String id : List.of("lpd", "lpd_resharded")) {
            Map<String, Object> a = tfjs.get(id);
            Tensor got = Tensor.of(((List<Object>) a.get("outputs")).get(0));
            double d = Fixtures.maxDiff(got, lpdExpected);
            assertTrue(d <= 1e-4, id + ": differs from tfjs's e2e expected output by " + d);
        }
        // 9,200 bytes of weights in 1,000-byte shards
        for (int i = 1; i <= 10; i++) {
            assertEquals(i < 10 ? 1000 : 200, out.get("lpd_resharded").resolve("group1-shard" + i + "of10.bin").toFile().length());
        }
    }

    @Test
    void h5ToTfjsToH5KeepsConfigAndWeightsBitExact() throws Exception {
        for (String m : List.of(RESNET, "keras_h5/dl4j/fullconfigs/cnn/cnn_batch_norm.h5", "keras_h5/dl4j/tfkeras/rnn_29.h5",
                "keras_h5/konduit_tf2/model1.h5", "keras_h5/dot_res_lstm/gru.h5", "keras_h5/dl4j/weights/embedding_conv1d_extended_tensorflow_2.h5")) {
            String id = "rt_" + m.replace('/', '_');
            Path a = convertOk(id + "_a", Fixtures.model(m).toString());
            Path h5 = work.resolve(id + ".h5");
            Run back = Fixtures.convert("--input_format", "tfjs_layers_model", "--output_format", "keras", a.resolve("model.json").toString(),
                    h5.toString());
            assertEquals(0, back.code, back.toString());
            Path c = convertOk(id + "_c", h5.toString());
            // the second conversion writes the same model.json and the same shard bytes
            assertEquals(Files.readString(a.resolve("model.json")), Files.readString(c.resolve("model.json")), m);
            assertArrayEquals(Files.readAllBytes(a.resolve("group1-shard1of1.bin")), Files.readAllBytes(c.resolve("group1-shard1of1.bin")), m);
            Map<String, Object> topology = (Map<String, Object>) modelJson(a).get("modelTopology");
            try (HdfFile orig = new HdfFile(Fixtures.model(m)); HdfFile rt = new HdfFile(h5)) {
                assertEquals(topology.get("model_config"), Json.parse((String) rt.getAttribute("model_config").getData()), m);
                assertEquals(topology.get("keras_version"), rt.getAttribute("keras_version").getData());
                io.jhdf.api.Group mw = (io.jhdf.api.Group) orig.getChild("model_weights");
                int datasets = 0;
                for (String layer : (String[]) mw.getAttribute("layer_names").getData()) {
                    io.jhdf.api.Group g = (io.jhdf.api.Group) mw.getChild(layer);
                    if (g.getAttribute("weight_names") == null || g.getAttribute("weight_names").isEmpty()) {
                        continue;
                    }
                    String[] wn = (String[]) g.getAttribute("weight_names").getData();
                    if (wn.length == 0) {
                        continue;
                    }
                    io.jhdf.api.Group rtLayer = (io.jhdf.api.Group) ((io.jhdf.api.Group) rt.getChild("model_weights")).getChild(layer);
                    assertArrayEquals(wn, (String[]) rtLayer.getAttribute("weight_names").getData(), m + " " + layer);
                    for (String w : wn) {
                        Dataset d0 = orig.getDatasetByPath("model_weights/" + layer + "/" + w);
                        Dataset d1 = rt.getDatasetByPath("model_weights/" + layer + "/" + w);
                        assertArrayEquals(d0.getDimensions(), d1.getDimensions(), w);
                        float[] v0 = (float[]) d0.getDataFlat();
                        float[] v1 = (float[]) d1.getDataFlat();
                        assertEquals(v0.length, v1.length);
                        for (int i = 0; i < v0.length; i++) {
                            if (Float.floatToRawIntBits(v0[i]) != Float.floatToRawIntBits(v1[i])) {
                                fail(m + " " + w + "[" + i + "]: " + v1[i] + " vs " + v0[i]);
                            }
                        }
                        datasets++;
                    }
                }
                assertTrue(datasets > 0, m);
            }
        }
    }

    // ------------------------------------------------------------------ command line

    @Test
    void helpVersionAndUsageErrors() {
        Run help = Fixtures.convert("--help");
        assertEquals(0, help.code);
        for (String flag : List.of("--input_format", "--output_format", "--weight_shard_size_bytes", "--quantize_uint8",
                "--quantize_uint16", "--quantize_float16", "--split_weights_by_layer", "--metadata", "--signature_name",
                "--saved_model_tags", "--output_node_names", "--skip_op_check", "--overwrite", "--version")) {
            assertTrue(help.out.contains(flag), flag);
        }
        Run version = Fixtures.convert("--version");
        assertEquals(0, version.code);
        assertTrue(version.out.startsWith("samovar-convert "), version.out);
        assertEquals(2, Fixtures.convert().code);
        Run unknown = Fixtures.convert("--frobnicate", resnet.toString(), work.resolve("x").toString());
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("--frobnicate"), unknown.err);
        Run fmt = Fixtures.convert("--input_format", "onnx", resnet.toString(), work.resolve("x").toString());
        assertEquals(2, fmt.code);
        assertTrue(fmt.err.contains("--input_format onnx: unknown format"), fmt.err);
        Run outFmt = Fixtures.convert("--output_format", "tfjs_graph_model", resnet.toString(), work.resolve("x").toString());
        assertEquals(2, outFmt.code);
        assertTrue(outFmt.err.contains("input format keras converts to tfjs_layers_model, not to tfjs_graph_model"), outFmt.err);
        assertFalse(Files.exists(work.resolve("x")));
    }

    @Test
    void graphModelFormatsAndFlagsAreRecognisedButNotSupportedYet() {
        for (String f : List.of("tf_saved_model", "tf_frozen_model", "keras_saved_model", "tf_hub")) {
            Run r = Fixtures.convert("--input_format", f, "--signature_name", "serving_default", "--saved_model_tags", "serve",
                    "--output_node_names", "a,b", "--skip_op_check", resnet.toString(), work.resolve("g").toString());
            assertEquals(2, r.code, r.toString());
            assertTrue(r.err.trim().startsWith("samovar-convert: input format " + f + " is not supported yet"), r.err);
        }
        Run r = Fixtures.convert("--signature_name", "serving_default", resnet.toString(), work.resolve("g").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--signature_name does not apply to keras -> tfjs_layers_model"), r.err);
        assertFalse(Files.exists(work.resolve("g")));
    }

    @Test
    void quantizationFlagsTakeWildcardsAttachedOrNextOrNone() throws IOException {
        String m = Fixtures.model("keras_h5/konduit_tf2/model1.h5").toString();
        for (List<String> args : List.of(List.of(m, work.resolve("qa").toString(), "--quantize_uint8=dense/kernel"),
                List.of(m, work.resolve("qb").toString(), "--quantize_uint8", "dense/kernel"),
                List.of("--quantize_uint8", "dense/kernel", m, work.resolve("qc").toString()))) {
            Run r = Fixtures.convert(args.toArray(new String[0]));
            assertEquals(0, r.code, args + ": " + r);
            Path o = Path.of(args.get(args.get(0).startsWith("--") ? 3 : 1));
            List<Map<String, Object>> w = manifestWeights(modelJson(o));
            assertEquals("uint8", ((Map<String, Object>) w.get(0).get("quantization")).get("dtype"), args.toString());
            assertFalse(w.get(1).containsKey("quantization"), args.toString());
        }
        // no wildcards, flag before the paths: every weight; the all-zero bias is stored exactly
        Run all = Fixtures.convert("--quantize_uint8", m, work.resolve("qd").toString());
        assertEquals(0, all.code, all.toString());
        assertEquals(2, manifestWeights(modelJson(work.resolve("qd"))).stream().filter(x -> x.containsKey("quantization")).count());
        Map<String, Object> bias = manifestWeights(modelJson(work.resolve("qd"))).get(1);
        assertEquals(Map.of("dtype", "uint8", "min", 0.0, "scale", 1.0, "original_dtype", "float32"), bias.get("quantization"));
        Run twice = Fixtures.convert("--quantize_uint8=a", "--quantize_uint8", "b", m, work.resolve("qe").toString());
        assertEquals(2, twice.code, twice.toString());
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithOverwrite() throws IOException {
        Path model = Fixtures.model("keras_h5/konduit_tf2/model1.h5");
        Path o = convertOk("existing", model.toString());
        Files.writeString(o.resolve("model.json"), "{}");
        Run refused = Fixtures.convert(model.toString(), o.toString());
        assertEquals(2, refused.code);
        assertTrue(refused.err.contains(o + " already exists; give --overwrite to replace it"), refused.err);
        assertEquals("{}", Files.readString(o.resolve("model.json")));
        Run replaced = Fixtures.convert("--overwrite", model.toString(), o.toString());
        assertEquals(0, replaced.code, replaced.toString());
        assertTrue(Files.readString(o.resolve("model.json")).startsWith("{\"format\":\"layers-model\""));
        Path foreign = work.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Run kept = Fixtures.convert("--overwrite", model.toString(), foreign.toString());
        assertEquals(2, kept.code);
        assertTrue(kept.err.contains("holds notes.txt, which is not part of a TF.js model"), kept.err);
        assertTrue(Files.exists(foreign.resolve("notes.txt")));
        Path h5 = work.resolve("existing.h5");
        Files.writeString(h5, "x");
        Run h5refused = Fixtures.convert(o.toString(), h5.toString());
        assertEquals(2, h5refused.code);
        assertEquals("x", Files.readString(h5));
    }

    @Test
    void theSummaryTellsLayersParametersBytesShardsAndQuantization() {
        Run r = Fixtures.convert("--quantize_uint8", resnet.toString(), work.resolve("summary").toString());
        assertEquals(0, r.code);
        assertTrue(r.out.contains("96 layers, 274,691 parameters, 168 weights, 1.0 MiB of weights -> 268.3 KiB written in 2 files"), r.out);
        assertTrue(r.out.contains("files: model.json, group1-shard1of1.bin"), r.out);
        assertTrue(r.out.contains("quantization: 168 weights uint8 (max error "), r.out);
        Run quiet = Fixtures.convert("-q", resnet.toString(), work.resolve("quiet").toString());
        assertEquals("", quiet.out + quiet.err);
    }

    // ------------------------------------------------------------------ bad input

    void assertFailsCleanly(String what, List<String> args, int code, String... expected) throws IOException {
        Path o = work.resolve("bad_" + what);
        List<String> a = new ArrayList<>(args);
        a.add(o.toString());
        Run r = Fixtures.convert(a.toArray(new String[0]));
        assertEquals(code, r.code, what + ": " + r);
        String line = r.err.trim();
        assertFalse(line.contains("\n"), what + ": one line: " + line);
        for (String e : expected) {
            assertTrue(line.contains(e), what + ": '" + e + "' in " + line);
        }
        assertFalse(Files.exists(o), what + ": no output");
        try (Stream<Path> s = Files.list(work)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("samovar-tmp")), what + ": no temporary output");
        }
    }

    @Test
    void badInputGetsAOneLineErrorNamingTheFileAndNothingIsWritten() throws IOException {
        byte[] bytes = Files.readAllBytes(resnet);
        Path truncated = work.resolve("truncated.h5");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 6 / 10));
        assertFailsCleanly("truncated", List.of(truncated.toString()), 1, "samovar-convert: error: " + truncated,
                "the HDF5 file is truncated: its superblock says it ends at byte " + bytes.length + " but the file has "
                        + truncated.toFile().length() + " bytes");
        Path corrupt = work.resolve("corrupt.h5");
        byte[] garbled = bytes.clone();
        for (int i = 2000; i < 6000; i++) {
            garbled[i] = (byte) (i * 31);
        }
        Files.write(corrupt, garbled);
        assertFailsCleanly("corrupt", List.of(corrupt.toString()), 1, "samovar-convert: error: " + corrupt, "corrupt");
        Path headerOnly = work.resolve("header.h5");
        Files.write(headerOnly, java.util.Arrays.copyOf(bytes, 4000));
        assertFailsCleanly("header-only", List.of("--input_format", "keras", headerOnly.toString()), 1, headerOnly.toString(),
                "truncated");
        Path text = work.resolve("notes.h5");
        Files.writeString(text, "hello, not a model\n");
        assertFailsCleanly("not-hdf5", List.of("--input_format", "keras", text.toString()), 1, text + ": not an HDF5 file");
        Path io = Fixtures.model("keras_h5/dl4j/examples/activations/ELU_0_inputs_and_outputs.h5");
        assertFailsCleanly("not-keras", List.of(io.toString()), 1, io + ": not a Keras model",
                "no model_config attribute");
        Path weightsOnly = Fixtures.model("keras_h5/hls4ml/KERAS_3layer_weights.h5");
        assertFailsCleanly("no-config", List.of(weightsOnly.toString()), 1, weightsOnly + ": missing model_config",
                "--config");
        Path lambda = Fixtures.model("keras_h5/dl4j/examples/lambda/sequential_lambda.h5");
        assertFailsCleanly("lambda", List.of(lambda.toString()), 1, lambda.toString(), "layer 'lambda_1' (Lambda, position 2)");
        // weights whose shapes do not match the config: the hls4ml config with a wider first layer
        Path config = Fixtures.model("keras_h5/hls4ml/KERAS_3layer.json");
        Path wider = work.resolve("wider.json");
        Files.writeString(wider, Files.readString(config).replaceFirst("\"units\": 64", "\"units\": 65"));
        assertTrue(!Files.readString(wider).equals(Files.readString(config)), "the config was changed");
        assertFailsCleanly("shape", List.of("--config", wider.toString(), weightsOnly.toString()), 1, weightsOnly.toString(),
                "layer 'fc1_relu' (Dense, position 2)", "kernel has shape [16,64] but units=65", "expected [*,65]");
        Path json = Fixtures.model("keras_h5/hls4ml/KERAS_3layer.json");
        assertFailsCleanly("json-as-keras", List.of("--input_format", "keras", json.toString()), 1, json + ": a JSON file");
        assertFailsCleanly("missing", List.of(work.resolve("nope.h5").toString()), 2, "nope.h5: no such file");
        // a TF.js model with a shard missing
        Path broken = convertOk("tobreak", Fixtures.model("keras_h5/konduit_tf2/model1.h5").toString());
        Files.delete(broken.resolve("group1-shard1of1.bin"));
        assertFailsCleanly("missing-shard", List.of("--output_format", "keras", broken.resolve("model.json").toString()), 1,
                "group1-shard1of1.bin");
    }

    @Test
    void keras3ArchivesAreRecognisedByContent() throws IOException {
        Path keras = Fixtures.model("keras3/electricity_mlp/model.keras");
        Path renamed = work.resolve("model.h5");
        Files.copy(keras, renamed);
        Path o = convertOk("keras3", "--input_format", "keras_keras", renamed.toString());
        String mj = Files.readString(o.resolve("model.json"));
        assertFalse(mj.contains("\"module\"") || mj.contains("registered_name") || mj.contains("build_config"), mj);
        Path zip = work.resolve("broken.keras");
        Files.write(zip, java.util.Arrays.copyOf(Files.readAllBytes(keras), 3000));
        assertFailsCleanly("broken-zip", List.of(zip.toString()), 1, zip.toString());
    }
}
