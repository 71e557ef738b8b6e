package dev.samovar.tests.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Samovar's cpu backend against TF.js 4.22's cpu backend in one headless Chromium page
 * (tests/src/test/resources/web/bench.js); writes the "cpu-ops" section of BENCHMARKS.md.
 * Run with {@code bin/samovar bench}; not part of {@code bin/samovar test}.
 */
@Tag("benchmark")
class CpuBenchmark {
    @Test
    void cpuOpsAgainstTfjsCpu() throws Exception {
        JsonObject out = BenchmarkReport.runInPage("/test/bench.html", "runBenchmarks");
        JsonObject env = out.getAsJsonObject("env");
        StringBuilder md = new StringBuilder();
        md.append("## CPU backend: Samovar vs TF.js 4.22 `cpu` (issue: foundation)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(BenchmarkReport.browser(env.get("userAgent").getAsString())).append(" on ").append(BenchmarkReport.cpu())
                .append(". Both libraries run in the same page on the same inputs; each workload warms both up ")
                .append("(at least 5 runs and 500 ms each, so the JIT has settled), then alternates them run by ")
                .append("run and reports the median wall time of the call plus `dataSync()`. Ratio = TF.js time / ")
                .append("Samovar time (above 1: Samovar is faster).\n\n");
        md.append("| workload | Samovar cpu (ms) | TF.js cpu (ms) | ratio | runs |\n|---|---:|---:|---:|---:|\n");
        JsonArray results = out.getAsJsonArray("results");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            md.append("| ").append(r.get("name").getAsString()).append(" | ");
            if (r.has("error") && !r.get("error").isJsonNull()) {
                md.append("failed: ").append(r.get("error").getAsString().replace('|', '/')).append(" | | | |\n");
                continue;
            }
            double s = r.get("samovar").getAsDouble();
            double t = r.get("tfjs").getAsDouble();
            md.append(BenchmarkReport.ms(s)).append(" | ").append(BenchmarkReport.ms(t)).append(" | ")
                    .append(BenchmarkReport.ratio(t, s)).append(" | ")
                    .append(r.get("runs").getAsInt()).append(" |\n");
        }
        md.append("\nRerun: `bin/samovar bench` (needs `npm ci` for TF.js; writes this section).\n");
        BenchmarkReport.writeSection("cpu-ops", md.toString());
        System.out.println(md);
    }
}
