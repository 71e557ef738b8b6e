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
 * Demo 3 (demos/webcam.html) in headless Chromium with its fake camera: the video plays, frames are
 * captured for each of the three classes, the new head trains for 20 epochs with a live loss chart
 * (loss falls), and live predictions on the video appear. On samovar.js; with
 * {@code -Dsamovar.demos.tfjs=true} also on TF.js 4.22 itself (minutes here).
 */
class WebcamDemoTest {
    static final String[] FAKE_CAMERA = {"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required"};

    @Test
    void retrainsOnSamovar() throws Exception {
        try (StaticServer server = DemoSite.start(); Chromium chromium = new Chromium(FAKE_CAMERA)) {
            run(server, chromium, "/demos/webcam.html", "demo-webcam");
        }
    }

    @Test
    void retrainsOnTfjs() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("samovar.demos.tfjs"), "TF.js page runs: -Dsamovar.demos.tfjs=true");
        try (StaticServer server = DemoSite.startOnTfjs(); Chromium chromium = new Chromium(FAKE_CAMERA)) {
            run(server, chromium, "/demos/webcam.html?backend=cpu", "demo-webcam-tfjs");
        }
    }

    static void run(StaticServer server, Chromium chromium, String path, String shot) throws Exception {
        chromium.driver().get(server.url(path));
        DemoSite.waitFor(chromium, "document.body.getAttribute('data-ready') === 'true'", Duration.ofMinutes(3),
                "the camera and the model");
        Number width = DemoSite.js(chromium, "return document.getElementById('webcam').videoWidth;");
        Assertions.assertTrue(width.intValue() > 0, "the fake camera's video plays");
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 1; k++) {
                chromium.driver().findElement(By.id("capture-" + c)).click();
                final int want = k + 1;
                DemoSite.waitFor(chromium, "document.getElementById('count-" + c + "').textContent === '" + want
                        + " examples'", Duration.ofSeconds(60), "example " + want + " of class " + c);
            }
        }
        DemoSite.waitFor(chromium, "!document.getElementById('train').disabled", Duration.ofSeconds(10), "Train enabled");
        chromium.driver().findElement(By.id("train")).click();
        DemoSite.waitFor(chromium, "document.getElementById('status').getAttribute('data-trained') === 'true'",
                Duration.ofMinutes(2), "the head to train");
        Number points = DemoSite.js(chromium,
                "return Number(document.querySelector('#charts .sv-line').getAttribute('data-points'));");
        Assertions.assertEquals(20, points.intValue(), "one loss point per epoch");
        List<?> losses = DemoSite.js(chromium, "return JSON.parse(document.getElementById('charts').getAttribute('data-losses'));");
        double firstLoss = ((Number) losses.get(0)).doubleValue();
        double lastLoss = ((Number) losses.get(losses.size() - 1)).doubleValue();
        Assertions.assertTrue(lastLoss < firstLoss, "the loss falls: " + losses);
        DemoSite.waitFor(chromium, "Number(document.getElementById('live').getAttribute('data-predictions')) >= 2",
                Duration.ofMinutes(1), "live predictions");
        String label = DemoSite.js(chromium, "return document.getElementById('live').getAttribute('data-label');");
        Assertions.assertTrue(List.of("Class A", "Class B", "Class C").contains(label), label);
        DemoSite.screenshot(chromium.driver(), shot);
        chromium.driver().findElement(By.id("stop")).click();
        DemoSite.assertNoConsoleErrors(chromium, path);
    }
}
