package dev.samovar.tests.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** One case of a fixture file: the TF.js call, its arguments and TF.js's outcome. */
public final class OpCase {
    public final String file;
    public final String name;
    /** A path on tf ("add", "losses.meanSquaredError"), or null for a method case. */
    public final String op;
    /** A Tensor method called on args[0], or null. */
    public final String method;
    public final JsonArray args;
    public final boolean error;
    public final boolean looseError;
    public final double rtol;
    public final double atol;
    /** Indices of the arguments to differentiate (a gradient case), or null. */
    public final int[] grad;
    /** Which output of a multi-output op is differentiated (an index or a key), or null. */
    public final JsonElement gradPick;
    /** The upstream gradient of a gradient case (encoded tensor), or null for ones. */
    public final JsonElement dy;
    /** Whether the JVM also checks the gradient against central finite differences. */
    public final boolean finiteDifferences;
    /** TF.js's outcome: {result, newTensors} or {error}. */
    public final JsonObject expected;
    public final JsonObject json;

    OpCase(String file, JsonObject c) {
        this.file = file;
        this.json = c;
        this.name = c.get("name").getAsString();
        this.op = c.has("op") ? c.get("op").getAsString() : null;
        this.method = c.has("method") ? c.get("method").getAsString() : null;
        this.args = c.has("args") ? c.getAsJsonArray("args") : new JsonArray();
        this.error = c.has("error") && c.get("error").getAsBoolean();
        this.looseError = c.has("looseError") && c.get("looseError").getAsBoolean();
        JsonObject tol = c.has("tol") ? c.getAsJsonObject("tol") : new JsonObject();
        this.rtol = tol.has("rtol") ? tol.get("rtol").getAsDouble() : 1e-6;
        this.atol = tol.has("atol") ? tol.get("atol").getAsDouble() : 1e-6;
        this.expected = c.getAsJsonObject("expected");
        if (c.has("grad")) {
            JsonArray g = c.getAsJsonArray("grad");
            grad = new int[g.size()];
            for (int i = 0; i < grad.length; i++) {
                grad[i] = g.get(i).getAsInt();
            }
        } else {
            grad = null;
        }
        this.gradPick = c.has("gradPick") ? c.get("gradPick") : null;
        this.dy = c.has("dy") ? c.get("dy") : null;
        this.finiteDifferences = !c.has("fd") || c.get("fd").getAsBoolean();
    }

    /** The name an adapter is registered under: the op path, or "." + method. */
    public String key() {
        return op != null ? op : "." + method;
    }

    public JsonElement expectedResult() {
        return expected.get("result");
    }

    public String expectedError() {
        return expected.has("error") ? expected.get("error").getAsString() : null;
    }

    /** Tensors TF.js left behind from the call (its result included), or -1 when unknown. */
    public int expectedNewTensors() {
        // tensorCount: false: TF.js leaves intermediates alive there (meshgrid), Samovar does not.
        if (json.has("tensorCount") && !json.get("tensorCount").getAsBoolean()) {
            return -1;
        }
        return expected.has("newTensors") ? expected.get("newTensors").getAsInt() : -1;
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
