package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.train.OptimizerFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Training on the webgl backend in headless Chromium (SwiftShader), on the optimizer test page: the
 * optimizer fixture (TF.js 4.22's losses, variables and slots step by step) within TF.js's webgl
 * tolerance, and the leak test: 1,000 training steps per optimizer keep the tensor count and the
 * number of textures in use flat. CPU forwarding of tiny inputs is off, so everything runs as GPU
 * programs.
 */
class WebGLTrainingTest {
    static final int LEAK_STEPS = 1000;
    /** TF.js's webgl float32 test epsilon. */
    static final double TOLERANCE = 1e-3;

    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/optimizer-runner.html"));
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

    private static java.util.Map<String, Object> noForward() {
        return java.util.Map.of("WEBGL_CPU_FORWARD", false);
    }

    @TestFactory
    List<DynamicNode> optimizerFixtureOnWebGL() {
        JsonObject out = call("runOptimizerFixture", "webgl", noForward()).getAsJsonObject();
        JsonArray results = out.getAsJsonArray("results");
        List<JsonObject> runs = OptimizerFixture.runs();
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            JsonObject run = runs.get(i);
            JsonObject actual = results.get(i).getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(OptimizerFixture.displayName(run), () -> {
                if (actual.has("error")) {
                    String error = actual.get("error").getAsString();
                    Assumptions.assumeFalse(run.has("needsGradients") && error.contains("gradient function not found"),
                            "skipped until the gradients exist: " + error);
                    Assertions.fail(error);
                }
                OptimizerFixture.check(run, actual, TOLERANCE);
            }));
        }
        return tests;
    }

    @Test
    void thousandStepsKeepTensorsAndTexturesFlat() {
        JsonArray out = call("runOptimizerLeakTest", LEAK_STEPS, "webgl", noForward()).getAsJsonArray();
        StringBuilder report = new StringBuilder();
        for (JsonElement e : out) {
            JsonObject r = e.getAsJsonObject();
            String name = r.get("name").getAsString();
            report.append("webgl ").append(name).append(": ").append(r).append('\n');
            Assertions.assertEquals(LEAK_STEPS, r.get("iterations").getAsInt(), name + ": iterations");
            Assertions.assertEquals(r.get("afterFirst").getAsInt(), r.get("afterLast").getAsInt(),
                    name + ": tensors alive after the first step and after the last");
            Assertions.assertTrue(r.get("afterFirstTextures").getAsInt() > 0, name + ": no textures in use: not on the GPU");
            Assertions.assertEquals(r.get("afterFirstTextures").getAsInt(), r.get("afterLastTextures").getAsInt(),
                    name + ": textures in use after the first step and after the last");
            Assertions.assertEquals(name.startsWith("momentum") ? 1 : 0, r.get("left").getAsInt(),
                    name + ": tensors left after dispose");
        }
        System.out.print(report);
    }
}
