package dev.samovar.tests.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed fixtures are exactly what TF.js 4.22 computes for the committed cases: reruns
 * every case on TF.js (Node, package-lock.json) and compares, so no expected value can drift from
 * its reference or be edited by hand.
 */
class FixturesAreCurrentTest {
    @Test
    void everyFixtureIsTfjsOutput() throws IOException, InterruptedException {
        Path root = Fixtures.root();
        assertTrue(Files.isDirectory(root.resolve("node_modules/@tensorflow/tfjs")),
                "TF.js is not installed: run `npm ci` in " + root);
        Process p = new ProcessBuilder("node", "tests/fixtures/gen-op-fixtures.mjs", "--check")
                .directory(root.toFile()).redirectErrorStream(true).start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "the fixture check did not finish in 10 minutes");
        assertEquals(0, p.exitValue(), out);
    }
}
