package dev.samovar.web;

import dev.samovar.io.Json;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Undefined;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;

/**
 * Values crossing between the JS API and the layers: JS argument objects arrive as JSON with
 * {@code {"$ref": i}} for Java objects ({@link RefList}); configs leave as JSON in which
 * {@link #UNDEFINED_MARK} stands for {@code undefined} (the JS side restores it).
 */
final class JsValues {
    /** The JSON string the JS side turns back into {@code undefined}. */
    static final String UNDEFINED_MARK = "\u0001undefined\u0001";

    private JsValues() {
    }

    /** Parses argument JSON and puts the referenced Java objects in place. */
    static Object parse(String json, RefList refs) {
        if (json == null) {
            return null;
        }
        return resolve(Json.parse(json), refs);
    }

    @SuppressWarnings("unchecked")
    static Args args(String json, RefList refs) {
        Object v = parse(json, refs);
        return new Args(v instanceof Map ? (Map<String, Object>) v : new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(Object v, RefList refs) {
        if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (m.size() == 1 && m.get("$ref") instanceof Number && refs != null) {
                return refs.get(((Number) m.get("$ref")).intValue());
            }
            for (Map.Entry<String, Object> e : m.entrySet()) {
                e.setValue(resolve(e.getValue(), refs));
            }
            return m;
        }
        if (v instanceof List) {
            List<Object> l = (List<Object>) v;
            for (int i = 0; i < l.size(); i++) {
                l.set(i, resolve(l.get(i), refs));
            }
            return l;
        }
        return v;
    }

    /** JSON for the JS side: undefined as the mark, shapes (int[]) as arrays. */
    static String toJson(Object v) {
        return Json.stringify(prepare(v));
    }

    private static Object prepare(Object v) {
        if (v == Undefined.INSTANCE) {
            return UNDEFINED_MARK;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof int[]) {
            List<Object> out = new ArrayList<>();
            for (int d : (int[]) v) {
                out.add(d);
            }
            return out;
        }
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(String.valueOf(e.getKey()), prepare(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(prepare(e));
            }
            return out;
        }
        return dev.samovar.layers.serialization.Js.jsonValue(v);
    }

    @JSBody(params = "message", script = "if (typeof console !== 'undefined') { console.warn(message); }")
    static native void consoleWarn(String message);
}
