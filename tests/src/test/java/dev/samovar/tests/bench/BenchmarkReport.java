package dev.samovar.tests.bench;

import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
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
}
