package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SavedModel and frozen graph with TensorFlow reference outputs
 * (shared/models/reference_outputs/tfjava, computed by the TensorFlow runtime) converts to a TF.js
 * graph model, and Samovar's outputs on the converted model match the reference within 1e-5
 * (relative to the output's scale; float64 models are float32 in TF.js, so 1e-4 there).
 */
class GraphCorpusConversionTest {
    static Stream<String> references() throws IOException {
        Path models = GraphTesting.models();
        if (models == null) {
            return Stream.of("(corpus missing)");
        }
        try (Stream<Path> s = Files.list(models.resolve("reference_outputs/tfjava"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @MethodSource("references")
    void convertsAndMatchesTensorFlow(String file) throws Exception {
        Path models = GraphTesting.models();
        Assumptions.assumeTrue(models != null, "shared/models is not present");
        Map<String, Object> ref = (Map<String, Object>) Json.parse(
                Files.readString(models.resolve("reference_outputs/tfjava").resolve(file)));
        String mode = (String) ref.get("mode");
        Path input = models.resolve((String) ref.get("model"));
        Map<String, Object> inputs = (Map<String, Object>) ref.get("inputs");
        Map<String, Object> outputs = (Map<String, Object>) ref.get("outputs");
        Request r;
        if (mode.startsWith("frozen-graph:")) {
            r = GraphTesting.request(input, "tf_frozen_model");
            r.outputNodeNames = new ArrayList<>(Arrays.asList(mode.substring("frozen-graph:".length()).split(",")));
        } else if (mode.startsWith("signature:")) {
            r = GraphTesting.request(input, "tf_saved_model");
            r.signatureName = mode.substring("signature:".length());
        } else {
            // raw:<tensor>: TensorFlow ran the SavedModel's graph without a signature; convert with --output_node_names.
            r = GraphTesting.request(input, "tf_saved_model");
            r.outputNodeNames = new ArrayList<>(Arrays.asList(mode.substring("raw:".length()).split(",")));
        }
        Path out = Files.createTempDirectory("graph-conv");
        if (file.equals("tf_serving__half_plus_three.json")) {
            // Its graph computes x from serialized tf.Example strings (ParseExample); TensorFlow was fed x itself.
            Request req = r;
            dev.samovar.convert.ConversionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.samovar.convert.ConversionException.class, () -> GraphConversion.savedModel().convert(req, out));
            assertTrue(e.getMessage().contains("unsupported TensorFlow ops: ParseExample (node ParseExample/ParseExample)"),
                    e.getMessage());
            assertTrue(!Files.exists(out.resolve("model.json")), "nothing written");
            return;
        }
        Summary s = (r.inputFormat.equals("tf_saved_model") ? GraphConversion.savedModel() : GraphConversion.frozenModel())
                .convert(r, out);
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
        GraphModel m = GraphTesting.load(out);
        boolean f64 = false;
        try (Scope scope = Engine.get().startScope()) {
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : inputs.entrySet()) {
                Map<String, Object> t = (Map<String, Object>) e.getValue();
                f64 |= "float64".equals(t.get("dtype"));
                feeds.put(e.getKey(), GraphTesting.tensor(t));
            }
            List<String> names = new ArrayList<>(outputs.keySet());
            boolean control = false;
            for (NodeDefName n : NodeDefName.of(m)) {
                control |= n.controlFlow;
            }
            Tensor[] got = control ? m.executeAsync(feeds, names) : m.execute(feeds, names);
            for (int i = 0; i < names.size(); i++) {
                Map<String, Object> exp = (Map<String, Object>) outputs.get(names.get(i));
                f64 |= "float64".equals(exp.get("dtype"));
                Tensor want = GraphTesting.tensor(exp);
                assertArrayEquals(want.shape(), got[i].shape(), file + " " + names.get(i) + " shape");
                double d = GraphTesting.relDiff(got[i].dataSync(), want.dataSync());
                double tol = f64 ? 1e-4 : 1e-5;
                assertTrue(d <= tol, file + " " + names.get(i) + ": max relative difference " + d + " > " + tol
                        + "; notes " + s.notes);
            }
        } finally {
            m.dispose();
        }
        assertEquals(0, 0);
    }

    /** Whether a loaded model has control flow (then executeAsync runs it, as in TF.js). */
    static final class NodeDefName {
        final boolean controlFlow;

        NodeDefName(boolean c) {
            this.controlFlow = c;
        }

        static List<NodeDefName> of(GraphModel m) {
            List<NodeDefName> out = new ArrayList<>();
            m.nodes().values().forEach(n -> out.add(new NodeDefName(
                    Arrays.asList("Enter", "Exit", "Merge", "Switch", "NextIteration", "LoopCond").contains(n.op))));
            return out;
        }
    }
}
