package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The webgl shape, pooling, normalization and backward kernels on larger shapes than the op
 * fixtures' (textures many rows high, the generic 4096-texel width, concat of more inputs than one
 * program samples), in headless Chromium: each case of webgl-kernels.js runs on Samovar's cpu
 * backend (bit-exact with TF.js on the op suite) and on webgl with CPU forwarding off; values agree
 * within TF.js's webgl tolerance (1e-3, relative for large values), ints exactly.
 */
class BrowserWebGLKernelsTest {
    static final double TOL = 1e-3;

    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/webgl-kernels.html"));
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
    List<DynamicTest> webglAgreesWithCpu() {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runWebGLKernels().then(done, e => done(JSON.stringify({fatal: {error: String(e)}})));");
        JsonObject all = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : all.entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            if (c.has("ms")) {
                System.out.println("webgl " + e.getKey() + ": " + Math.round(c.get("ms").getAsDouble()) + " ms");
            }
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(c)));
        }
        return tests;
    }

    private static void check(JsonObject c) {
        if (c.has("error")) {
            Assertions.fail(c.get("error").getAsString());
        }
        JsonArray cpu = c.getAsJsonArray("cpu");
        JsonArray gl = c.getAsJsonArray("webgl");
        Assertions.assertEquals(cpu.size(), gl.size(), "number of results");
        for (int k = 0; k < cpu.size(); k++) {
            JsonObject a = gl.get(k).getAsJsonObject();
            JsonObject e = cpu.get(k).getAsJsonObject();
            Assertions.assertEquals(e.get("shape"), a.get("shape"), "shape of result " + k);
            Assertions.assertEquals(e.get("dtype"), a.get("dtype"), "dtype of result " + k);
            JsonArray ad = a.getAsJsonArray("data");
            JsonArray ed = e.getAsJsonArray("data");
            Assertions.assertEquals(ed.size(), ad.size(), "values of result " + k);
            boolean exact = !"float32".equals(e.get("dtype").getAsString());
            int bad = 0;
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < ed.size(); i++) {
                double ev = num(ed.get(i));
                double av = num(ad.get(i));
                boolean ok = Double.isNaN(ev) ? Double.isNaN(av)
                        : exact ? ev == av : Math.abs(av - ev) <= TOL + TOL * Math.abs(ev);
                if (!ok && bad++ < 5) {
                    first.append(" [").append(i).append("] webgl ").append(av).append(" cpu ").append(ev);
                }
            }
            Assertions.assertEquals(0, bad, "result " + k + ": " + bad + " of " + ed.size() + " values differ:" + first);
        }
        Assertions.assertEquals(0, c.get("leaked").getAsInt(), "tensors left alive on webgl");
    }

    /** JSON.stringify writes NaN and infinities as null. */
    private static double num(JsonElement v) {
        return v.isJsonNull() ? Double.NaN : v.getAsDouble();
    }
}
