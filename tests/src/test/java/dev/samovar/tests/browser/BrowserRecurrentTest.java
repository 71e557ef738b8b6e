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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The recurrent and sequence layers of samovar.js in headless Chromium: every case of the TF.js
 * 4.22 recurrent fixture (tests/fixtures/gen-recurrent-fixtures.mjs) replayed in a page with the
 * generator's run function (recurrent-cases.js): outputs and gradients within 1e-5, weight names
 * and shapes, configs, states of stateful layers, error messages and tensor counts. The GRU
 * reset_after cases run the layer against Keras's formula computed by TF.js.
 */
class BrowserRecurrentTest {
    private static final double TOLERANCE = 1e-5;

    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/recurrent-runner.html"));
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

    static JsonArray fixtureResults() throws IOException {
        Path root = Path.of(System.getProperty("samovar.root", "..")).toAbsolutePath().normalize();
        String text = Files.readString(root.resolve("tests/src/test/resources/fixtures/layers/recurrent.json"),
                StandardCharsets.UTF_8);
        return JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("results");
    }

    @TestFactory
    List<DynamicTest> recurrentCasesInChromium() throws IOException {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runRecurrentFixture().then(done, e => done(JSON.stringify([{fatal: String(e && e.stack || e)}])));");
        JsonArray actual = JsonParser.parseString(String.valueOf(raw)).getAsJsonArray();
        JsonArray expected = fixtureResults();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonObject c = expected.get(i).getAsJsonObject().getAsJsonObject("case");
            JsonObject e = expected.get(i).getAsJsonObject().getAsJsonObject("expected");
            JsonObject a = i < actual.size() ? actual.get(i).getAsJsonObject() : null;
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c, e, a)));
        }
        return tests;
    }

    static String withoutUids(String s) {
        return s.replaceAll("(_[A-Z][A-Za-z]*?)\\d+\\b", "$1").replaceAll("\\d+/", "/");
    }

    static void check(JsonObject c, JsonObject e, JsonObject a) {
        Assertions.assertNotNull(a, "no result");
        if (a.has("fatal")) {
            Assertions.fail(a.get("fatal").getAsString());
        }
        if (e.has("error")) {
            Assertions.assertTrue(a.has("error"), "expected the error: " + e.get("error").getAsString());
            Assertions.assertEquals(withoutUids(e.get("error").getAsString()), withoutUids(a.get("error").getAsString()));
            return;
        }
        if (a.has("error")) {
            Assertions.fail(a.get("error").getAsString());
        }
        for (String k : new String[] {"className", "layers", "outputShape"}) {
            Assertions.assertEquals(e.get(k), a.get(k), k);
        }
        for (String k : new String[] {"name", "weights", "config"}) {
            if (e.has(k)) {
                Assertions.assertEquals(withoutUids(e.get(k).toString()), withoutUids(a.get(k).toString()), k);
            }
        }
        for (String k : new String[] {"outputs", "inputGrads", "weightGrads", "states", "statesAfterReset"}) {
            if (!e.has(k)) {
                Assertions.assertFalse(a.has(k), "unexpected " + k);
                continue;
            }
            JsonArray et = e.getAsJsonArray(k);
            JsonArray at = a.getAsJsonArray(k);
            Assertions.assertNotNull(at, k + " missing");
            Assertions.assertEquals(et.size(), at.size(), k + " count");
            for (int i = 0; i < et.size(); i++) {
                JsonObject x = et.get(i).getAsJsonObject();
                JsonObject y = at.get(i).getAsJsonObject();
                Assertions.assertEquals(x.get("shape"), y.get("shape"), k + " " + i + " shape");
                if (x.has("dtype")) {
                    Assertions.assertEquals(x.get("dtype"), y.get("dtype"), k + " " + i + " dtype");
                }
                JsonArray xd = x.getAsJsonArray("data");
                JsonArray yd = y.getAsJsonArray("data");
                Assertions.assertEquals(xd.size(), yd.size(), k + " " + i + " size");
                for (int j = 0; j < xd.size(); j++) {
                    double ev = number(xd.get(j));
                    double av = number(yd.get(j));
                    Assertions.assertTrue(Math.abs(ev - av) <= TOLERANCE * Math.max(1, Math.abs(ev))
                            || (Double.isNaN(ev) && Double.isNaN(av)), k + " " + i + "[" + j + "]: expected " + ev
                            + ", got " + av);
                }
            }
        }
        Assertions.assertEquals(e.get("tensorsLeft"), a.get("tensorsLeft"), "tensors left");
    }

    static double number(JsonElement v) {
        if (v.getAsJsonPrimitive().isString()) {
            String s = v.getAsString();
            return "NaN".equals(s) ? Double.NaN : "Infinity".equals(s) ? Double.POSITIVE_INFINITY
                    : "-Infinity".equals(s) ? Double.NEGATIVE_INFINITY : Double.parseDouble(s);
        }
        return v.getAsDouble();
    }
}
