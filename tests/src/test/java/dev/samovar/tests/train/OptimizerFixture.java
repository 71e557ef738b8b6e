package dev.samovar.tests.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * The optimizer fixture made by tests/fixtures/gen-optimizer-fixtures.mjs (TF.js 4.22), and the
 * comparison of a replay's result with it, shared by the JVM and the Chromium suites. A result has
 * the shape of a run's {@code expected}: steps (loss, variables, numTensors), weights or
 * weightsError, iterations, config, tensor counts.
 */
public final class OptimizerFixture {
    /** Values match within this, absolute plus relative. */
    public static final double TOLERANCE = 1e-5;

    private static JsonObject root;

    private OptimizerFixture() {
    }

    public static Path file() {
        return Fixtures.root().resolve("tests/src/test/resources/fixtures/optimizers/optimizers.json");
    }

    public static synchronized JsonObject root() {
        if (root == null) {
            try {
                root = JsonParser.parseString(Files.readString(file(), StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static List<JsonObject> runs() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : root().getAsJsonArray("runs")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    public static JsonObject problem(String name) {
        return root().getAsJsonObject("problems").getAsJsonObject(name);
    }

    /** A run's display name, saying when it needs gradients that may not exist yet. */
    public static String displayName(JsonObject run) {
        String name = run.get("name").getAsString();
        return run.has("needsGradients") ? name + " (needs the " + run.get("needsGradients").getAsString()
                + " gradients)" : name;
    }

    /** A fixture number: a JSON number, or "NaN" / "Infinity" / "-Infinity". */
    public static double number(JsonElement e) {
        String s = e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
        if (s != null) {
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
        }
        return e.getAsDouble();
    }

    public static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) number(a.get(i));
        }
        return out;
    }

    public static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    /** Fails unless {@code actual} matches the run's expected result. */
    public static void check(JsonObject run, JsonObject actual) {
        check(run, actual, TOLERANCE);
    }

    /** As {@link #check(JsonObject, JsonObject)}, with values within {@code tol} absolute + relative. */
    public static void check(JsonObject run, JsonObject actual, double tol) {
        JsonObject expected = run.getAsJsonObject("expected");
        JsonArray es = expected.getAsJsonArray("steps");
        JsonArray as = actual.getAsJsonArray("steps");
        Assertions.assertEquals(es.size(), as.size(), "number of steps");
        for (int i = 0; i < es.size(); i++) {
            JsonObject e = es.get(i).getAsJsonObject();
            JsonObject a = as.get(i).getAsJsonObject();
            String at = "step " + (i + 1) + ": ";
            close(number(e.get("loss")), number(a.get("loss")), at + "loss", tol);
            for (Map.Entry<String, JsonElement> v : e.getAsJsonObject("variables").entrySet()) {
                closeAll(v.getValue().getAsJsonArray(), a.getAsJsonObject("variables").getAsJsonArray(v.getKey()),
                        at + "variable " + v.getKey(), tol);
            }
            Assertions.assertEquals(e.get("numTensors").getAsInt(), a.get("numTensors").getAsInt(),
                    at + "tensors alive, relative to before the optimizer was made");
        }
        if (expected.has("savedWeightNames")) {
            Assertions.assertEquals(expected.get("savedWeightNames"), actual.get("savedWeightNames"),
                    "names of the saved weights");
        }
        if (expected.has("weightsError")) {
            Assertions.assertEquals(expected.get("weightsError").getAsString(),
                    actual.has("weightsError") ? actual.get("weightsError").getAsString() : null, "getWeights() error");
        } else {
            Assertions.assertFalse(actual.has("weightsError"),
                    () -> "getWeights() failed: " + actual.get("weightsError"));
            JsonArray ew = expected.getAsJsonArray("weights");
            JsonArray aw = actual.getAsJsonArray("weights");
            Assertions.assertEquals(names(ew), names(aw), "getWeights() names");
            for (int i = 0; i < ew.size(); i++) {
                JsonObject e = ew.get(i).getAsJsonObject();
                JsonObject a = aw.get(i).getAsJsonObject();
                String name = "weight " + e.get("name").getAsString();
                Assertions.assertEquals(e.get("dtype").getAsString(), a.get("dtype").getAsString(), name + " dtype");
                Assertions.assertArrayEquals(ints(e.getAsJsonArray("shape")), ints(a.getAsJsonArray("shape")),
                        name + " shape");
                closeAll(e.getAsJsonArray("data"), a.getAsJsonArray("data"), name, tol);
            }
        }
        Assertions.assertEquals(expected.get("iterations").getAsInt(), actual.get("iterations").getAsInt(),
                "iterations");
        JsonObject ec = expected.getAsJsonObject("config");
        JsonObject ac = actual.getAsJsonObject("config");
        Assertions.assertEquals(ec.keySet().stream().toList(), ac.keySet().stream().toList(), "getConfig() keys");
        for (String k : ec.keySet()) {
            JsonElement e = ec.get(k);
            JsonElement a = ac.get(k);
            if (e.getAsJsonPrimitive().isBoolean()) {
                Assertions.assertEquals(e.getAsBoolean(), a.getAsBoolean(), "getConfig()." + k);
            } else {
                Assertions.assertEquals(e.getAsDouble(), a.getAsDouble(), 0, "getConfig()." + k);
            }
        }
        for (String k : new String[] {"tensorsAlive", "tensorsAfterDispose", "tensorsLeft"}) {
            Assertions.assertEquals(expected.get(k).getAsInt(), actual.get(k).getAsInt(), k);
        }
    }

    private static List<String> names(JsonArray weights) {
        List<String> out = new ArrayList<>();
        for (JsonElement w : weights) {
            out.add(w.getAsJsonObject().get("name").getAsString());
        }
        return out;
    }

    private static void closeAll(JsonArray expected, JsonArray actual, String what, double tol) {
        Assertions.assertNotNull(actual, what + ": missing");
        Assertions.assertEquals(expected.size(), actual.size(), what + ": size");
        for (int i = 0; i < expected.size(); i++) {
            close(number(expected.get(i)), number(actual.get(i)), what + "[" + i + "]", tol);
        }
    }

    private static void close(double expected, double actual, String what, double tol) {
        if (Double.isNaN(expected) && Double.isNaN(actual) || expected == actual) {
            return;
        }
        if (!(Math.abs(expected - actual) <= tol + tol * Math.abs(expected))) {
            Assertions.fail(what + ": expected " + expected + " (TF.js) but was " + actual);
        }
    }
}
