package dev.samovar.layers.serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's two config spellings and the conversion between them (utils/serialization_utils.js):
 * the "TS" form that {@code getConfig()} returns (camelCase keys and string values: {@code useBias},
 * {@code 'channelsLast'}, {@code 'fanAvg'}) and the "pythonic" form of Keras JSON (snake_case:
 * {@code use_bias}, {@code 'channels_last'}). The conversion is generic, as in TF.js: every key and
 * every string value is converted, except {@code name} (and {@code className}) values and the layer
 * names that open inbound-node and input/output-layer entries.
 */
public final class Pythonic {
    private Pythonic() {
    }

    /** TF.js's convertTsToPythonic: camelCase config → snake_case (undefined becomes null). */
    public static Object toPythonic(Object ts) {
        return toPythonic(ts, null);
    }

    private static Object toPythonic(Object ts, String key) {
        if (Undefined.isAbsent(ts)) {
            return null;
        }
        if (ts instanceof String) {
            return toSnakeCase((String) ts);
        }
        if (ts instanceof Number || ts instanceof Boolean) {
            return ts;
        }
        if (ts instanceof int[]) {
            return Dims.toList((int[]) ts);
        }
        if (ts instanceof List) {
            List<?> l = (List<?>) ts;
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                out.add(isLayerNameItem(key, i, item) ? item : toPythonic(item, key));
            }
            return out;
        }
        if (ts instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) ts).entrySet()) {
                String tsKey = String.valueOf(e.getKey());
                Object value = e.getValue();
                String pyKey = toSnakeCase(tsKey);
                if ((tsKey.equals("name") || tsKey.equals("className")) && value instanceof String) {
                    out.put(pyKey, value);
                } else {
                    out.put(pyKey, toPythonic(value, tsKey));
                }
            }
            return out;
        }
        if (ts instanceof Serializable) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("className", ((Serializable) ts).getClassName());
            m.put("config", ((Serializable) ts).getConfig());
            return toPythonic(m, key);
        }
        throw new IllegalArgumentException("Cannot serialize a " + ts.getClass().getName() + " in a config");
    }

    /** TF.js's convertPythonicToTs: snake_case Keras JSON → camelCase config. */
    public static Object toTs(Object pythonic) {
        return toTs(pythonic, null);
    }

    /** {@link #toTs} of a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toTsMap(Object pythonic) {
        return (Map<String, Object>) toTs(pythonic, null);
    }

    private static Object toTs(Object py, String key) {
        if (py == null || py == Undefined.INSTANCE) {
            return null;
        }
        if (py instanceof String) {
            return toCamelCase((String) py);
        }
        if (py instanceof Number || py instanceof Boolean) {
            return py;
        }
        if (py instanceof List) {
            List<?> l = (List<?>) py;
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                out.add(isLayerNameItem(key, i, item) ? item : toTs(item, key));
            }
            return out;
        }
        if (py instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) py).entrySet()) {
                String pyKey = String.valueOf(e.getKey());
                Object value = e.getValue();
                if (pyKey.equals("name") && value instanceof String) {
                    out.put(pyKey, value);
                } else {
                    String tsKey = toCamelCase(pyKey);
                    out.put(tsKey, toTs(value, tsKey));
                }
            }
            return out;
        }
        throw new IllegalArgumentException("Cannot read a " + py.getClass().getName() + " in a config");
    }

    private static boolean isLayerNameItem(String key, int index, Object value) {
        return ("inboundNodes".equals(key) || "outputLayers".equals(key) || "inputLayers".equals(key)) && index == 0
                && value instanceof String;
    }

    /** TF.js's toSnakeCase: {@code 'GlorotUniform'} → {@code 'glorot_uniform'}, {@code 'dense'} unchanged. */
    public static String toSnakeCase(String name) {
        String intermediate = splitBeforeCapitalWords(name);
        StringBuilder sb = new StringBuilder(intermediate.length() + 4);
        for (int i = 0; i < intermediate.length(); i++) {
            char c = intermediate.charAt(i);
            if (i > 0 && isUpper(c) && isLower(intermediate.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(c);
        }
        String insecure = sb.toString().toLowerCase();
        if (insecure.isEmpty() || insecure.charAt(0) != '_') {
            return insecure;
        }
        return "private" + insecure;
    }

    /** {@code name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')}. */
    private static String splitBeforeCapitalWords(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            // A match needs some char at i followed by an upper-case letter and at least one [a-z0-9].
            if (i + 2 < n && isUpper(s.charAt(i + 1)) && isLowerOrDigit(s.charAt(i + 2))) {
                int end = i + 3;
                while (end < n && isLowerOrDigit(s.charAt(end))) {
                    end++;
                }
                sb.append(s.charAt(i)).append('_').append(s, i + 1, end);
                i = end;
            } else {
                sb.append(s.charAt(i));
                i++;
            }
        }
        return sb.toString();
    }

    /** TF.js's toCamelCase: {@code 'use_bias'} → {@code 'useBias'}; no underscore: unchanged. */
    public static String toCamelCase(String id) {
        if (id.length() <= 1 || id.indexOf('_') < 0) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id.length());
        int i = 0;
        int n = id.length();
        while (i < n) {
            char c = id.charAt(i);
            if (c != '_') {
                sb.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && id.charAt(j) == '_') {
                j++;
            }
            // [_]+(\w|$): the run of underscores and the word character after it (if any).
            if (j < n) {
                char next = id.charAt(j);
                if (isWordChar(next)) {
                    sb.append(Character.toUpperCase(next));
                    i = j + 1;
                } else {
                    // No \w and not the end: the regex backtracks to match the last underscore as \w
                    // (a run of two or more becomes one); a single underscore does not match.
                    sb.append('_');
                    i = j;
                }
            } else {
                i = j;
            }
        }
        return sb.toString();
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isLowerOrDigit(char c) {
        return isLower(c) || (c >= '0' && c <= '9');
    }

    private static boolean isWordChar(char c) {
        return isUpper(c) || isLower(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
