package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.convert.SamovarConvert;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.graph.Corpus;
import dev.samovar.tests.ops.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few corpus Keras models converted by samovar-convert and loaded in headless Chromium by
 * samovar.loadLayersModel (over http from the test server, cpu backend), against TF.js 4.22's
 * tf.loadLayersModel of the same files in the same page on the same inputs: outputs within 1e-4.
 * (Every convertible corpus model is checked on the JVM by converter-cli's CorpusConversionTest.)
 */
class ConvertedLayersBrowserTest {
    private static StaticServer server;
    private static Chromium chromium;
    private static Path converted;

    @BeforeAll
    static void start() throws Exception {
        if (Corpus.models() == null) {
            return;
        }
        converted = Files.createTempDirectory("converted-layers");
        Path root = Fixtures.root();
        server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .mount("/converted/", converted)
                .start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/converted-layers-runner.html"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras_h5/dl4j/fullconfigs/cnn/cnn_batch_norm.h5",
            "keras_h5/dl4j/examples/simple_lstm/simple_lstm_tf_keras_2_model.h5", "keras3/fashion_mnist_cnn/model.keras"})
    void convertedModelPredictsInThePageLikeTfjs(String model) throws Exception {
        Assumptions.assumeTrue(chromium != null, "shared/models is not present");
        String name = model.replace('/', '_').replace('.', '_');
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SamovarConvert.run(new String[] {Corpus.models().resolve(model).toString(), converted.resolve(name).toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, model + ": " + err.toString(StandardCharsets.UTF_8));
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.runConvertedLayersModel(arguments[0]).then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));",
                "/converted/" + name + "/model.json");
        JsonObject got = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
        if (got.has("fatal")) {
            throw new AssertionError(model + ": " + got.get("fatal").getAsString());
        }
        JsonArray sv = got.getAsJsonArray("samovar");
        JsonArray tf = got.getAsJsonArray("tfjs");
        assertEquals(tf.size(), sv.size(), model + ": number of outputs");
        for (int i = 0; i < tf.size(); i++) {
            JsonObject e = tf.get(i).getAsJsonObject();
            JsonObject a = sv.get(i).getAsJsonObject();
            assertEquals(e.get("shape"), a.get("shape"), model + " output " + i + " shape");
            JsonArray ev = e.getAsJsonArray("values");
            JsonArray av = a.getAsJsonArray("values");
            assertEquals(ev.size(), av.size(), model + " output " + i + " size");
            assertTrue(ev.size() > 0, model + " output " + i + " is empty");
            for (int k = 0; k < ev.size(); k++) {
                double d = Math.abs(ev.get(k).getAsDouble() - av.get(k).getAsDouble());
                assertTrue(d <= 1e-4, model + " output " + i + "[" + k + "]: TF.js " + ev.get(k) + ", Samovar " + av.get(k));
            }
        }
    }
}
