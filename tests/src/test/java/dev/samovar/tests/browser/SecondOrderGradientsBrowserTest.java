package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * tf.grad(tf.grad(f)) of elementwise functions through samovar.js in Chromium (page
 * tests/src/test/resources/web/second-order.js): compared with TF.js 4.22 in the same page where
 * TF.js can take the second derivative, and with the hand-derived one always.
 */
class SecondOrderGradientsBrowserTest {
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/second-order.html"));
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

    @TestFactory
    List<DynamicTest> secondDerivativesInChromium() {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runSecondOrder().then(done, e => done(JSON.stringify({fatal: String(e)})));");
        JsonElement parsed = JsonParser.parseString(String.valueOf(raw));
        List<DynamicTest> tests = new ArrayList<>();
        if (parsed.isJsonObject()) {
            tests.add(DynamicTest.dynamicTest("load", () -> Assertions.fail(parsed.toString())));
            return tests;
        }
        for (JsonElement e : parsed.getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
        }
        return tests;
    }

    private static void check(JsonObject c) {
        JsonObject s = c.getAsJsonObject("samovar");
        Assertions.assertFalse(s.has("error"), () -> "samovar failed: " + s.get("error"));
        Assertions.assertEquals(0, s.get("leaked").getAsInt(), "tensors left alive");
        Assertions.assertEquals("float32", s.get("dtype").getAsString());
        JsonArray values = s.getAsJsonArray("values");
        JsonArray expected = c.getAsJsonArray("expected");
        Assertions.assertEquals(expected.size(), values.size());
        JsonObject tfjs = c.getAsJsonObject("tfjs");
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i).getAsDouble();
            double hand = expected.get(i).getAsDouble();
            Assertions.assertTrue(Math.abs(v - hand) <= 1e-5 * Math.max(1, Math.abs(hand)),
                    "[" + i + "] " + v + ", hand-derived " + hand);
            if (!tfjs.has("error")) {
                double ref = tfjs.getAsJsonArray("values").get(i).getAsDouble();
                Assertions.assertTrue(Math.abs(v - ref) <= 1e-5 * Math.max(1e-3, Math.abs(ref)),
                        "[" + i + "] " + v + ", TF.js " + ref);
            }
        }
    }
}
