package dev.samovar.convert.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to Keras JSON (values as parsed by {@code dev.samovar.io.Json}). */
final class Cfg {
    private Cfg() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : null;
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof String ? (String) v : null;
    }

    static boolean bool(Map<String, Object> m, String key, boolean dflt) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Boolean ? (Boolean) v : dflt;
    }

    /** An integer value, or {@code dflt} when absent or null. */
    static int integer(Map<String, Object> m, String key, int dflt) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number ? ((Number) v).intValue() : dflt;
    }

    static Double number(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : null;
    }

    /** An int tuple ({@code kernel_size: 3} or {@code [3, 3]}) expanded to {@code n} values; null when absent. */
    static int[] tuple(Map<String, Object> m, String key, int n) {
        Object v = m == null ? null : m.get(key);
        if (v instanceof Number) {
            int[] out = new int[n];
            java.util.Arrays.fill(out, ((Number) v).intValue());
            return out;
        }
        List<Object> l = list(v);
        if (l == null) {
            return null;
        }
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = l.get(i);
            out[i] = x instanceof Number ? ((Number) x).intValue() : -1;
        }
        return out;
    }

    /** A deep copy of a JSON value. */
    static Object copy(Object o) {
        if (o instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                out.put((String) e.getKey(), copy(e.getValue()));
            }
            return out;
        }
        if (o instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) o) {
                out.add(copy(x));
            }
            return out;
        }
        return o;
    }

    static List<Object> ints(int... values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) {
            out.add((double) v);
        }
        return out;
    }
}
