package dev.samovar.tests.demos;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Demo 4 (demos/convert.html): the build converted demos/src/main/keras/cnn_batch_norm.h5 with
 * converter-cli and ran it on the JVM (demos/target/assets/converted/jvm-outputs.json). The JVM's
 * outputs equal Keras's own predictions shipped with the model (predictions.npy) within 1e-4, and the
 * page, clicked through in headless Chromium, prints outputs equal to the JVM's within 1e-5.
 */
class ConvertDemoTest {
    @Test
    void jvmRunMatchesKeras() throws Exception {
        JsonObject ref = jvmOutputs();
        JsonArray jvm = ref.getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonArray("data");
        JsonArray keras = ref.getAsJsonObject("keras").getAsJsonArray("data");
        Assertions.assertEquals(5, keras.size());
        Assertions.assertEquals(keras.size(), jvm.size());
        for (int i = 0; i < keras.size(); i++) {
            Assertions.assertEquals(keras.get(i).getAsDouble(), jvm.get(i).getAsDouble(), 1e-4, "output " + i);
        }
    }

    @Test
    void pagePrintsTheJvmOutputs() throws Exception {
        try (StaticServer server = DemoSite.start(); Chromium chromium = new Chromium()) {
            chromium.driver().get(server.url("/demos/convert.html"));
            DemoSite.waitFor(chromium, "document.body.getAttribute('data-ready') === 'true'", Duration.ofMinutes(1),
                    "the converted model to load");
            chromium.driver().findElement(By.id("run")).click();
            String diff = (String) DemoSite.waitFor(chromium,
                    "document.getElementById('verdict').getAttribute('data-max-diff')", Duration.ofMinutes(1), "the page's run");
            Assertions.assertTrue(Double.parseDouble(diff) <= 1e-5, "page vs JVM: " + diff);
            String page = DemoSite.js(chromium, "return document.getElementById('page-out').textContent;");
            String jvmText = jvmOutputs().getAsJsonArray("outputs").get(0).getAsJsonObject().get("text").getAsString();
            Assertions.assertTrue(page.contains(jvmText), "the page prints what the JVM printed:\n" + page + "\nvs\n" + jvmText);
            DemoSite.screenshot(chromium.driver(), "demo-convert");
            DemoSite.assertNoConsoleErrors(chromium, "convert.html");
        }
    }

    private static JsonObject jvmOutputs() throws Exception {
        Path f = DemoSite.root().resolve("demos/target/assets/converted/jvm-outputs.json");
        Assertions.assertTrue(Files.isRegularFile(f), f + " is written by the demos build (ConvertDemoAssets)");
        return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
    }
}
