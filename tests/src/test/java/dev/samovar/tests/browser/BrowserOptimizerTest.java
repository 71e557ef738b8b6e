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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The optimizers of samovar.js in headless Chromium: every run of the TF.js 4.22 optimizer fixture
 * replayed in a page (same run function as the generator; values within 1e-5, same tensor counts,
 * same weights and config), the fixture's error messages, and a leak test of 10,000 steps per
 * optimizer.
 */
class BrowserOptimizerTest {
    private static final int LEAK_STEPS = 10_000;

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

    @TestFactory
    List<DynamicNode> optimizerRunsInChromium() {
        JsonObject out = call("runOptimizerFixture").getAsJsonObject();
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
                OptimizerFixture.check(run, actual);
            }));
        }
        JsonArray expectedErrors = OptimizerFixture.root().getAsJsonArray("errors");
        JsonArray actualErrors = out.getAsJsonArray("errors");
        List<DynamicNode> errors = new ArrayList<>();
        for (int i = 0; i < expectedErrors.size(); i++) {
            JsonObject e = expectedErrors.get(i).getAsJsonObject();
            JsonObject a = actualErrors.get(i).getAsJsonObject();
            errors.add(DynamicTest.dynamicTest(e.get("name").getAsString(),
                    () -> Assertions.assertEquals(e.get("error"), a.get("error"), "error message")));
        }
        tests.add(DynamicContainer.dynamicContainer("errors", errors));
        return tests;
    }

    @Test
    void tenThousandStepsKeepTheTensorCountFlat() {
        JsonArray out = call("runOptimizerLeakTest", LEAK_STEPS).getAsJsonArray();
        StringBuilder report = new StringBuilder();
        for (JsonElement e : out) {
            JsonObject r = e.getAsJsonObject();
            String name = r.get("name").getAsString();
            report.append(name).append(": ").append(r).append('\n');
            Assertions.assertEquals(LEAK_STEPS, r.get("iterations").getAsInt(), name + ": iterations");
            Assertions.assertEquals(r.get("afterFirst").getAsInt(), r.get("afterLast").getAsInt(),
                    name + ": tensors alive after the first step and after the last");
            // As TF.js, Momentum's dispose() leaves the SGD learning-rate constant alive.
            Assertions.assertEquals(name.startsWith("momentum") ? 1 : 0, r.get("left").getAsInt(),
                    name + ": tensors left after dispose");
            if (!name.startsWith("rmsprop")) {
                // Centered RMSProp takes sqrt(meanSquare - meanGrad^2 - epsilon), as TF.js: once
                // the gradients vanish that is NaN, in TF.js too.
                Assertions.assertTrue(Double.isFinite(OptimizerFixture.number(r.get("lastLoss"))), name + ": loss");
            }
        }
        System.out.print(report);
    }
}
