package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.ops.Compare;
import dev.samovar.tests.ops.Fixtures;
import dev.samovar.tests.ops.OpCase;
import dev.samovar.tests.ops.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The op suite on the webgl backend in headless Chromium (ANGLE on SwiftShader): every case of
 * every fixture, with CPU forwarding of tiny inputs turned off so the GPU programs run. Float32
 * results must be within TF.js's webgl test tolerance (tfjs-core test_util: 1e-3 for float32 on
 * webgl; as absolute 1e-3 plus 1e-3 relative, since a float32 above 1 cannot promise an absolute
 * 1e-3) of TF.js's own results, and within the same tolerance of Samovar's cpu backend run in the
 * same page; ints, bools, shapes, dtypes, error messages and tensor counts exactly. Kernels that
 * ran on the cpu (fallbacks) are listed in target/webgl-fallbacks.txt.
 */
class WebGLOpSuiteTest {
    /** TF.js's TEST_EPSILON_FLOAT32 for webgl. */
    static final double WEBGL_TOLERANCE = 1e-3;

    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/op-runner.html"));
        Object available = chromium.driver().executeScript("return samovar.webgl.isAvailable();");
        Assertions.assertEquals(Boolean.TRUE, available, "WebGL2 with EXT_color_buffer_float is not available in "
                + "headless Chromium (SwiftShader flags missing?)");
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

    private static JsonObject run(String file, String backend) {
        Object raw = chromium.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.runFixture(arguments[0], arguments[1], {WEBGL_CPU_FORWARD: false})"
                        + ".then(done, e => done(JSON.stringify({fatal: String(e)})));",
                file, backend);
        return JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
    }

    @TestFactory
    List<DynamicNode> opSuiteOnWebGL() throws Exception {
        chromium.driver().executeScript("samovar.webgl.fallbacks(true);");
        List<DynamicNode> files = new ArrayList<>();
        for (String file : Fixtures.files()) {
            List<OpCase> cases = Fixtures.load(file);
            JsonObject gpu = run(file, "webgl");
            JsonObject cpu = run(file, "cpu");
            List<DynamicNode> tests = new ArrayList<>();
            if (gpu.has("fatal") || cpu.has("fatal")) {
                String why = gpu.has("fatal") ? gpu.get("fatal").getAsString() : cpu.get("fatal").getAsString();
                tests.add(DynamicTest.dynamicTest("load", () -> Assertions.fail(why)));
            } else {
                JsonArray gOut = gpu.getAsJsonArray("outcomes");
                JsonArray cOut = cpu.getAsJsonArray("outcomes");
                for (int i = 0; i < cases.size(); i++) {
                    OpCase c = cases.get(i);
                    JsonObject g = gOut.get(i).getAsJsonObject();
                    JsonObject k = cOut.get(i).getAsJsonObject();
                    tests.add(DynamicTest.dynamicTest(c.name, () -> check(c, g, k)));
                }
                int leaked = gpu.get("leaked").getAsInt();
                tests.add(DynamicTest.dynamicTest("no tensors leaked by the file's cases on webgl",
                        () -> Assertions.assertEquals(0, leaked, "tensors left alive after all cases")));
            }
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        writeFallbacks();
        return files;
    }

    /** TF.js's verdict at webgl tolerance, then agreement with Samovar's cpu backend. */
    private static void check(OpCase c, JsonObject gpu, JsonObject cpu) {
        Outcome g = Outcome.fromJson(gpu);
        if (c.expectedError() != null) {
            g.check(c);
            return;
        }
        if (g.error != null) {
            Assertions.fail("Samovar webgl failed: " + g.error);
        }
        double rtol = Math.max(c.rtol, WEBGL_TOLERANCE);
        double atol = Math.max(c.atol, WEBGL_TOLERANCE);
        List<String> problems = new ArrayList<>(Compare.diff(g.result, c.expectedResult(), rtol, atol));
        int expectedNew = c.expectedNewTensors();
        if (expectedNew >= 0 && g.newTensors >= 0 && expectedNew != g.newTensors) {
            problems.add("the call left " + g.newTensors + " new tensors, TF.js leaves " + expectedNew);
        }
        if (!cpu.has("error")) {
            JsonElement cr = cpu.get("result");
            for (String p : Compare.diff(g.result, cr, rtol, atol)) {
                problems.add("vs Samovar cpu: " + p);
            }
        }
        if (!problems.isEmpty()) {
            Assertions.fail(String.join("\n", problems));
        }
    }

    private static void writeFallbacks() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> fb = (Map<String, Object>) chromium.driver().executeScript(
                "return samovar.webgl.fallbacks();");
        StringBuilder sb = new StringBuilder("# kernels that ran on the cpu during the webgl op suite: calls\n");
        for (Map.Entry<String, Object> e : new TreeMap<>(fb).entrySet()) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        Path out = Fixtures.root().resolve("tests/target/webgl-fallbacks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }
}
