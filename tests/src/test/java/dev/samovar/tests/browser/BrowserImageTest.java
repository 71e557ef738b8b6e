package dev.samovar.tests.browser;

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
 * tf.browser (fromPixels of ImageData, pixel data, canvas, image and ImageBitmap; fromPixelsAsync;
 * toPixels; draw) and the async tf.image ops (nonMaxSuppression*Async, whereAsync) through
 * samovar.js in Chromium, each compared with TF.js 4.22 (cpu backend) run on the same sources in
 * the same page (tests/src/test/resources/web/image-browser.js): results, error messages and the
 * tensors each call leaves must be the same.
 */
class BrowserImageTest {
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/image-browser.html"));
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
    List<DynamicTest> imageInChromium() {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runImageCases().then(done, e => done(JSON.stringify({fatal: String(e)})));");
        JsonElement parsed = JsonParser.parseString(String.valueOf(raw));
        List<DynamicTest> tests = new ArrayList<>();
        if (parsed.isJsonObject()) {
            tests.add(DynamicTest.dynamicTest("load", () -> Assertions.fail(parsed.toString())));
            return tests;
        }
        for (JsonElement e : parsed.getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(),
                    () -> Assertions.assertEquals(c.get("tfjs"), c.get("samovar"), "samovar differs from TF.js")));
        }
        Assertions.assertTrue(tests.size() >= 40, "cases: " + tests.size());
        return tests;
    }
}
