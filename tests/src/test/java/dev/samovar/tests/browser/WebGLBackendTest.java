package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webgl backend's API in headless Chromium (SwiftShader), from webgl-api.js: webgl is the
 * default backend; precision 32; data() resolves through a fence; memory() has TF.js's webgl fields
 * and textures go back to the pool on dispose; warm-up compiles a model's programs (with progress)
 * so its first call compiles none; a lost context gives a clear error and restore() recovers.
 */
class WebGLBackendTest {
    private static StaticServer server;
    private static Chromium chromium;
    private static JsonObject out;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/webgl-api.html"));
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runWebGLApiChecks().then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));");
        out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
        System.out.println("webgl api checks: " + out);
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

    private static void noFatal() {
        Assertions.assertFalse(out.has("fatal"), () -> out.get("fatal").getAsString());
    }

    private static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    @Test
    void webglIsTheDefaultAndComputesInFloat32() {
        noFatal();
        Assertions.assertEquals("webgl", out.get("defaultBackend").getAsString());
        Assertions.assertEquals("webgl", out.get("backend").getAsString());
        Assertions.assertEquals(32, out.get("floatPrecision").getAsInt());
        Assertions.assertTrue(out.get("renderFloat32").getAsBoolean());
    }

    @Test
    void dataResolvesAfterAFenceAndDataSyncReads() {
        noFatal();
        Assertions.assertTrue(out.get("dataIsPromise").getAsBoolean());
        // [[1,2,3,4],[5,6,7,8]] x [[1,0],[0,1],[2,2],[3,-1]]: hand-computed.
        Assertions.assertArrayEquals(new double[] {19, 4, 43, 12}, doubles(out.get("dataValues")));
        Assertions.assertArrayEquals(new double[] {20, 5, 44, 13}, doubles(out.get("dataSyncValues")));
    }

    @Test
    void memoryReportsTexturesAndDisposeReturnsThemToThePool() {
        noFatal();
        String keys = out.get("memoryKeys").toString();
        for (String k : new String[] {"unreliable", "numBytesInGPU", "numBytesInGPUAllocated", "numBytesInGPUFree",
            "numTextures", "numTensors", "numDataBuffers", "numBytes"}) {
            Assertions.assertTrue(keys.contains("\"" + k + "\""), "memory() lacks " + k + ": " + keys);
        }
        Assertions.assertTrue(out.get("texturesWhileAlive").getAsInt() >= 3, "a, b, c and a+1 on the GPU");
        Assertions.assertTrue(out.get("bytesInGPUWhileAlive").getAsDouble() > 0);
        Assertions.assertEquals(out.get("tensorsBefore").getAsInt(), out.get("tensorsAfter").getAsInt());
        Assertions.assertEquals(0, out.get("texturesAfterDispose").getAsInt(), "textures in use after dispose");
        Assertions.assertTrue(out.get("freeTexturesAfterDispose").getAsInt() > 0, "freed textures are pooled");
    }

    @Test
    void warmUpCompilesTheProgramsOfTheFirstCall() {
        noFatal();
        Assertions.assertTrue(out.get("warmUpPrograms").getAsInt() >= 3, "conv, softmax, mul: " + out);
        JsonArray progress = out.getAsJsonArray("warmUpProgress");
        JsonArray last = progress.get(progress.size() - 1).getAsJsonArray();
        Assertions.assertEquals(1.0, last.get(0).getAsDouble(), "progress ends at 1");
        Assertions.assertEquals(out.get("warmUpPrograms").getAsInt(), last.get(2).getAsInt());
        Assertions.assertEquals(0, out.get("compiledByFirstCall").getAsInt(), "programs compiled by the first call");
        // zeros x ones + 1, relu6 -> 1 everywhere; times 0.25, softmax over 7*7*12 equal values.
        for (double v : doubles(out.get("firstCallValues"))) {
            Assertions.assertEquals(1.0 / (7 * 7 * 12), v, 1e-6);
        }
    }

    @Test
    void aLostContextThrowsAndRestoreRecovers() {
        noFatal();
        Assertions.assertTrue(out.get("hasLoseContext").getAsBoolean(), "WEBGL_lose_context missing");
        Assertions.assertTrue(out.get("lost").getAsBoolean());
        Assertions.assertTrue(out.get("readAfterLoss").getAsString().startsWith("WebGL context lost"),
                out.get("readAfterLoss").getAsString());
        Assertions.assertTrue(out.get("opAfterLoss").getAsString().startsWith("WebGL context lost"),
                out.get("opAfterLoss").getAsString());
        Assertions.assertFalse(out.get("restoreWhileLost").getAsBoolean());
        Assertions.assertTrue(out.get("restored").getAsBoolean());
        Assertions.assertArrayEquals(new double[] {2, 3, 4}, doubles(out.get("keptAfterRestore")));
    }
}
