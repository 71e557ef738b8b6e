package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.ops.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tf.loadGraphModel in headless Chromium: every corpus graph model loaded from a URL (plain fetch
 * of model.json + shards, onProgress) and one through an object IOHandler, predicted on the
 * fixture inputs and compared with TF.js 4.22's outputs (fixtures/graph), tensors left alive and
 * weights freed by dispose(). Each model runs on the cpu backend (pinned: 1e-4 abs+rel, as on the JVM)
 * and on the webgl backend (SwiftShader in headless Chromium; 1e-3 abs+rel, TF.js's own webgl test
 * tolerance); the webgl run records the kernels that fell back to cpu (samovar.webgl.fallbacks()),
 * printed per model.
 */
class GraphModelBrowserTest {
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Path models = Corpus.models();
        if (models == null) {
            return;
        }
        Path root = Fixtures.root();
        server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/fixtures/", root.resolve("tests/src/test/resources/fixtures"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/models/", models.resolve("tfjs"))
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

    static Stream<String> models() {
        return GraphModelCorpusTest.models();
    }

    static JsonObject run(String name, boolean viaHandler, String backend) {
        Object raw = chromium.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.runGraphModel(arguments[0], arguments[1], arguments[2]).then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));",
                name, viaHandler, backend);
        JsonObject out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
        if (out.has("fatal")) {
            throw new AssertionError(name + ": " + out.get("fatal").getAsString());
        }
        assertEquals(backend, out.get("backend").getAsString(), name + ": backend the model ran on");
        return out;
    }

    static void check(String name, JsonObject got) throws Exception {
        check(name, got, 1e-4);
    }

    static void check(String name, JsonObject got, double rel) throws Exception {
        JsonObject fx = GraphModelCorpusTest.fixture(name);
        assertEquals(fx.get("inputNodes"), got.get("inputNodes"), "inputNodes");
        assertEquals(fx.get("outputNodes"), got.get("outputNodes"), "outputNodes");
        assertEquals(fx.get("tensorsLeft").getAsInt(), got.get("tensorsLeft").getAsInt(), "tensors left by predict");
        JsonArray exp = fx.getAsJsonArray("outputs");
        JsonArray act = got.getAsJsonArray("outputs");
        assertEquals(exp.size(), act.size(), "outputs");
        for (int i = 0; i < exp.size(); i++) {
            JsonObject e = exp.get(i).getAsJsonObject();
            JsonObject a = act.get(i).getAsJsonObject();
            String what = name + " output " + e.get("name").getAsString();
            assertEquals(e.get("name"), a.get("name"), what + " name");
            assertEquals(e.get("shape"), a.get("shape"), what + " shape");
            assertEquals(e.get("dtype"), a.get("dtype"), what + " dtype");
            JsonArray ev = e.getAsJsonArray("values");
            JsonArray av = a.getAsJsonArray("values");
            double scale = 0;
            for (int j = 0; j < ev.size(); j++) {
                scale = Math.max(scale, Math.abs(ev.get(j).getAsDouble()));
            }
            double tol = rel * Math.max(1, scale);
            for (int j = 0; j < ev.size(); j++) {
                double d = Math.abs(ev.get(j).getAsDouble() - av.get(j).getAsDouble());
                if (!(d <= tol)) {
                    throw new AssertionError(what + "[" + j + "]: expected " + ev.get(j) + " but was " + av.get(j));
                }
            }
        }
        assertEquals(got.get("weights").getAsInt(), got.get("weightsFreed").getAsInt(), "dispose() frees every weight");
    }

    @ParameterizedTest
    @MethodSource("models")
    void loadsFromUrlAndPredictsAsTfjs(String name) throws Exception {
        Assumptions.assumeTrue(chromium != null, "shared/models is not present");
        Assumptions.assumeTrue(GraphModelCorpusTest.runs(name), name + " needs ops Samovar lacks");
        check(name, run(name, false, "cpu"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void predictsOnWebglAsTfjs(String name) throws Exception {
        Assumptions.assumeTrue(chromium != null, "shared/models is not present");
        Assumptions.assumeTrue(GraphModelCorpusTest.runs(name), name + " needs ops Samovar lacks");
        Assumptions.assumeTrue(webglAvailable(), "no WebGL2 in this Chromium");
        JsonObject got = run(name, false, "webgl");
        System.out.println("[graph webgl] " + name + " fallbacks to cpu: " + got.get("fallbacks"));
        check(name, got, 1e-3);
    }

    static boolean webglAvailable() {
        return Boolean.TRUE.equals(chromium.driver().executeScript("return window.samovar.webgl.isAvailable();"));
    }

    @Test
    void loadsThroughAnIoHandler() throws Exception {
        Assumptions.assumeTrue(chromium != null, "shared/models is not present");
        check("human_emotion", run("human_emotion", true, "cpu"));
    }
}
