package dev.samovar.tests.demos;

import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Demo 1 (demos/train.html) clicked through in headless Chromium: the Iris data loads, Train runs
 * model.fit with a chart that gains points every epoch, held-out accuracy reaches the page's stated
 * 90 %, the confusion matrix covers the 30 held-out flowers, and Classify names the species of typical
 * flowers. On samovar.js; with {@code -Dsamovar.demos.tfjs=true} also on TF.js 4.22 itself (the page
 * is TF.js code).
 */
class TrainDemoTest {
    static final double THRESHOLD = 0.9;

    @Test
    void trainsOnSamovar() throws Exception {
        try (StaticServer server = DemoSite.start(); Chromium chromium = new Chromium()) {
            run(server, chromium, "/demos/train.html", "demo-train");
        }
    }

    @Test
    void trainsOnTfjs() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("samovar.demos.tfjs"), "TF.js page runs: -Dsamovar.demos.tfjs=true");
        try (StaticServer server = DemoSite.startOnTfjs(); Chromium chromium = new Chromium()) {
            run(server, chromium, "/demos/train.html?backend=cpu", "demo-train-tfjs");
        }
    }

    static void run(StaticServer server, Chromium chromium, String path, String shot) throws Exception {
        chromium.driver().get(server.url(path));
        DemoSite.waitFor(chromium, "!document.getElementById('train').disabled", Duration.ofSeconds(60), "the data to load");
        String status = DemoSite.js(chromium, "return document.getElementById('status').textContent;");
        Assertions.assertTrue(status.startsWith("150 flowers loaded: 120 to train on, 30 held out"), status);
        DemoSite.js(chromium, "document.getElementById('epochs').value = '30';");
        chromium.driver().findElement(By.id("train")).click();
        // The chart gains points while training runs (4 series points per epoch).
        long first = ((Number) DemoSite.waitFor(chromium,
                "(() => { const n = Number(document.querySelector('#charts .sv-line').getAttribute('data-points'));"
                + " return n > 0 ? n : null; })()", Duration.ofMinutes(2), "the first epoch on the chart")).longValue();
        DemoSite.waitFor(chromium, "document.getElementById('status').getAttribute('data-done') === 'true'",
                Duration.ofMinutes(4), "training to finish");
        long points = DemoSite.<Number>js(chromium,
                "return Number(document.querySelector('#charts .sv-line').getAttribute('data-points'));").longValue();
        Assertions.assertEquals(60, points, "loss chart: loss and val_loss for 30 epochs");
        Assertions.assertTrue(first < points, "the chart grew during training (" + first + " then " + points + ")");
        double accuracy = Double.parseDouble(DemoSite.js(chromium,
                "return document.getElementById('test-accuracy').getAttribute('data-value');"));
        Assertions.assertTrue(accuracy >= THRESHOLD, "held-out accuracy " + accuracy + " < " + THRESHOLD);
        String confusion = DemoSite.js(chromium,
                "return document.querySelector('#confusion .sv-confusion').getAttribute('data-values');");
        int total = 0;
        for (String n : confusion.replaceAll("[\\[\\]]", " ").trim().split("[ ,]+")) {
            total += Integer.parseInt(n);
        }
        Assertions.assertEquals(30, total, "confusion matrix " + confusion);
        // Typical flowers of each species (rows of the data set: 1, 51 and 101).
        Assertions.assertEquals("setosa", classify(chromium, "5.1", "3.5", "1.4", "0.2"));
        Assertions.assertEquals("versicolor", classify(chromium, "7.0", "3.2", "4.7", "1.4"));
        Assertions.assertEquals("virginica", classify(chromium, "6.3", "3.3", "6.0", "2.5"));
        List<?> bars = DemoSite.js(chromium, "return Array.from(document.querySelectorAll('#probabilities .sv-bar-row'))"
                + ".map(r => Number(r.getAttribute('data-value')));");
        Assertions.assertEquals(3, bars.size());
        double sum = 0;
        for (Object b : bars) {
            sum += ((Number) b).doubleValue();
        }
        Assertions.assertEquals(1.0, sum, 1e-4, "probabilities " + bars);
        DemoSite.screenshot(chromium.driver(), shot);
        DemoSite.assertNoConsoleErrors(chromium, path);
    }

    static String classify(Chromium chromium, String... values) {
        for (int i = 0; i < 4; i++) {
            DemoSite.js(chromium, "document.getElementById('f' + arguments[0]).value = arguments[1];", i, values[i]);
        }
        DemoSite.js(chromium, "document.getElementById('prediction').removeAttribute('data-label');");
        chromium.driver().findElement(By.id("predict")).click();
        return (String) DemoSite.waitFor(chromium, "document.getElementById('prediction').getAttribute('data-label')",
                Duration.ofSeconds(20), "a prediction");
    }
}
