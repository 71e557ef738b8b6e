package dev.samovar.tests.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import dev.samovar.tests.browser.TestSite;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites one marked section of BENCHMARKS.md, leaving the others as they are. */
final class BenchmarkReport {
    private BenchmarkReport() {
    }

    static Path file() {
        return Fixtures.root().resolve("BENCHMARKS.md");
    }

    static void writeSection(String id, String body) throws IOException {
        Path f = file();
        String begin = "<!-- bench:" + id + " -->";
        String end = "<!-- /bench:" + id + " -->";
        String text = Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nWritten by `bin/samovar bench`; each section says how it was measured.\n";
        String section = begin + "\n" + body.strip() + "\n" + end;
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + section + text.substring(e + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** A one-line description of this machine's CPU, from /proc/cpuinfo where available. */
    static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + ", "
                            + Runtime.getRuntime().availableProcessors() + " cores";
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return Runtime.getRuntime().availableProcessors() + " cores";
    }

    /**
     * Opens a page of the test site in headless Chromium and awaits {@code window.<function>({})},
     * which resolves to a JSON string: the parsed result (failing on {fatal}).
     */
    static JsonObject runInPage(String page, String function) throws IOException {
        try (StaticServer server = TestSite.start(); Chromium chromium = new Chromium()) {
            chromium.driver().get(server.url(page));
            Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "window." + function + "({}).then(done, e => done(JSON.stringify({fatal: String(e)})));");
            JsonObject out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
            if (out.has("fatal")) {
                throw new AssertionError(out.get("fatal").getAsString());
            }
            return out;
        }
    }

    /** "Chromium 156..." from a user agent. */
    static String browser(String userAgent) {
        int i = userAgent.indexOf("Chrome/");
        return i < 0 ? "Chromium" : "Chromium " + userAgent.substring(i + 7).split(" ")[0];
    }

    /** Milliseconds with 3 significant-ish digits. */
    static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }

    /** TF.js time over Samovar time, as "2.35×". */
    static String ratio(double tfjs, double samovar) {
        return String.format(Locale.ROOT, "%.2f×", tfjs / samovar);
    }
}
