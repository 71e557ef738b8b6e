package dev.samovar.tests.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The committed tf.data and model-file fixtures are exactly what TF.js 4.22 computes now. */
class IoDataFixturesAreCurrentTest {
    private static void check(String script) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(Fixtures.root().resolve("node_modules/@tensorflow/tfjs")),
                "TF.js is not installed: run `npm ci` in " + Fixtures.root());
        Process p = new ProcessBuilder("node", script, "--check").directory(Fixtures.root().toFile())
                .redirectErrorStream(true).start();
        boolean finished = p.waitFor(3, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, script + " did not finish in 3 minutes");
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void theDataFixtureIsTfjsOutput() throws Exception {
        check("tests/fixtures/gen-data-fixtures.mjs");
    }

    @Test
    void theModelFileFixturesAreTfjsOutput() throws Exception {
        Assumptions.assumeTrue(IoFixtures.sharedModels() != null, "no ../shared/models/tfjs in this checkout");
        check("tests/fixtures/gen-io-fixtures.mjs");
    }
}
