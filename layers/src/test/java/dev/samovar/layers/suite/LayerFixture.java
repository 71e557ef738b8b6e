package dev.samovar.layers.suite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The layer fixture made by tests/fixtures/gen-layer-fixtures.mjs (TF.js 4.22) from the cases of
 * tests/src/test/resources/web/layer-cases.js, and the comparison of a run with it.
 */
public final class LayerFixture {
    public static final double TOLERANCE = 1e-5;

    private LayerFixture() {
    }

    /** The repository root (the property samovar.root, else the parent of the working directory). */
    public static Path root() {
        String r = System.getProperty("samovar.root");
        return (r != null ? Path.of(r) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path dir() {
        return root().resolve("tests/src/test/resources/fixtures/layers");
    }

    public static JsonObject load(String file) {
        try {
            return JsonParser.parseString(Files.readString(dir().resolve(file), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonObject> results() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : load("layers.json").getAsJsonArray("results")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /** A number of the fixture ('NaN', 'Infinity', '-0' are strings). */
    public static double number(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0" -> -0.0;
                default -> Double.parseDouble(s);
            };
        }
        return e.getAsDouble();
    }

    public static void closeValues(String what, JsonArray expected, JsonArray actual, double tol) {
        Assertions.assertEquals(expected.size(), actual.size(), what + ": number of values");
        for (int i = 0; i < expected.size(); i++) {
            double e = number(expected.get(i));
            double a = number(actual.get(i));
            if (Double.isNaN(e)) {
                Assertions.assertTrue(Double.isNaN(a), what + "[" + i + "]: expected NaN, got " + a);
                continue;
            }
            double scale = Math.max(1, Math.abs(e));
            Assertions.assertTrue(Math.abs(e - a) <= tol * scale,
                    what + "[" + i + "]: expected " + e + ", got " + a);
        }
    }

    /** Name with the per-class uid removed where the name was generated (uids depend on run order). */
    static String nameStem(String name) {
        return name.replaceAll("\\d+$", "");
    }

    /** Compares a run of a case with the TF.js result. */
    public static void check(JsonObject testCase, JsonObject expected, JsonObject actual, boolean exactNames) {
        if (expected.has("error")) {
            Assertions.assertTrue(actual.has("error"), "expected the error: " + expected.get("error").getAsString());
            Assertions.assertEquals(expected.get("error").getAsString(), actual.get("error").getAsString());
            return;
        }
        if (actual.has("error")) {
            Assertions.fail(actual.get("error").getAsString());
        }
        Assertions.assertEquals(expected.get("className"), actual.get("className"), "className");
        String en = expected.get("name").getAsString();
        String an = actual.get("name").getAsString();
        boolean named = testCase.getAsJsonObject("args").has("name");
        Assertions.assertEquals(exactNames || named ? en : nameStem(en), exactNames || named ? an : nameStem(an), "name");
        JsonArray ew = expected.getAsJsonArray("weights");
        JsonArray aw = actual.getAsJsonArray("weights");
        Assertions.assertEquals(ew.size(), aw.size(), "weights");
        for (int i = 0; i < ew.size(); i++) {
            JsonObject e = ew.get(i).getAsJsonObject();
            JsonObject a = aw.get(i).getAsJsonObject();
            String wen = e.get("name").getAsString();
            String wan = a.get("name").getAsString();
            if (!(exactNames || named)) {
                // Generated names carry process-wide counters (layer uids, and a "_1" suffix once a
                // weight name was used before): compare the stems; the page compares them exactly.
                wen = wen.replaceAll("\\d+/", "/").replaceAll("_\\d+$", "");
                wan = wan.replaceAll("\\d+/", "/").replaceAll("_\\d+$", "");
            }
            Assertions.assertEquals(wen, wan, "weight name");
            Assertions.assertEquals(e.get("shape"), a.get("shape"), "weight shape " + wen);
            Assertions.assertEquals(e.get("trainable"), a.get("trainable"), "weight trainable " + wen);
        }
        JsonObject ec = expected.getAsJsonObject("config").deepCopy();
        JsonObject ac = actual.getAsJsonObject("config").deepCopy();
        if (!(exactNames || named)) {
            ec.remove("name");
            ac.remove("name");
        }
        Assertions.assertEquals(ec, ac, "config");
        if (expected.has("initialWeights")) {
            checkTensors("initial weight", expected.getAsJsonArray("initialWeights"),
                    actual.getAsJsonArray("initialWeights"));
        }
        if (expected.has("regularizerLosses")) {
            closeValues("regularizer losses", expected.getAsJsonArray("regularizerLosses"),
                    actual.getAsJsonArray("regularizerLosses"), TOLERANCE);
        }
        checkTensors("output", expected.getAsJsonArray("outputs"), actual.getAsJsonArray("outputs"));
        if (expected.has("inputGrads")) {
            checkTensors("input gradient", expected.getAsJsonArray("inputGrads"), actual.getAsJsonArray("inputGrads"));
        }
        if (expected.has("weightGrads")) {
            checkTensors("weight gradient", expected.getAsJsonArray("weightGrads"), actual.getAsJsonArray("weightGrads"));
        }
        Assertions.assertEquals(expected.get("tensorsLeft"), actual.get("tensorsLeft"), "tensors left");
    }

    static void checkTensors(String what, JsonArray expected, JsonArray actual) {
        Assertions.assertNotNull(actual, what + " missing");
        Assertions.assertEquals(expected.size(), actual.size(), what + " count");
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            JsonObject a = actual.get(i).getAsJsonObject();
            Assertions.assertEquals(e.get("shape"), a.get("shape"), what + " " + i + " shape");
            if (e.has("dtype")) {
                Assertions.assertEquals(e.get("dtype"), a.get("dtype"), what + " " + i + " dtype");
            }
            closeValues(what + " " + i, e.getAsJsonArray("data"), a.getAsJsonArray("data"), TOLERANCE);
        }
    }
}
