package dev.samovar.layers.serialization;

import java.util.List;

/** TF.js's argument checks of layers (generic_utils.js), with their messages. */
public final class Checks {
    private Checks() {
    }

    /** checkStringTypeUnionValue: null passes; otherwise value must be one of values. */
    public static void stringUnion(List<String> values, String label, Object value) {
        if (Undefined.isAbsent(value)) {
            return;
        }
        if (!values.contains(value)) {
            throw new IllegalArgumentException(Js.str(value) + " is not a valid " + label + ".  Valid values are "
                    + String.join(",", values) + " or null/undefined.");
        }
    }

    /** assertPositiveInteger for a number (arrays: each element, named "element i of name"). */
    public static void positiveInteger(Object value, String name) {
        if (value instanceof List) {
            List<?> l = (List<?>) value;
            if (l.isEmpty()) {
                throw new IllegalArgumentException(name + " is unexpectedly an empty array.");
            }
            for (int i = 0; i < l.size(); i++) {
                positiveInteger(l.get(i), "element " + (i + 1) + " of " + name);
            }
            return;
        }
        boolean ok = value instanceof Number && isInteger(((Number) value).doubleValue())
                && ((Number) value).doubleValue() > 0;
        if (!ok) {
            throw new IllegalArgumentException("Expected " + name + " to be a positive integer, but got "
                    + friendly(value) + ".");
        }
    }

    private static boolean isInteger(double d) {
        return !Double.isInfinite(d) && !Double.isNaN(d) && d == Math.floor(d);
    }

    /** formatAsFriendlyString: null, [a,b], "string", or the value. */
    public static String friendly(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            List<?> l = (List<?>) value;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(friendly(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        return Js.str(value);
    }
}
