package dev.samovar.tests.demos;

import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Demo 2 (demos/import.html) in headless Chromium: MobileNetV2 from npm nsfwjs loads under its
 * download and warm-up progress bars, and the page's two deterministic generated images get top-3
 * predictions, as does a PNG picked through the file input. The five class probabilities of each must equal TF.js 4.22's (cpu, in Node:
 * tests/fixtures/gen-demo-fixtures.mjs, which runs the page's own image code) within 1e-4.
 * {@code -Dsamovar.demos.tfjs=true} also runs the page on TF.js itself in Chromium (minutes here).
 */
class ImportDemoTest {
    static List<List<Double>> reference() throws Exception {
        JsonObject fixture = JsonParser.parseString(Files.readString(DemoSite.root().resolve(
                "tests/src/test/resources/fixtures/demos/mobilenet-generated.json"))).getAsJsonObject();
        List<List<Double>> out = new ArrayList<>();
        for (String kind : new String[] {"drawing", "smooth"}) {
            List<Double> p = new ArrayList<>();
            fixture.getAsJsonObject("images").getAsJsonArray(kind).forEach(v -> p.add(v.getAsDouble()));
            out.add(p);
        }
        return out;
    }

    static void assertSame(List<List<Double>> expected, List<List<Double>> actual, String engine) {
        for (int i = 0; i < expected.size(); i++) {
            for (int c = 0; c < 5; c++) {
                Assertions.assertEquals(expected.get(i).get(c), actual.get(i).get(c), 1e-4,
                        "image " + i + ", class " + c + ": " + engine + " " + actual.get(i) + ", TF.js " + expected.get(i));
            }
        }
    }

    @Test
    void predictsOnSamovarAsTfjs() throws Exception {
        try (StaticServer server = DemoSite.start(); Chromium chromium = new Chromium()) {
            assertSame(reference(), run(server, chromium, "/demos/import.html", "demo-import"), "Samovar");
        }
    }

    @Test
    void predictsOnTfjsInChromium() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("samovar.demos.tfjs"), "TF.js page runs: -Dsamovar.demos.tfjs=true");
        try (StaticServer server = DemoSite.startOnTfjs(); Chromium chromium = new Chromium()) {
            assertSame(reference(), run(server, chromium, "/demos/import.html?backend=cpu", "demo-import-tfjs"),
                    "TF.js in Chromium");
        }
    }

    /** Loads the page, classifies both generated images, returns their five probabilities each. */
    static List<List<Double>> run(StaticServer server, Chromium chromium, String path, String shot) throws Exception {
        chromium.driver().get(server.url(path));
        DemoSite.waitFor(chromium, "document.body.getAttribute('data-ready') === 'true'", Duration.ofMinutes(3),
                "the model to load and warm up");
        List<?> bars = DemoSite.js(chromium, "return Array.from(document.querySelectorAll('#progress .sv-progress'))"
                + ".map(b => b.getAttribute('data-state') + ' ' + b.getAttribute('data-value'));");
        Assertions.assertEquals(List.of("done 1", "done 1"), bars, "download and warm-up progress bars");
        List<List<Double>> out = new ArrayList<>();
        String[] buttons = {"gen-drawing", "gen-photo"};
        for (int i = 0; i < buttons.length; i++) {
            chromium.driver().findElement(By.id(buttons[i])).click();
            DemoSite.waitFor(chromium, "Number(document.getElementById('results').getAttribute('data-count')) === " + (i + 1),
                    Duration.ofMinutes(1), "the prediction of image " + i);
            List<?> probs = DemoSite.js(chromium,
                    "return JSON.parse(document.querySelector('#results .thumb').getAttribute('data-probs'));");
            Assertions.assertEquals(5, probs.size());
            List<Double> p = new ArrayList<>();
            double sum = 0;
            for (Object v : probs) {
                p.add(((Number) v).doubleValue());
                sum += ((Number) v).doubleValue();
            }
            Assertions.assertEquals(1.0, sum, 1e-4, "softmax output " + p);
            // The card shows the top 3, sorted, and names the top-1 class.
            List<?> shown = DemoSite.js(chromium, "return Array.from(document.querySelectorAll('#results .thumb:first-child .sv-bar-row'))"
                    + ".map(r => r.getAttribute('data-label') + '=' + r.getAttribute('data-value'));");
            Assertions.assertEquals(3, shown.size(), String.valueOf(shown));
            String[] classes = {"Drawing", "Hentai", "Neutral", "Porn", "Sexy"};
            int best = 0;
            for (int c = 1; c < 5; c++) {
                if (p.get(c) > p.get(best)) {
                    best = c;
                }
            }
            Assertions.assertTrue(String.valueOf(shown.get(0)).startsWith(classes[best] + "="), shown + " vs " + p);
            out.add(p);
        }
        // A picked file: a PNG written here, given to the page's file input as a user's pick would be.
        java.nio.file.Path png = Files.createTempFile("samovar-picked-", ".png");
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 200,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 300; x++) {
                    img.setRGB(x, y, ((x * 255 / 299) << 16) | ((y * 255 / 199) << 8) | ((x ^ y) & 0xff));
                }
            }
            javax.imageio.ImageIO.write(img, "png", png.toFile());
            chromium.driver().findElement(By.id("file")).sendKeys(png.toAbsolutePath().toString());
            DemoSite.waitFor(chromium, "Number(document.getElementById('results').getAttribute('data-count')) === 3",
                    Duration.ofMinutes(1), "the prediction of the picked file");
            String name = DemoSite.js(chromium, "return document.querySelector('#results .thumb .status').textContent;");
            Assertions.assertEquals(png.getFileName().toString(), name);
            List<?> shown = DemoSite.js(chromium, "return Array.from(document.querySelectorAll('#results .thumb:first-child .sv-bar-row'))"
                    + ".map(r => r.getAttribute('data-label'));");
            Assertions.assertEquals(3, shown.size(), "top 3 of the picked file: " + shown);
        } finally {
            Files.deleteIfExists(png);
        }
        DemoSite.screenshot(chromium.driver(), shot);
        DemoSite.assertNoConsoleErrors(chromium, path);
        return out;
    }
}
