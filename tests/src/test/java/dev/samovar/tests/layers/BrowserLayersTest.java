package dev.samovar.tests.layers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.ops.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layers of samovar.js in headless Chromium: every TF.js 4.22 layer case (exact names, since
 * the page runs the cases in the generator's order), the fit fixture (history and final weights),
 * the real layers models of the corpus loaded through an IOHandler and run on seeded inputs, and a
 * leak test over 1,000 fit batches (tf.memory().numTensors flat).
 */
class BrowserLayersTest {
    private static StaticServer server;
    private static Chromium chromium;

    static Path shared() {
        String s = System.getProperty("samovar.shared", System.getenv("SAMOVAR_SHARED"));
        return s != null ? Path.of(s) : Fixtures.root().resolve("../../shared").normalize();
    }

    @BeforeAll
    static void start() throws Exception {
        Path root = Fixtures.root();
        server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/models/", shared().resolve("models/tfjs"))
                .start();
        chromium = new Chromium();
        chromium.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(5));
        chromium.driver().get(server.url("/test/layer-runner.html"));
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

    private static JsonElement call(String function, Object... args) {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window." + function + ".apply(null, Array.prototype.slice.call(arguments, 0, -1))"
                + ".then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));", args);
        JsonElement out = JsonParser.parseString(String.valueOf(raw));
        if (out.isJsonObject() && out.getAsJsonObject().has("fatal")) {
            Assertions.fail(out.getAsJsonObject().get("fatal").getAsString());
        }
        return out;
    }

    static JsonObject fixture(String name) throws Exception {
        return JsonParser.parseString(Files.readString(Fixtures.root()
                .resolve("tests/src/test/resources/fixtures/layers/" + name), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static double num(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            return s.equals("NaN") ? Double.NaN : s.equals("Infinity") ? Double.POSITIVE_INFINITY
                    : s.equals("-Infinity") ? Double.NEGATIVE_INFINITY : s.equals("-0") ? -0.0 : Double.NaN;
        }
        return e.getAsDouble();
    }

    /** Expected and actual JSON equal, numbers within tol (relative to max(1, |expected|)). */
    static void assertClose(String path, JsonElement expected, JsonElement actual, double tol) {
        Assertions.assertNotNull(actual, path + ": missing");
        if (expected.isJsonObject()) {
            Assertions.assertTrue(actual.isJsonObject(), path + ": expected an object, got " + actual);
            JsonObject e = expected.getAsJsonObject();
            JsonObject a = actual.getAsJsonObject();
            Assertions.assertEquals(e.keySet(), a.keySet(), path + ": keys");
            for (Map.Entry<String, JsonElement> en : e.entrySet()) {
                assertClose(path + "." + en.getKey(), en.getValue(), a.get(en.getKey()), tol);
            }
        } else if (expected.isJsonArray()) {
            Assertions.assertTrue(actual.isJsonArray(), path + ": expected an array, got " + actual);
            JsonArray e = expected.getAsJsonArray();
            JsonArray a = actual.getAsJsonArray();
            Assertions.assertEquals(e.size(), a.size(), path + ": length");
            for (int i = 0; i < e.size(); i++) {
                assertClose(path + "[" + i + "]", e.get(i), a.get(i), tol);
            }
        } else if (expected.isJsonPrimitive() && (expected.getAsJsonPrimitive().isNumber()
                || actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isNumber())) {
            double ev = num(expected);
            double av = num(actual);
            if (Double.isNaN(ev)) {
                Assertions.assertTrue(Double.isNaN(av), path + ": expected NaN, got " + av);
            } else {
                Assertions.assertTrue(Math.abs(ev - av) <= tol * Math.max(1, Math.abs(ev)),
                        path + ": expected " + ev + ", got " + av);
            }
        } else {
            Assertions.assertEquals(expected, actual, path);
        }
    }

    @TestFactory
    List<DynamicTest> layerCasesInChromium() throws Exception {
        JsonArray expected = fixture("layers.json").getAsJsonArray("results");
        // A fresh page: layer names carry per-class counters, which must start where TF.js's did.
        chromium.driver().get(server.url("/test/layer-runner.html"));
        JsonArray actual = call("runLayerFixture").getAsJsonObject().getAsJsonArray("results");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonObject r = expected.get(i).getAsJsonObject();
            JsonElement a = actual.get(i);
            tests.add(DynamicTest.dynamicTest(r.getAsJsonObject("case").get("name").getAsString(),
                    () -> assertClose("", r.get("expected"), a, 1e-5)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> fitInChromium() throws Exception {
        JsonArray expected = fixture("fit.json").getAsJsonArray("results");
        JsonArray actual = call("runFitFixture").getAsJsonObject().getAsJsonArray("results");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonObject r = expected.get(i).getAsJsonObject();
            JsonElement a = actual.get(i);
            tests.add(DynamicTest.dynamicTest(r.getAsJsonObject("case").get("name").getAsString(),
                    () -> assertClose("", r.get("expected"), a, 1e-4)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> corpusModelsInChromium() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : fixture("models.json").getAsJsonArray("results")) {
            JsonObject m = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(m.get("name").getAsString(), () -> {
                JsonObject a;
                if (m.has("artifacts")) {
                    a = call("runArtifactsModel", m.get("artifacts").toString(), m.get("inputs").toString())
                            .getAsJsonObject();
                    for (String key : new String[] {"trainableWeights", "summary"}) {
                        Assertions.assertEquals(m.get(key), a.get(key), key);
                    }
                } else {
                    Assumptions.assumeTrue(Files.exists(shared().resolve("models/tfjs").resolve(
                            m.get("path").getAsString())), "model corpus not present");
                    a = call("runCorpusModel", server.url("/models/" + m.get("path").getAsString()),
                            m.get("inputs").toString()).getAsJsonObject();
                    JsonObject byUrl = call("runCorpusModelByUrl", server.url("/models/" + m.get("path").getAsString()),
                            m.get("inputs").toString()).getAsJsonObject();
                    assertClose("outputs through tf.loadLayersModel(url)", m.get("outputs"), byUrl.get("outputs"), 1e-4);
                }
                for (String key : new String[] {"layers", "countParams", "weights", "toJSON"}) {
                    Assertions.assertEquals(m.get(key), a.get(key), key);
                }
                assertClose("outputs", m.get("outputs"), a.get("outputs"), 1e-4);
                Assertions.assertEquals(m.get("tensorsLeftAfterDispose").getAsInt(), a.get("tensorsLeft").getAsInt(),
                        "tensors left");
            }));
        }
        return tests;
    }

    @Test
    void thousandFitBatchesLeakNothing() {
        JsonObject r = call("runFitLeak", 1000).getAsJsonObject();
        JsonArray counts = r.getAsJsonArray("counts");
        Assertions.assertEquals(10, r.get("epochs").getAsInt());
        for (JsonElement c : counts) {
            Assertions.assertEquals(counts.get(0).getAsInt(), c.getAsInt(), "tensors after each epoch: " + counts);
        }
        Assertions.assertEquals(r.get("start").getAsInt(), r.get("end").getAsInt() - (counts.get(0).getAsInt()
                - r.get("start").getAsInt()), "tensors: " + r);
        Assertions.assertTrue(Double.isFinite(r.get("lastLoss").getAsDouble()));
    }
}
