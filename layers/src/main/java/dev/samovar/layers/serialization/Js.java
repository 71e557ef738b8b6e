package dev.samovar.layers.serialization;

import dev.samovar.core.JsNumber;
import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How JavaScript turns values into text, for TF.js's messages word for word: {@link #str} is a
 * template literal's {@code `${v}`}, {@link #json} is {@code JSON.stringify(v)}.
 */
public final class Js {
    private Js() {
    }

    /** {@code `${v}`}: arrays join with commas (null and undefined elements print as nothing). */
    public static String str(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number) {
            return JsNumber.toString(((Number) v).doubleValue());
        }
        if (v instanceof Boolean || v == Undefined.INSTANCE) {
            return String.valueOf(v);
        }
        if (v instanceof Tensor) {
            return v.toString();
        }
        if (v instanceof int[]) {
            StringBuilder sb = new StringBuilder();
            int[] a = (int[]) v;
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(a[i]);
            }
            return sb.toString();
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder();
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object e = l.get(i);
                if (!Undefined.isAbsent(e)) {
                    sb.append(str(e));
                }
            }
            return sb.toString();
        }
        return "[object Object]";
    }

    /** {@code JSON.stringify(v)}: undefined map values are left out, undefined list items are null. */
    public static String json(Object v) {
        return Json.stringify(jsonValue(v));
    }

    /** {@code JSON.stringify(v, null, indent)}. */
    public static String json(Object v, String indent) {
        return Json.stringify(jsonValue(v), indent);
    }

    /** A copy of v holding only what {@link Json} writes (undefined dropped as JSON.stringify drops it). */
    public static Object jsonValue(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v == Undefined.INSTANCE) {
            return null;
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
                if (e.getValue() != Undefined.INSTANCE) {
                    out.put(String.valueOf(e.getKey()), jsonValue(e.getValue()));
                }
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(jsonValue(e));
            }
            return out;
        }
        if (v instanceof Serializable) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("className", ((Serializable) v).getClassName());
            out.put("config", jsonValue(((Serializable) v).getConfig()));
            return out;
        }
        return new LinkedHashMap<String, Object>();
    }
}
