package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * samovar.js in headless Chromium against TF.js 4.22: custom JS layers (tf.layers.Layer subclasses
 * with addWeight, registered with tf.serialization) built into a functional model, predicted,
 * trained, serialized and reloaded (tests/fixtures/gen-custom-layer-fixtures.mjs); the layers API
 * classes (tf.RNN, RNNCell, InputSpec, History, CallbackList, registerCallbackConstructor); masks
 * through merge layers (TF.js's Merge / Concatenate computeMask); inputs and targets by name; and the
 * categoryEncoding / alphaDropout / r2Score cases (gen-preprocessing-fixtures.mjs).
 */
class BrowserCustomLayersTest {
    private static final double TOLERANCE = 1e-5;
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/custom-layer-runner.html"));
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

    static JsonObject fixture(String name) throws IOException {
        Path root = Path.of(System.getProperty("samovar.root", "..")).toAbsolutePath().normalize();
        return JsonParser.parseString(Files.readString(root.resolve("tests/src/test/resources/fixtures/layers/" + name),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static JsonElement run(String script) {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + script + ").then(r => done(JSON.stringify(r)),"
                + " e => done(JSON.stringify({fatal: String(e && e.stack || e)})));");
        JsonElement r = JsonParser.parseString(String.valueOf(raw));
        if (r.isJsonObject() && r.getAsJsonObject().has("fatal")) {
            Assertions.fail(r.getAsJsonObject().get("fatal").getAsString());
        }
        return r;
    }

    /** Numbers within 1e-5 (relative above 1), everything else equal. */
    static void assertClose(String path, JsonElement e, JsonElement a) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            Assertions.assertTrue(a != null && a.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber(),
                    path + ": expected " + e + ", got " + a);
            double ev = e.getAsDouble();
            double av = a.getAsDouble();
            Assertions.assertTrue(Math.abs(ev - av) <= TOLERANCE * Math.max(1, Math.abs(ev)),
                    path + ": expected " + ev + ", got " + av);
        } else if (e.isJsonArray()) {
            Assertions.assertTrue(a != null && a.isJsonArray(), path + ": expected " + e + ", got " + a);
            JsonArray ea = e.getAsJsonArray();
            JsonArray aa = a.getAsJsonArray();
            Assertions.assertEquals(ea.size(), aa.size(), path + " length");
            for (int i = 0; i < ea.size(); i++) {
                assertClose(path + "[" + i + "]", ea.get(i), aa.get(i));
            }
        } else if (e.isJsonObject()) {
            Assertions.assertTrue(a != null && a.isJsonObject(), path + ": expected " + e + ", got " + a);
            Assertions.assertEquals(e.getAsJsonObject().keySet(), a.getAsJsonObject().keySet(), path + " keys");
            for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
                assertClose(path + "." + en.getKey(), en.getValue(), a.getAsJsonObject().get(en.getKey()));
            }
        } else {
            Assertions.assertEquals(e, a, path);
        }
    }

    @TestFactory
    List<DynamicTest> customLayersAndApiClassesLikeTfjs() throws IOException {
        JsonObject f = fixture("custom-layers.json");
        // custom layers first: the page's uids (input1, model1) are then those of the generator's run
        JsonObject custom = run("customLayerCases.runCustomLayers(window.samovar)").getAsJsonObject();
        JsonObject api = run("customLayerCases.runApiClasses(window.samovar)").getAsJsonObject();
        JsonObject masked = run("customLayerCases.runMaskedMerges(window.samovar)").getAsJsonObject();
        JsonObject dict = run("customLayerCases.runDictInputs(window.samovar)").getAsJsonObject();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("customLayers").entrySet()) {
            tests.add(DynamicTest.dynamicTest("custom layers: " + e.getKey(),
                    () -> assertClose(e.getKey(), e.getValue(), custom.get(e.getKey()))));
        }
        for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("apiClasses").entrySet()) {
            tests.add(DynamicTest.dynamicTest("api classes: " + e.getKey(),
                    () -> assertClose(e.getKey(), e.getValue(), api.get(e.getKey()))));
        }
        for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("maskedMerges").entrySet()) {
            tests.add(DynamicTest.dynamicTest("masked merges: " + e.getKey(),
                    () -> assertClose(e.getKey(), e.getValue(), masked.get(e.getKey()))));
        }
        for (Map.Entry<String, JsonElement> e : f.getAsJsonObject("dictInputs").entrySet()) {
            tests.add(DynamicTest.dynamicTest("inputs by name: " + e.getKey(),
                    () -> assertClose(e.getKey(), e.getValue(), dict.get(e.getKey()))));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> preprocessingCasesInChromium() throws IOException {
        JsonArray results = fixture("preprocessing.json").getAsJsonArray("results");
        JsonArray actual = run("preprocessingCases.CASES.map(c => { try { return preprocessingCases.runCase("
                + "window.samovar, c, x => x); } catch (e) { return {error: e.message}; } })").getAsJsonArray();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonObject c = results.get(i).getAsJsonObject().getAsJsonObject("case");
            JsonObject e = results.get(i).getAsJsonObject().getAsJsonObject("expected");
            JsonObject a = actual.get(i).getAsJsonObject();
            boolean named = c.has("args") && c.getAsJsonObject("args").has("name");
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                if (!named) {
                    for (JsonObject o : new JsonObject[] {e, a}) {
                        if (o.has("name")) {
                            o.addProperty("name", o.get("name").getAsString().replaceAll("\\d+$", ""));
                        }
                        if (o.has("config")) {
                            o.getAsJsonObject("config").remove("name");
                        }
                    }
                }
                assertClose(c.get("name").getAsString(), e, a);
            }));
        }
        return tests;
    }
}
