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
 * Graph-model predict latency, Samovar vs TF.js 4.22 on cpu and on webgl (SwiftShader when headless)
 * in one headless Chromium page, on the corpus graph models (tests/src/test/resources/web/graph-runner.js benchGraphModel), and the peak
 * bytes of intermediate tensors with and without the memory plan; writes the "graph" section of
 * BENCHMARKS.md. Run with {@code bin/samovar bench}.
 */
@Tag("benchmark")
class GraphBenchmark {
    static final String[] MODELS = {"nsfwjs_mobilenet_v2_mid", "human_emotion", "human_blazeface", "human_antispoof",
        "human_liveness"};

    /** Warm runs per model and backend (SwiftShader makes webgl runs slow: fewer there). */
    static final int CPU_RUNS = 7;
    static final int WEBGL_RUNS = 5;

    @Test
    void graphModelsAgainstTfjsCpuAndWebgl() throws Exception {
        Path models = Corpus.models();
        Assumptions.assumeTrue(models != null, "shared/models is not present");
        Path root = Fixtures.root();
        StringBuilder rows = new StringBuilder();
        StringBuilder fallbacks = new StringBuilder();
        String ua = "";
        String renderer = "";
        try (StaticServer server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/fixtures/", root.resolve("tests/src/test/resources/fixtures"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/models/", models.resolve("tfjs"))
                .start(); Chromium chromium = new Chromium()) {
            chromium.driver().get(server.url("/test/graph-runner.html"));
            for (String m : MODELS) {
                for (String backend : new String[] {"cpu", "webgl"}) {
                    int runs = backend.equals("cpu") ? CPU_RUNS : WEBGL_RUNS;
                    Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "window.benchGraphModel(arguments[0], arguments[1], arguments[2]).then(done, e => done(JSON.stringify({fatal: String(e)})));",
                            m, runs, backend);
                    JsonObject r = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
                    if (r.has("fatal")) {
                        rows.append("| ").append(m).append(" | `").append(backend).append("` | failed: ")
                                .append(r.get("fatal").getAsString().replace('|', '/')).append(" | | | | |\n");
                        continue;
                    }
                    ua = r.get("userAgent").getAsString();
                    if (r.has("renderer")) {
                        renderer = r.get("renderer").getAsString();
                    }
                    if (r.has("fallbacks")) {
                        fallbacks.append("- ").append(m).append(": ")
                                .append(r.getAsJsonObject("fallbacks").keySet().isEmpty() ? "none"
                                        : String.join(", ", r.getAsJsonObject("fallbacks").keySet()))
                                .append("\n");
                    }
                    double s = r.get("samovarMs").getAsDouble();
                    double t = r.get("tfjsMs").getAsDouble();
                    rows.append("| ").append(m).append(" | `").append(backend).append("` | ").append(BenchmarkReport.ms(s))
                            .append(" | ").append(BenchmarkReport.ms(t)).append(" | ").append(BenchmarkReport.ratio(t, s))
                            .append(" | ").append(kib(r.get("withPlan").getAsDouble())).append(" | ")
                            .append(kib(r.get("withoutPlan").getAsDouble())).append(" |\n");
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("## Graph models: Samovar vs TF.js 4.22, `cpu` and `webgl` (issue 7)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(ua.isEmpty() ? "Chromium" : BenchmarkReport.browser(ua)).append(" on ").append(BenchmarkReport.cpu())
                .append(renderer.isEmpty() ? "" : ", WebGL renderer `" + renderer + "`")
                .append(". Each corpus graph model (shared/models/tfjs) is loaded by `samovar.loadGraphModel` and ")
                .append("`tf.loadGraphModel` from the same URL in the same page and fed the same deterministic input, ")
                .append("first with both libraries on `cpu`, then with both on `webgl` (`tf.setBackend`), in one run; ")
                .append("one run is `predict` plus `dataSync()` of the first output; after 1 warm-up run each (on ")
                .append("webgl it compiles the shaders), the two libraries alternate for ").append(CPU_RUNS)
                .append(" runs (cpu) or ").append(WEBGL_RUNS).append(" runs (webgl) and the table gives median times. ")
                .append("Ratio = TF.js time / Samovar time (above 1: Samovar is faster). Peak intermediates: the most ")
                .append("bytes of intermediate tensors alive at once during one Samovar predict, with the static memory ")
                .append("plan (each intermediate released right after its last use) and without it (kept to the end ")
                .append("of the run). **The `webgl` rows are SwiftShader numbers: headless Chromium here has no GPU, ")
                .append("so its WebGL2 is a CPU implementation and both libraries' webgl times are CPU-bound; they ")
                .append("compare shader work and overheads on a CPU, not speed on a real GPU.**\n\n");
        md.append("| model | backend | Samovar (ms) | TF.js (ms) | ratio | peak intermediates, memory plan | without plan |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        md.append(rows);
        if (fallbacks.length() > 0) {
            md.append("\nKernels that ran on Samovar's cpu fallback during the webgl runs (`samovar.webgl.fallbacks()`):\n\n")
                    .append(fallbacks);
        }
        md.append("\nRerun: `bin/samovar bench` (needs `npm ci` for TF.js and shared/models; writes this section).\n");
        BenchmarkReport.writeSection("graph", md.toString());
        System.out.println(md);
    }

    static String kib(double bytes) {
        return String.format(Locale.ROOT, "%,.0f KiB", bytes / 1024);
    }
}
