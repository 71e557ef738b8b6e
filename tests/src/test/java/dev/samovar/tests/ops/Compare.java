package dev.samovar.tests.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a result encoded as fixture JSON with TF.js's: shapes, dtypes, strings and ints
 * exactly; float32 values within {@code atol + rtol * |expected|}; NaN and infinities by kind.
 */
public final class Compare {
    private final double rtol;
    private final double atol;
    private final List<String> problems = new ArrayList<>();

    private Compare(double rtol, double atol) {
        this.rtol = rtol;
        this.atol = atol;
    }

    /** The differences found (empty when equal), each naming where it is. */
    public static List<String> diff(JsonElement actual, JsonElement expected, double rtol, double atol) {
        Compare c = new Compare(rtol, atol);
        c.compare("result", actual, expected);
        return c.problems;
    }

    private void compare(String where, JsonElement a, JsonElement e) {
        if (problems.size() > 8) {
            return;
        }
        if (e == null || e.isJsonNull()) {
            if (a != null && !a.isJsonNull()) {
                problems.add(where + ": expected null/undefined, got " + brief(a));
            }
            return;
        }
        if (a == null || a.isJsonNull()) {
            problems.add(where + ": expected " + brief(e) + ", got nothing");
            return;
        }
        if (e.isJsonObject() && e.getAsJsonObject().has("tensor")) {
            if (!a.isJsonObject() || !a.getAsJsonObject().has("tensor")) {
                problems.add(where + ": expected a tensor, got " + brief(a));
                return;
            }
            compareTensor(where, a.getAsJsonObject().getAsJsonObject("tensor"),
                    e.getAsJsonObject().getAsJsonObject("tensor"));
        } else if (e.isJsonArray()) {
            if (!a.isJsonArray() || a.getAsJsonArray().size() != e.getAsJsonArray().size()) {
                problems.add(where + ": expected an array of " + e.getAsJsonArray().size() + ", got " + brief(a));
                return;
            }
            for (int i = 0; i < e.getAsJsonArray().size(); i++) {
                compare(where + "[" + i + "]", a.getAsJsonArray().get(i), e.getAsJsonArray().get(i));
            }
        } else if (e.isJsonObject()) {
            if (!a.isJsonObject()) {
                problems.add(where + ": expected an object, got " + brief(a));
                return;
            }
            Set<String> keys = new TreeSet<>(e.getAsJsonObject().keySet());
            if (!keys.equals(new TreeSet<>(a.getAsJsonObject().keySet()))) {
                problems.add(where + ": expected keys " + keys + ", got " + a.getAsJsonObject().keySet());
                return;
            }
            for (String k : keys) {
                compare(where + "." + k, a.getAsJsonObject().get(k), e.getAsJsonObject().get(k));
            }
        } else {
            comparePrimitive(where, a, e.getAsJsonPrimitive());
        }
    }

    private void comparePrimitive(String where, JsonElement a, JsonPrimitive e) {
        if (!a.isJsonPrimitive()) {
            problems.add(where + ": expected " + e + ", got " + brief(a));
            return;
        }
        JsonPrimitive ap = a.getAsJsonPrimitive();
        if (isNumberLike(e) && isNumberLike(ap)) {
            double ev = num(e);
            double av = num(ap);
            if (!close(av, ev)) {
                problems.add(where + ": expected " + e + ", got " + ap);
            }
        } else if (!e.equals(ap)) {
            problems.add(where + ": expected " + e + ", got " + ap);
        }
    }

    private static boolean isNumberLike(JsonPrimitive p) {
        return p.isNumber() || (p.isString() && Set.of("NaN", "Infinity", "-Infinity", "-0").contains(p.getAsString()));
    }

    static double num(JsonElement p) {
        if (p.getAsJsonPrimitive().isString()) {
            switch (p.getAsString()) {
                case "NaN":
                    return Double.NaN;
                case "-0":
                    return -0.0;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw new IllegalArgumentException("not a number: " + p);
            }
        }
        if (p.getAsJsonPrimitive().isBoolean()) {
            return p.getAsBoolean() ? 1 : 0;
        }
        return p.getAsDouble();
    }

    private boolean close(double a, double e) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return a == e;
        }
        return Math.abs(a - e) <= atol + rtol * Math.abs(e);
    }

    private void compareTensor(String where, JsonObject a, JsonObject e) {
        if (!a.get("dtype").equals(e.get("dtype"))) {
            problems.add(where + ": dtype " + a.get("dtype") + ", expected " + e.get("dtype"));
        }
        if (!a.get("shape").equals(e.get("shape"))) {
            problems.add(where + ": shape " + a.get("shape") + ", expected " + e.get("shape"));
            return;
        }
        JsonArray ad = a.getAsJsonArray("data");
        JsonArray ed = e.getAsJsonArray("data");
        if (ad.size() != ed.size()) {
            problems.add(where + ": " + ad.size() + " values, expected " + ed.size());
            return;
        }
        boolean exact = !"float32".equals(e.get("dtype").getAsString());
        int bad = 0;
        StringBuilder first = new StringBuilder();
        double worst = 0;
        for (int i = 0; i < ed.size(); i++) {
            double ev = num(ed.get(i));
            double av = num(ad.get(i));
            boolean ok = exact ? (ev == av || (Double.isNaN(ev) && Double.isNaN(av))) : close(av, ev);
            if (!ok) {
                if (bad < 5) {
                    first.append(" [").append(i).append("] ").append(av).append(" vs ").append(ev);
                }
                bad++;
                if (!Double.isNaN(av - ev)) {
                    worst = Math.max(worst, Math.abs(av - ev));
                }
            }
        }
        if (bad > 0) {
            problems.add(where + ": " + bad + " of " + ed.size() + " values differ (max abs diff " + worst + "):" + first);
        }
    }

    private static String brief(JsonElement a) {
        String s = String.valueOf(a);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
