package dev.samovar.tests.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Samovar's webgl backend against TF.js 4.22's webgl backend in one headless Chromium page
 * (tests/src/test/resources/web/webgl-bench.js); writes the "webgl" section of BENCHMARKS.md.
 * Run with {@code bin/samovar bench}; not part of {@code bin/samovar test}.
 */
@Tag("benchmark")
class WebGLBenchmark {
    @Test
    void webglAgainstTfjsWebgl() throws Exception {
        JsonObject env;
        JsonArray results = new JsonArray();
        // One driver call per workload: SwiftShader is slow, and one call must stay under the
        // driver's command timeout.
        java.nio.file.Path root = dev.samovar.tests.ops.Fixtures.root();
        String sharedProp = System.getProperty("samovar.shared", System.getenv("SAMOVAR_SHARED"));
        // The corpus (MobileNetV2) sits beside the checkout (../shared) or beside a worktree's parent.
        java.nio.file.Path shared = sharedProp != null ? java.nio.file.Path.of(sharedProp)
                : java.nio.file.Files.isDirectory(root.resolve("../shared/models").normalize())
                        ? root.resolve("../shared").normalize() : root.resolve("../../shared").normalize();
        try (dev.samovar.demos.StaticServer server = new dev.samovar.demos.StaticServer(0)
                .mount("/dist/", dev.samovar.tests.browser.TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/models/", shared.resolve("models/tfjs")).start();
                dev.samovar.tests.browser.Chromium chromium = new dev.samovar.tests.browser.Chromium()) {
            chromium.driver().get(server.url("/test/webgl-bench.html"));
            int n = ((Number) chromium.driver().executeScript("return window.webglBenchCount();")).intValue();
            for (int i = 0; i < n; i++) {
                Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "window.runWebGLWorkload(arguments[0], {}).then(done, e => done(JSON.stringify({name: '#' + "
                        + "arguments[0], error: String(e)})));", i);
                results.add(com.google.gson.JsonParser.parseString(String.valueOf(raw)));
            }
            env = com.google.gson.JsonParser.parseString(String.valueOf(
                    chromium.driver().executeScript("return window.webglBenchEnv();"))).getAsJsonObject();
        }
        StringBuilder md = new StringBuilder();
        md.append("## WebGL backend: Samovar `webgl` vs TF.js 4.22 `webgl` (issue 6)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(BenchmarkReport.browser(env.get("userAgent").getAsString())).append(" on ")
                .append(BenchmarkReport.cpu()).append(", renderer `").append(env.get("renderer").getAsString())
                .append("`. **This renderer is SwiftShader, a CPU implementation of the GPU: both libraries are "
                        + "CPU-bound here, so these figures compare shader work and overheads on a CPU, not speed "
                        + "on a real GPU.** Both libraries run in the same page on the same inputs (two WebGL2 "
                        + "contexts). First call = the first call of the workload's shapes, including shader "
                        + "compilation and upload, plus `dataSync()`; warm = median of call + `dataSync()` over "
                        + "runs alternating the libraries. Ratio = TF.js time / Samovar time (above 1: Samovar "
                        + "is faster). Max diff = largest absolute difference between the two libraries' "
                        + "outputs (training: the first step's loss).\n\n");
        md.append("| workload | Samovar first (ms) | TF.js first (ms) | Samovar warm (ms) | TF.js warm (ms) "
                + "| warm ratio | runs | max diff |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            md.append("| ").append(r.get("name").getAsString()).append(" | ");
            if (r.has("error") && !r.get("error").isJsonNull()) {
                md.append("failed: ").append(r.get("error").getAsString().replace('|', '/')).append(" | | | | | | |\n");
                continue;
            }
            double s = r.get("samovar").getAsDouble();
            double t = r.get("tfjs").getAsDouble();
            md.append(BenchmarkReport.ms(r.get("samovarFirst").getAsDouble())).append(" | ")
                    .append(BenchmarkReport.ms(r.get("tfjsFirst").getAsDouble())).append(" | ")
                    .append(BenchmarkReport.ms(s)).append(" | ").append(BenchmarkReport.ms(t)).append(" | ")
                    .append(BenchmarkReport.ratio(t, s)).append(" | ")
                    .append(r.get("runs").getAsInt()).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.2g", r.get("maxDiff").getAsDouble())).append(" |\n");
        }
        md.append("\nRerun: `bin/samovar bench -Dtest=WebGLBenchmark` (needs `npm ci` for TF.js; writes this "
                + "section). Where a real GPU is available, run the same page there for GPU figures.\n");
        BenchmarkReport.writeSection("webgl", md.toString());
        System.out.println(md);
    }
}
