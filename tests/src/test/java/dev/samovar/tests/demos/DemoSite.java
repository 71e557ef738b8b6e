package dev.samovar.tests.demos;

import dev.samovar.demos.Serve;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site as {@code bin/samovar serve} serves it (same mounts, {@link Serve#site}), plus what the
 * demo tests share: screenshots into tests/target/screenshots/, waiting for a page condition, and
 * the no-console-errors check.
 */
public final class DemoSite {
    private DemoSite() {
    }

    public static Path root() {
        return Fixtures.root();
    }

    /** The served site; fails clearly when the build outputs it serves are missing. */
    public static StaticServer start() throws IOException {
        Path root = root();
        for (String need : new String[] {"web/target/dist/samovar.js", "web/target/dist/api.html",
                "demos/target/assets/models/mobilenet_v2/model.json", "demos/target/assets/data/iris.json"}) {
            if (!Files.isRegularFile(root.resolve(need))) {
                throw new IllegalStateException(need + " is missing: build web and demos first "
                        + "(mvn -B verify builds them; they need node and `npm ci`)");
            }
        }
        return Serve.site(new StaticServer(0), root).start();
    }

    /**
     * The site with samovar.js replaced by TensorFlow.js 4.22 itself (tf.min.js, then
     * {@code samovar = tf}): the demos are TF.js code, and this runs them on the reference.
     */
    public static StaticServer startOnTfjs() throws IOException {
        Path root = root();
        Path dir = Files.createTempDirectory("samovar-tfjs-site-");
        dir.toFile().deleteOnExit();
        try (var files = Files.list(root.resolve("web/target/dist"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                    dir.resolve(f.getFileName()).toFile().deleteOnExit();
                }
            }
        }
        Path tfjs = root.resolve("node_modules/@tensorflow/tfjs/dist/tf.min.js");
        Files.writeString(dir.resolve("samovar.js"), Files.readString(tfjs) + "\n;var samovar = tf;\n");
        return new StaticServer(0)
                .mount("/demos/assets/", root.resolve("demos/target/assets"))
                .mount("/demos/", root.resolve("demos/src/main/webapp"))
                .mount("/", dir).start();
    }

    public static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = root().resolve("tests/target/screenshots");
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        // The whole page, not only the window (Chromium's DevTools screenshot beyond the viewport).
        try {
            Number w = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Number h = (Number) driver.executeScript("return Math.min(document.documentElement.scrollHeight, 6000);");
            java.util.Map<String, Object> clip = java.util.Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1);
            java.util.Map<String, Object> r = driver.executeCdpCommand("Page.captureScreenshot",
                    java.util.Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(out, java.util.Base64.getDecoder().decode((String) r.get("data")));
        } catch (RuntimeException e) {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    /** Polls a JS expression until it is truthy; fails with {@code what} and the page's errors. */
    public static Object waitFor(Chromium chromium, String expression, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        Object v = null;
        while (System.nanoTime() < end) {
            v = chromium.driver().executeScript("try { return (" + expression + "); } catch (e) { return null; }");
            if (v != null && !Boolean.FALSE.equals(v) && !"".equals(v)) {
                return v;
            }
            String err = pageErrors(chromium);
            if (!err.isEmpty()) {
                Assertions.fail("while waiting for " + what + ", the page shows an error: " + err);
            }
            sleep(100);
        }
        Assertions.fail("timed out after " + timeout.toSeconds() + " s waiting for " + what + " (" + expression
                + "); page errors: " + pageErrors(chromium));
        return v;
    }

    /** Text of the errors the page displays (samovar-ui.js's error boxes). */
    public static String pageErrors(Chromium chromium) {
        Object v = chromium.driver().executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('.sv-error .sv-error-message'), e => e.textContent).join(' | ');");
        return v == null ? "" : v.toString();
    }

    public static void assertNoConsoleErrors(Chromium chromium, String page) {
        List<String> errors = chromium.consoleErrors();
        Assertions.assertTrue(errors.isEmpty(), page + ": console errors: " + errors);
        String shown = pageErrors(chromium);
        Assertions.assertTrue(shown.isEmpty(), page + ": the page shows errors: " + shown);
    }

    public static <T> T js(Chromium chromium, String script, Object... args) {
        @SuppressWarnings("unchecked")
        T t = (T) chromium.driver().executeScript(script, args);
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
