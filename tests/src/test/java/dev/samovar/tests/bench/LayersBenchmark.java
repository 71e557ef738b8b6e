package dev.samovar.tests.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.ops.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Layers and models, Samovar cpu against TF.js 4.22 cpu in one headless Chromium page
 * (tests/src/test/resources/web/layers-bench.js): MobileNetV2 predict latency (first and warm),
 * MLP fit throughput, loadLayersModel time of a ~5 MB model; writes the "layers" section of
 * BENCHMARKS.md. Run with {@code bin/samovar bench -Dtest=LayersBenchmark}.
 */
@Tag("benchmark")
class LayersBenchmark {
    @Test
    void layersAgainstTfjsCpu() throws Exception {
        Path root = Fixtures.root();
        String sharedProp = System.getProperty("samovar.shared", System.getenv("SAMOVAR_SHARED"));
        // The corpus sits beside the checkout (../shared), or beside a worktree's parent (../../shared).
        Path shared = sharedProp != null ? Path.of(sharedProp)
                : java.nio.file.Files.isDirectory(root.resolve("../shared/models").normalize())
                        ? root.resolve("../shared").normalize() : root.resolve("../../shared").normalize();
        JsonObject out;
        try (StaticServer server = new StaticServer(0).mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/models/", shared.resolve("models/tfjs")).start();
                Chromium chromium = new Chromium()) {
            chromium.driver().get(server.url("/test/layers-bench.html"));
            // Started, then polled: on a busy machine the run outlasts one WebDriver call's 3-minute read timeout.
            chromium.driver().executeScript("window.__layersBench = null; window.runLayersBenchmarks({}).then("
                    + "r => { window.__layersBench = r; }, e => { window.__layersBench = JSON.stringify({fatal: String(e)}); });");
            Object raw = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(40);
            while (raw == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the layers benchmark page did not finish within 40 minutes");
                }
                Thread.sleep(2000);
                raw = chromium.driver().executeScript("return window.__layersBench;");
            }
            out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
            if (out.has("fatal")) {
                throw new AssertionError(out.get("fatal").getAsString());
            }
        }
        JsonObject env = out.getAsJsonObject("env");
        StringBuilder md = new StringBuilder();
        md.append("## Layers and models: Samovar vs TF.js 4.22 `cpu` (issue: layers)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(BenchmarkReport.browser(env.get("userAgent").getAsString())).append(" on ")
                .append(BenchmarkReport.cpu()).append(". Both libraries run on their `cpu` backends ")
                .append("(Samovar pinned with `setBackend('cpu')`: samovar.js picks webgl where WebGL2 exists) in ")
                .append("the same page on the same inputs, alternating run by run, so a busy machine slows both ")
                .append("alike: the machine may be shared with other builds, so compare the ratios rather than ")
                .append("the absolute times. Models are loaded from the same in-memory ModelArtifacts through an ")
                .append("IOHandler. MobileNetV2 ")
                .append("is the nsfwjs layers model (uint8-quantized weights, 2.6 M parameters): first call right ")
                .append("after loading, then the median of warm calls. The MLP fit is a 784-128-10 relu/softmax ")
                .append("model with adam, batch 64, shuffle off: median time of a 640-sample epoch (`model.fit`, ")
                .append("including its Promise and callbacks). Ratio = TF.js time / Samovar time (above 1: Samovar ")
                .append("is faster). max diff: the largest difference between the two libraries' outputs ")
                .append("(predictions, or the last epoch's loss).\n\n");
        md.append("| workload | Samovar cpu (ms) | TF.js cpu (ms) | ratio | runs | max diff |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (JsonElement e : out.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            md.append("| ").append(r.get("name").getAsString()).append(" | ");
            if (r.has("error")) {
                md.append("failed: ").append(r.get("error").getAsString().replace('|', '/').replace('\n', ' '))
                        .append(" | | | | |\n");
                continue;
            }
            double s = r.get("samovar").getAsDouble();
            double t = r.get("tfjs").getAsDouble();
            md.append(BenchmarkReport.ms(s)).append(" | ").append(BenchmarkReport.ms(t)).append(" | ")
                    .append(BenchmarkReport.ratio(t, s)).append(" | ").append(r.get("runs").getAsInt()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1e", r.get("maxDiff").getAsDouble())).append(" |\n");
            if (r.has("samovarSamplesPerSec")) {
                md.append("| ↳ throughput (samples/s) | ")
                        .append(String.format(Locale.ROOT, "%.0f", r.get("samovarSamplesPerSec").getAsDouble()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.get("tfjsSamplesPerSec").getAsDouble()))
                        .append(" | | | |\n");
            }
        }
        md.append("\nRerun: `bin/samovar bench -Dtest=LayersBenchmark` (needs `npm ci` for TF.js and the model corpus "
                + "in `../shared/models`; writes this section).\n");
        BenchmarkReport.writeSection("layers", md.toString());
        System.out.println(md);
    }
}
