package dev.samovar.tests.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A training step (MLP 784-128-10, relu, batch 64, Adam, softmax cross entropy; written with plain
 * ops and variables) on Samovar's cpu backend against TF.js 4.22's cpu backend in one headless
 * Chromium page (tests/src/test/resources/web/train-bench.js); writes the "train" section of
 * BENCHMARKS.md. Run with {@code bin/samovar bench}; not part of {@code bin/samovar test}.
 */
@Tag("benchmark")
class TrainBenchmark {
    @Test
    void trainingStepAgainstTfjsCpu() throws Exception {
        JsonObject out = BenchmarkReport.runInPage("/test/train-bench.html", "runTrainBenchmarks");
        JsonObject env = out.getAsJsonObject("env");
        StringBuilder md = new StringBuilder();
        md.append("## Training step: Samovar vs TF.js 4.22 `cpu` (issue: optimizers)\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `bin/samovar bench` in headless ")
                .append(BenchmarkReport.browser(env.get("userAgent").getAsString())).append(" on ").append(BenchmarkReport.cpu())
                .append(". An MLP 784-128-10 (relu hidden layer) written with plain ops and variables, batch 64, ")
                .append("`tf.train.adam(0.001)`; one step is `optimizer.minimize(loss, true, varList)` plus ")
                .append("reading the loss. Both libraries train the same model from the same start in the same ")
                .append("page; the first 5 steps of each are compared (loss diff), then both warm up (at least ")
                .append("5 steps and 1 s), then they alternate step by step; the table gives the median wall ")
                .append("time of a step. Ratio = TF.js time / Samovar time (above 1: Samovar is faster).\n\n");
        md.append("| workload | Samovar cpu (ms) | TF.js cpu (ms) | ratio | steps | max loss diff (5 steps) |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        JsonArray results = out.getAsJsonArray("results");
        for (JsonElement e : results) {
            JsonObject r = e.getAsJsonObject();
            md.append("| ").append(r.get("name").getAsString()).append(" | ");
            if (r.has("error") && !r.get("error").isJsonNull()) {
                md.append("failed: ").append(r.get("error").getAsString().replace('|', '/').replace('\n', ' '))
                        .append(" | | | | |\n");
                continue;
            }
            double s = r.get("samovar").getAsDouble();
            double t = r.get("tfjs").getAsDouble();
            md.append(BenchmarkReport.ms(s)).append(" | ").append(BenchmarkReport.ms(t)).append(" | ")
                    .append(BenchmarkReport.ratio(t, s)).append(" | ")
                    .append(r.get("runs").getAsInt()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1e", r.get("maxLossDiff").getAsDouble())).append(" |\n");
        }
        md.append("\nRerun: `bin/samovar bench` (needs `npm ci` for TF.js; writes this section).\n");
        BenchmarkReport.writeSection("train", md.toString());
        System.out.println(md);
    }
}
