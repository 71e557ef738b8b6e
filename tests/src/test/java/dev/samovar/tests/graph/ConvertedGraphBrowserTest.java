package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.convert.Request;
import dev.samovar.convert.graph.GraphConversion;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.ops.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SavedModels and frozen graphs of the corpus, converted by samovar-convert's graph conversion
 * and loaded with samovar.loadGraphModel in headless Chromium, against TensorFlow's own outputs
 * (reference_outputs/tfjava) within 1e-4 (relative to each output's scale).
 */
class ConvertedGraphBrowserTest {
    private static StaticServer server;
    private static Chromium chromium;
    private static Path converted;

    @BeforeAll
    static void start() throws Exception {
        Path models = Corpus.models();
        if (models == null) {
            return;
        }
        converted = Files.createTempDirectory("converted-graphs");
        Path root = Fixtures.root();
        server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/converted/", converted)
                .start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/graph-runner.html"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Stream<String> references() throws Exception {
        Path models = Corpus.models();
        if (models == null) {
            return Stream.of("(corpus missing)");
        }
        try (Stream<Path> s = Files.list(models.resolve("reference_outputs/tfjava"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !n.equals("tf_serving__half_plus_three.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("references")
    void convertedModelMatchesTensorFlowInThePage(String file) throws Exception {
        Assumptions.assumeTrue(chromium != null, "shared/models is not present");
        Path models = Corpus.models();
        JsonObject ref = JsonParser.parseString(Files.readString(models.resolve("reference_outputs/tfjava").resolve(file)))
                .getAsJsonObject();
        String mode = ref.get("mode").getAsString();
        Request r = new Request();
        r.input = models.resolve(ref.get("model").getAsString());
        r.inputName = r.input.toString();
        r.outputName = "out";
        r.outputFormat = "tfjs_graph_model";
        boolean saved;
        if (mode.startsWith("frozen-graph:")) {
            saved = false;
            r.outputNodeNames = new ArrayList<>(Arrays.asList(mode.substring("frozen-graph:".length()).split(",")));
        } else if (mode.startsWith("signature:")) {
            saved = true;
            r.signatureName = mode.substring("signature:".length());
        } else {
            saved = true;
            r.outputNodeNames = new ArrayList<>(Arrays.asList(mode.substring("raw:".length()).split(",")));
        }
        String name = file.replace(".json", "");
        Path out = converted.resolve(name);
        Files.createDirectories(out);
        (saved ? GraphConversion.savedModel() : GraphConversion.frozenModel()).convert(r, out);
        JsonObject outputs = ref.getAsJsonObject("outputs");
        List<String> names = new ArrayList<>(outputs.keySet());
        boolean async = Files.readString(out.resolve("model.json")).contains("\"op\":\"LoopCond\"");
        Object raw = chromium.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.runConvertedModel(arguments[0], JSON.parse(arguments[1]), JSON.parse(arguments[2]), arguments[3], 'cpu')"
                        + ".then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));",
                "/converted/" + name + "/model.json", ref.getAsJsonObject("inputs").toString(), new Gson().toJson(names), async);
        JsonObject got = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
        if (got.has("fatal")) {
            throw new AssertionError(file + ": " + got.get("fatal").getAsString());
        }
        JsonArray res = got.getAsJsonArray("outputs");
        assertEquals(names.size(), res.size());
        for (int i = 0; i < names.size(); i++) {
            JsonObject e = outputs.getAsJsonObject(names.get(i));
            JsonObject a = res.get(i).getAsJsonObject();
            assertEquals(e.get("shape"), a.get("shape"), file + " " + names.get(i) + " shape");
            JsonArray ev = e.getAsJsonArray("data");
            JsonArray av = a.getAsJsonArray("values");
            assertEquals(ev.size(), av.size(), file + " " + names.get(i) + " size");
            double scale = 1;
            for (JsonElement v : ev) {
                scale = Math.max(scale, Math.abs(v.getAsDouble()));
            }
            for (int k = 0; k < ev.size(); k++) {
                double d = Math.abs(ev.get(k).getAsDouble() - av.get(k).getAsDouble()) / scale;
                assertTrue(d <= 1e-4, file + " " + names.get(i) + "[" + k + "]: expected " + ev.get(k) + " but was " + av.get(k));
            }
        }
    }
}
