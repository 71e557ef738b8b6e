package dev.samovar.io;

import dev.samovar.core.JsNumber;
import java.util.List;
import java.util.Map;

/** Small helpers for reading model.json fields with errors that name the field. */
final class ManifestJson {
    private ManifestJson() {
    }

    /** A short description of a JSON value for an error message. */
    static String describe(Object v) {
        if (v == null) {
            return "nothing (null or missing)";
        }
        if (v instanceof String) {
            String s = (String) v;
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
        }
        if (v instanceof Number) {
            return JsNumber.toString(((Number) v).doubleValue());
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v.getClass().getName();
    }

    static Map<?, ?> object(Object v, String where) {
        if (!(v instanceof Map)) {
            throw new ModelFormatException(where + ": expected an object but found " + describe(v));
        }
        return (Map<?, ?>) v;
    }

    static List<?> array(Object v, String where) {
        if (!(v instanceof List)) {
            throw new ModelFormatException(where + ": expected an array but found " + describe(v));
        }
        return (List<?>) v;
    }

    static String string(Object v, String where) {
        if (!(v instanceof String)) {
            throw new ModelFormatException(where + ": expected a string but found " + describe(v));
        }
        return (String) v;
    }
}
