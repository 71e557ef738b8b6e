package dev.samovar.tests.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** What running a case produced (on the JVM or in a page), and its verdict against TF.js. */
public final class Outcome {
    public final JsonElement result;
    public final String error;
    /** Exception class of a JVM error (null in the page). */
    public final String errorType;
    public final int newTensors;
    public final boolean jsOnly;

    public Outcome(JsonElement result, String error, String errorType, int newTensors, boolean jsOnly) {
        this.result = result;
        this.error = error;
        this.errorType = errorType;
        this.newTensors = newTensors;
        this.jsOnly = jsOnly;
    }

    /** The page runner's JSON: {result, newTensors} or {error}. */
    public static Outcome fromJson(JsonObject o) {
        if (o.has("error")) {
            return new Outcome(null, o.get("error").getAsString(), null, -1, false);
        }
        return new Outcome(o.get("result"), null, null, o.has("newTensors") ? o.get("newTensors").getAsInt() : -1,
                false);
    }

    /** Fails (or skips) the current test unless this outcome matches TF.js's for the case. */
    public void check(OpCase c) {
        Assumptions.assumeFalse(jsOnly, "converts JS values: covered by the browser suite");
        String expectedError = c.expectedError();
        if (expectedError != null) {
            Assertions.assertNotNull(error, () -> "TF.js fails with \"" + expectedError + "\" but Samovar returned "
                    + result);
            if (errorType != null && !errorType.equals("IllegalArgumentException")
                    && !errorType.equals("IllegalStateException")) {
                Assertions.fail("Samovar failed with " + errorType + " (" + error + "): bad input must give a clear "
                        + "IllegalArgumentException; TF.js says \"" + expectedError + "\"");
            }
            if (!c.looseError) {
                Assertions.assertEquals(expectedError, error, "error message differs from TF.js's");
            }
            return;
        }
        if (error != null) {
            Assertions.fail("Samovar failed" + (errorType != null ? " with " + errorType : "") + ": " + error);
        }
        List<String> problems = new ArrayList<>(Compare.diff(result, c.expectedResult(), c.rtol, c.atol));
        int expectedNew = c.expectedNewTensors();
        if (expectedNew >= 0 && newTensors >= 0 && expectedNew != newTensors) {
            problems.add("the call left " + newTensors + " new tensors, TF.js leaves " + expectedNew);
        }
        if (!problems.isEmpty()) {
            Assertions.fail(String.join("\n", problems));
        }
    }
}
