package dev.samovar.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.tests.ops.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed preprocessing (categoryEncoding, alphaDropout, tf.metrics) and custom-layer
 * fixtures are exactly what TF.js 4.22 computes for the committed cases (their generators rerun
 * with --check).
 */
class LayersApiFixturesAreCurrentTest {
    @ParameterizedTest
    @ValueSource(strings = {"gen-preprocessing-fixtures.mjs", "gen-custom-layer-fixtures.mjs"})
    void fixtureIsTfjsOutput(String generator) throws Exception {
        var root = Fixtures.root();
        assertTrue(Files.isDirectory(root.resolve("node_modules/@tensorflow/tfjs")),
                "TF.js is not installed: run `npm ci` in " + root);
        Process p = new ProcessBuilder("node", "tests/fixtures/" + generator, "--check")
                .directory(root.toFile()).redirectErrorStream(true).start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, generator + " did not finish in 5 minutes");
        assertEquals(0, p.exitValue(), out);
    }
}
