package dev.samovar.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.convert.Fixtures.Run;
import dev.samovar.convert.Fixtures.Tensor;
import dev.samovar.io.Json;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Keras model of the shared corpus: converted by samovar-convert, loaded by TF.js 4.22 in
 * Node (one process for all), and where the corpus has reference inputs and outputs (computed by
 * Keras or TensorFlow, not by us), TF.js's predictions on the converted model match them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusConversionTest {
    /** Models that cannot be converted, and what the one-line error must say. */
    static final Map<String, List<String>> EXPECTED_TO_FAIL = Map.of(
            "keras_h5/dl4j/examples/lambda/sequential_lambda.h5",
            List.of("layer 'lambda_1' (Lambda, position 2)", "layer 'lambda_2' (Lambda, position 3)", "Python function"),
            "keras_h5/dl4j/weights/space_to_depth_simple_tensorflow_2.h5",
            List.of("layer 'space_to_depth_x2' (Lambda, position 1)"),
            "keras_h5/dl4j/tfkeras/tfop_0.h5", List.of("layer 'Reshape' (TensorFlowOpLayer, position 2)"),
            "keras3/hls4ml/qkeras-v3_3layer.keras",
            List.of("layer 'fc1' (QDense, position 2)", "layer 'relu1' (QActivation, position 3)", "custom class"),
            // Not marked as expected to fail in CORPUS.md, but TF.js 4.22 has no such layers.
            "keras_h5/dl4j/weights/keras-attention.h5",
            List.of("layer 'attention' (Attention, position 3)", "TF.js 4.22 has no Attention layer"),
            "keras_h5/dl4j/tfkeras/cnn3d_16.h5",
            List.of("layer 'cropping3d_8' (Cropping3D, position 4)", "TF.js 4.22 has no Cropping3D layer"));

    /**
     * Models TF.js loads (and whose weights it reads) without running them: 905 time steps through two
     * GRU layers take about 30 s in TF.js's pure-JS CPU backend, more than the rest of the corpus.
     */
    static final java.util.Set<String> LOAD_ONLY = java.util.Set.of("keras_h5/dot_res_lstm/gru.h5");

    /** Weights-only files and their JSON configs. */
    static final Map<String, String> WEIGHTS_ONLY = Map.of(
            "keras_h5/dl4j/examples/simple_sparse_xent/simple_sparse_xent_mlp_keras_2_weights.h5",
            "keras_h5/dl4j/examples/simple_sparse_xent/simple_sparse_xent_mlp_keras_2_config.json",
            "keras_h5/dl4j/tfscope/model.weight", "keras_h5/dl4j/tfscope/model.json",
            "keras_h5/hls4ml/KERAS_3layer_weights.h5", "keras_h5/hls4ml/KERAS_3layer.json",
            "keras_h5/kotlindl/lstm/weights.h5", "keras_h5/kotlindl/lstm/model.json",
            "keras_h5/kotlindl/toyresnet/weights.h5", "keras_h5/kotlindl/toyresnet/modelConfig.json");

    @TempDir
    static Path work;

    /** Model (relative path) -> its conversion. */
    final Map<String, Run> runs = new TreeMap<>();
    /** Model -> output folder. */
    final Map<String, Path> outputs = new TreeMap<>();
    /** Model -> reference inputs and outputs. */
    final Map<String, List<Tensor>[]> references = new TreeMap<>();
    Map<String, Map<String, Object>> tfjs;

    static List<String> corpusModels() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.walk(Fixtures.model("keras_h5")), Files.walk(Fixtures.model("keras3")))) {
            return s.filter(Files::isRegularFile)
                    .map(p -> Fixtures.MODELS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".h5") || p.endsWith(".hdf5") || p.endsWith(".keras") || p.endsWith(".weight"))
                    .filter(p -> !p.endsWith("_inputs_and_outputs.h5"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @BeforeAll
    void convertAllAndRunTfjs() throws Exception {
        Assumptions.assumeTrue(Fixtures.MODELS != null, "the shared model corpus (shared/models) is not beside this checkout");
        List<Map<String, Object>> jobs = new ArrayList<>();
        long start = System.nanoTime();
        for (String m : corpusModels()) {
            Path out = work.resolve(m.replace('/', '_'));
            List<String> args = new ArrayList<>();
            if (WEIGHTS_ONLY.containsKey(m)) {
                args.add("--config");
                args.add(Fixtures.model(WEIGHTS_ONLY.get(m)).toString());
            }
            args.add(Fixtures.model(m).toString());
            args.add(out.toString());
            Run r = Fixtures.convert(args.toArray(new String[0]));
            runs.put(m, r);
            if (r.code == 0) {
                outputs.put(m, out);
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("id", m);
                job.put("model", out.resolve("model.json").toString());
                if (LOAD_ONLY.contains(m)) {
                    job.put("predict", false);
                    job.put("weights", true);
                }
                List<Tensor>[] ref = reference(m);
                if (ref != null) {
                    references.put(m, ref);
                    List<Object> ins = new ArrayList<>();
                    for (Tensor t : ref[0]) {
                        ins.add(t.toJson());
                    }
                    job.put("inputs", ins);
                }
                jobs.add(job);
            }
        }
        System.out.printf("converter corpus: %d conversions in %.1f s%n", runs.size(), (System.nanoTime() - start) / 1e9);
        long t0 = System.nanoTime();
        tfjs = Fixtures.tfjs(jobs, work);
        System.out.printf("converter corpus: TF.js step %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Reference {inputs, outputs} for a model, or null. */
    @SuppressWarnings("unchecked")
    static List<Tensor>[] reference(String m) throws IOException {
        if (m.endsWith("_model.h5") || m.endsWith("_weights.h5")) {
            String base = m.replaceAll("_(model|weights)\\.h5$", "");
            Path io = Fixtures.model(base + "_inputs_and_outputs.h5");
            if (Files.isRegularFile(io)) {
                try (HdfFile f = new HdfFile(io)) {
                    if (f.getChild("predictions") == null) {
                        return null; // only training targets, not Keras's predictions
                    }
                    return new List[] {tensors((Group) f.getChild("inputs")), tensors((Group) f.getChild("predictions"))};
                }
            }
        }
        if (m.equals("keras_h5/dl4j/fullconfigs/cnn/cnn_batch_norm.h5")) {
            Path dir = Fixtures.model("keras_h5/dl4j/fullconfigs/cnn");
            return new List[] {List.of(Fixtures.npy(dir.resolve("input.npy"))), List.of(Fixtures.npy(dir.resolve("predictions.npy")))};
        }
        if (m.equals("keras_h5/dl4j/weights/sepconv2d_tensorflow_2.h5")) {
            Map<String, Object> e = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(
                    Fixtures.model("reference_outputs/from_test_sources/expected.json")))).get(m);
            Tensor out = Tensor.of(((Map<String, Object>) e.get("outputs")).get("output"));
            double[] ones = new double[60];
            java.util.Arrays.fill(ones, 1);
            return new List[] {List.of(new Tensor(new int[] {1, 3, 4, 5}, ones)), List.of(out)};
        }
        if (m.equals("keras_h5/konduit_tf2/model1.h5")) {
            Map<String, Object> e = (Map<String, Object>) Json.parse(Files.readString(
                    Fixtures.model("reference_outputs/tfjava/konduit_tf2__savedModel1.json")));
            return new List[] {List.of(Tensor.of(((Map<String, Object>) e.get("inputs")).get("dense_input"))),
                    List.of(Tensor.of(((Map<String, Object>) e.get("outputs")).get("dense")))};
        }
        return null;
    }

    private static List<Tensor> tensors(Group g) {
        List<Tensor> out = new ArrayList<>();
        for (io.jhdf.api.Node n : g.getChildren().values()) {
            Dataset d = (Dataset) n;
            Object flat = d.getDataFlat();
            double[] data = new double[Array.getLength(flat)];
            for (int i = 0; i < data.length; i++) {
                data[i] = ((Number) Array.get(flat, i)).doubleValue();
            }
            out.add(new Tensor(d.getDimensions(), data));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyConvertibleModelConvertsAndLoadsInTfjs() {
        return runs.keySet().stream().filter(m -> !EXPECTED_TO_FAIL.containsKey(m)).map(m -> DynamicTest.dynamicTest(m, () -> {
            Run r = runs.get(m);
            assertEquals(0, r.code, m + ": " + r);
            Map<String, Object> a = tfjs.get(m);
            assertTrue(a != null && Boolean.TRUE.equals(a.get("ok")), m + ": TF.js could not load or run it: " + a);
            if (LOAD_ONLY.contains(m)) {
                assertFalse(((List<Object>) a.get("weights")).isEmpty(), m + ": TF.js loaded its weights");
            }
            for (Object o : (List<Object>) a.get("outputs")) {
                for (double v : Tensor.of(o).data) {
                    assertTrue(Double.isFinite(v), m + ": TF.js predicted a non-finite value");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> tfjsPredictionsMatchTheCorpusReferences() {
        return references.keySet().stream().map(m -> DynamicTest.dynamicTest(m, () -> {
            Map<String, Object> a = tfjs.get(m);
            assertTrue(Boolean.TRUE.equals(a.get("ok")), m + ": " + a);
            List<Object> got = (List<Object>) a.get("outputs");
            List<Tensor> want = references.get(m)[1];
            assertEquals(want.size(), got.size(), m + ": number of outputs");
            for (int i = 0; i < want.size(); i++) {
                Tensor g = Tensor.of(got.get(i));
                Tensor w = want.get(i);
                double d = Fixtures.maxDiff(g, w);
                assertTrue(d <= 1e-4, m + ": output " + i + " differs from the reference by " + d);
            }
        }));
    }

    @Test
    void referencesCoverTheModelsThatHaveThem() {
        // dl4j activations (8), flatten lstm / rnn, keras 1 lstm (tf + theano), rnn, sparse xent (full + weights-only),
        // cnn batch norm, sepconv, konduit: 18 models checked against Keras / TF outputs.
        assertEquals(18, references.size(), "models with reference outputs: " + references.keySet());
    }

    @TestFactory
    Stream<DynamicTest> expectedFailuresFailWithAClearOneLineError() {
        return EXPECTED_TO_FAIL.keySet().stream().sorted().map(m -> DynamicTest.dynamicTest(m, () -> {
            Run r = runs.get(m);
            assertEquals(1, r.code, m + ": " + r);
            String line = r.err.trim();
            assertFalse(line.contains("\n"), "one line: " + line);
            assertTrue(line.startsWith("samovar-convert: error: " + Fixtures.model(m)), line);
            for (String s : EXPECTED_TO_FAIL.get(m)) {
                assertTrue(line.contains(s), "'" + s + "' in: " + line);
            }
            Path out = work.resolve(m.replace('/', '_'));
            assertFalse(Files.exists(out), "nothing written for a failed conversion");
            try (Stream<Path> left = Files.list(work)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("samovar-tmp")), "no temporary output left");
            }
        }));
    }

    @Test
    void countsOfTheCorpus() {
        long converted = runs.values().stream().filter(r -> r.code == 0).count();
        long loaded = tfjs.values().stream().filter(a -> Boolean.TRUE.equals(a.get("ok"))).count();
        System.out.println("converter corpus: " + runs.size() + " files, " + converted + " converted, " + loaded
                + " loaded and run by TF.js 4.22, " + references.size() + " matched reference outputs, "
                + EXPECTED_TO_FAIL.size() + " expected failures");
        assertEquals(runs.size() - EXPECTED_TO_FAIL.size(), converted);
        assertEquals(converted, loaded);
    }

    /**
     * Converted models Samovar's layers cannot load or run yet on the JVM, and what its error says.
     * Asserted both ways: a model not listed must predict like TF.js, a listed one must still fail
     * (remove it from here once it works).
     */
    static final Map<String, String> SAMOVAR_KNOWN_FAILURES = Map.of();

    /** Model -> Samovar's outputs (weights for LOAD_ONLY models), or the SamovarFailure. */
    private Map<String, Object> samovar;

    private synchronized Map<String, Object> samovar() {
        if (samovar == null) {
            samovar = new TreeMap<>();
            long t0 = System.nanoTime();
            for (String m : outputs.keySet()) {
                Map<String, Object> a = tfjs.get(m);
                List<Tensor> inputs = LOAD_ONLY.contains(m) || a == null || a.get("inputs") == null ? null
                        : SamovarPredictions.tensors(a, "inputs");
                try {
                    samovar.put(m, SamovarPredictions.predict(outputs.get(m), inputs));
                } catch (SamovarPredictions.SamovarFailure e) {
                    samovar.put(m, e);
                }
            }
            System.out.printf("converter corpus: Samovar (JVM) step %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return samovar;
    }

    /**
     * The converted models loaded by Samovar (dev.samovar.layers on the JVM) and run on the inputs TF.js
     * was given: outputs within 1e-4 of TF.js 4.22's and of the corpus references (Keras / TF outputs).
     * LOAD_ONLY models: Samovar reads the same weight values as TF.js.
     */
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> samovarPredictsTheConvertedModelsLikeTfjs() {
        Map<String, Object> results = samovar();
        return results.keySet().stream().map(m -> DynamicTest.dynamicTest(m, () -> {
            Object r = results.get(m);
            if (SAMOVAR_KNOWN_FAILURES.containsKey(m)) {
                assertTrue(r instanceof SamovarPredictions.SamovarFailure,
                        m + ": listed as a known Samovar failure but it loads and runs now: remove it from SAMOVAR_KNOWN_FAILURES");
                String msg = ((Throwable) r).getMessage();
                assertTrue(msg.contains(SAMOVAR_KNOWN_FAILURES.get(m)), m + ": failed differently: " + msg);
                return;
            }
            if (r instanceof Throwable) {
                throw new AssertionError(m + ": Samovar " + ((Throwable) r).getMessage(), (Throwable) r);
            }
            List<Tensor> got = (List<Tensor>) r;
            Map<String, Object> a = tfjs.get(m);
            if (LOAD_ONLY.contains(m)) {
                List<Tensor> want = SamovarPredictions.tensors(a, "weights");
                assertEquals(want.size(), got.size(), m + ": number of weights");
                for (int i = 0; i < want.size(); i++) {
                    assertEquals(0.0, Fixtures.maxDiff(got.get(i), want.get(i)), m + ": weight " + i + " differs from TF.js's");
                }
                return;
            }
            List<Tensor> tf = SamovarPredictions.tensors(a, "outputs");
            assertEquals(tf.size(), got.size(), m + ": number of outputs");
            for (int i = 0; i < tf.size(); i++) {
                double d = Fixtures.maxDiff(got.get(i), tf.get(i));
                assertTrue(d <= 1e-4, m + ": output " + i + " differs from TF.js's by " + d);
            }
            if (references.containsKey(m)) {
                List<Tensor> want = references.get(m)[1];
                assertEquals(want.size(), got.size(), m + ": number of outputs");
                for (int i = 0; i < want.size(); i++) {
                    double d = Fixtures.maxDiff(got.get(i), want.get(i));
                    assertTrue(d <= 1e-4, m + ": output " + i + " differs from the reference by " + d);
                }
            }
        }));
    }

    @Test
    void samovarCountsOfTheCorpus() {
        Map<String, Object> results = samovar();
        List<String> failed = results.entrySet().stream().filter(e -> e.getValue() instanceof Throwable)
                .map(e -> e.getKey() + " -> " + ((Throwable) e.getValue()).getMessage()).collect(Collectors.toList());
        long predicted = results.keySet().stream().filter(m -> !LOAD_ONLY.contains(m) && !(results.get(m) instanceof Throwable)).count();
        System.out.println("converter corpus: Samovar (JVM) ran " + predicted + " of " + results.size()
                + " converted models (" + LOAD_ONLY.size() + " load only), failures: " + failed.size()
                + failed.stream().map(f -> "\n  " + f).collect(Collectors.joining()));
        assertEquals(new java.util.TreeSet<>(SAMOVAR_KNOWN_FAILURES.keySet()),
                results.keySet().stream().filter(m -> results.get(m) instanceof Throwable).collect(Collectors.toCollection(java.util.TreeSet::new)),
                "models Samovar cannot load or run");
    }

    static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
