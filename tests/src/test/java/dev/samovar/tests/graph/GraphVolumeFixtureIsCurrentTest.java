package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.tests.ops.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed graph-volume fixture is what TF.js 4.22 computes (gen-graph-volume-fixtures.mjs --check). */
class GraphVolumeFixtureIsCurrentTest {
    @Test
    void fixtureIsTfjsOutput() throws Exception {
        var root = Fixtures.root();
        assertTrue(Files.isDirectory(root.resolve("node_modules/@tensorflow/tfjs")),
                "TF.js is not installed: run `npm ci` in " + root);
        Process p = new ProcessBuilder("node", "tests/fixtures/gen-graph-volume-fixtures.mjs", "--check")
                .directory(root.toFile()).redirectErrorStream(true).start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "gen-graph-volume-fixtures.mjs did not finish in 5 minutes");
        assertEquals(0, p.exitValue(), out);
    }
}
