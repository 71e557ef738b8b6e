package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.ops.Fixtures;
import dev.samovar.tests.ops.OpCase;
import dev.samovar.tests.ops.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The op suite's fixture files of the webgl shape, creation, pooling, normalization and backward
 * kernel families (and their gradient cases) replayed on the {@code webgl} backend in headless
 * Chromium (WebGL2 on SwiftShader), against TF.js 4.22's results within TF.js's webgl tolerance
 * (1e-3). CPU forwarding of small inputs is off, so the GPU programs run even on the fixtures'
 * small tensors; kernels without a webgl version run on the cpu (the engine's fallback).
 */
class BrowserOpSuiteWebGLTest {
    /** TF.js's webgl test epsilon for float32. */
    static final double TOL = 1e-3;

    /** The fixture files of these families (SwiftShader is slow: the others run on cpu here anyway). */
    static final String[] FILES = {"transform", "creation", "pool", "nn", "conv", "reduction", "grad-nn",
        "grad-shapes"};

    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/op-runner.html"));
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
    List<DynamicNode> opSuiteOnWebGL() {
        List<DynamicNode> files = new ArrayList<>();
        for (String file : FILES) {
            List<OpCase> cases = Fixtures.load(file);
            Object raw = chromium.driver().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "(async () => {"
                            + "  if (!(await samovar.setBackend('webgl'))) throw new Error('webgl is not available');"
                            + "  samovar.env().set('WEBGL_CPU_FORWARD', false);"
                            + "  const before = samovar.webgl.stats().programs;"
                            + "  try {"
                            + "    const out = JSON.parse(await window.runFixture(arguments[0], 'webgl'));"
                            + "    out.programs = samovar.webgl.stats().programs - before;"
                            + "    out.backend = samovar.getBackend();"
                            + "    return JSON.stringify(out);"
                            + "  } finally { samovar.env().set('WEBGL_CPU_FORWARD', true); }"
                            + "})().then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));",
                    file);
            JsonObject out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
            List<DynamicNode> tests = new ArrayList<>();
            if (out.has("fatal")) {
                tests.add(DynamicTest.dynamicTest("load", () -> Assertions.fail(out.get("fatal").getAsString())));
            } else {
                tests.add(DynamicTest.dynamicTest("ran on webgl", () -> {
                    Assertions.assertEquals("webgl", out.get("backend").getAsString());
                    Assertions.assertTrue(out.get("programs").getAsInt() > 0, "no webgl program was compiled");
                }));
                JsonArray outcomes = out.getAsJsonArray("outcomes");
                for (int i = 0; i < cases.size(); i++) {
                    OpCase c = cases.get(i);
                    Outcome o = Outcome.fromJson(outcomes.get(i).getAsJsonObject());
                    tests.add(DynamicTest.dynamicTest(c.name,
                            () -> o.check(c, Math.max(c.rtol, TOL), Math.max(c.atol, TOL))));
                }
                int leaked = out.get("leaked").getAsInt();
                tests.add(DynamicTest.dynamicTest("no tensors leaked by the file's cases",
                        () -> Assertions.assertEquals(0, leaked, "tensors left alive after all cases")));
            }
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        return files;
    }
}
