package dev.samovar.tests.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.graph.Corpus;
import dev.samovar.tests.ops.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Graph-model predict latency, Samovar cpu vs TF.js 4.22 cpu in one headless Chromium page, on the
 * corpus graph models (tests/src/test/resources/web/graph-runner.js benchGraphModel), and the peak
 * bytes of intermediate tensors with and without the memory plan; writes the "graph" section of
 * BENCHMARKS.md. Run with {@code bin/samovar bench}.
 */
@Tag("benchmark")
class GraphBenchmark {
    static final String[] MODELS = {"nsfwjs_mobilenet_v2_mid", "human_emotion", "human_blazeface", "human_antispoof",
        "human_liveness"};

    @Test
    void graphModelsAgainstTfjsCpu() throws Exception {
        Path models = Corpus.models();
        Assumptions.assumeTrue(models != null, "shared/models is not present");
        Path root = Fixtures.root();
        StringBuilder rows = new StringBuilder();
        String ua = "";
        try (StaticServer server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/fixtures/", root.resolve("tests/src/test/resources/fixtures"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/models/", models.resolve("tfjs"))
                .start(); Chromium chromium = new Chromium()) {
            chromium.driver().get(server.url("/test/graph-runner.html"));
            for (String m : MODELS) {
                Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "window.benchGraphModel(arguments[0], 7).then(done, e => done(JSON.stringify({fatal: String(e)})));", m);
                JsonObject r = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
                if (r.has("fatal")) {
                    rows.append("| ").append(m).append(" | failed: ").append(r.get("fatal").getAsString().replace('|', '/'))
                            .append(" | | | | |\n");
                    continue;
                }
                ua = r.get("userAgent").getAsString();
                double s = r.get("samovarMs").getAsDouble();
                double t = r.get("tfjsMs").getAsDouble();
                rows.append("| ").append(m).append(" | ").append(BenchmarkReport.ms(s)).append(" | ")
                        .append(BenchmarkReport.ms(t)).append(" | ").append(BenchmarkReport.ratio(t, s)).append(" | ")
                        .append(kib(r.get("withPlan").getAsDouble())).append(" | ")
                        .append(kib(r.get("withoutPlan").getAsDouble())).append(" |\n");
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Graph models: Samovar vs TF.js 4.22 `cpu` (issue 7)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(ua.isEmpty() ? "Chromium" : BenchmarkReport.browser(ua)).append(" on ").append(BenchmarkReport.cpu())
                .append(". Each corpus graph model (shared/models/tfjs) is loaded by `samovar.loadGraphModel` and ")
                .append("`tf.loadGraphModel` from the same URL in the same page and fed the same deterministic input; ")
                .append("one run is `predict` plus `dataSync()` of the first output; after 1 warm-up run each, the ")
                .append("two libraries alternate for 7 runs and the table gives median times. Ratio = TF.js time / ")
                .append("Samovar time (above 1: Samovar is faster). Peak intermediates: the most bytes of ")
                .append("intermediate tensors alive at once during one Samovar predict, with the static memory plan ")
                .append("(each intermediate released right after its last use) and without it (kept to the end of ")
                .append("the run). Samovar has no WebGL backend yet, so only `cpu` is compared.\n\n");
        md.append("| model | Samovar cpu (ms) | TF.js cpu (ms) | ratio | peak intermediates, memory plan | without plan |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        md.append(rows);
        md.append("\nRerun: `bin/samovar bench` (needs `npm ci` for TF.js and shared/models; writes this section).\n");
        BenchmarkReport.writeSection("graph", md.toString());
        System.out.println(md);
    }

    static String kib(double bytes) {
        return String.format(Locale.ROOT, "%,.0f KiB", bytes / 1024);
    }
}
