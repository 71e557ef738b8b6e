package dev.samovar.io;

import dev.samovar.core.JsNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for the model formats, on the JVM and in the page alike (gson does not compile under
 * TeaVM). Values are plain Java: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Double}, {@code Boolean} and {@code null}. Numbers are written as
 * JavaScript writes them ({@code JSON.stringify}), so files match TF.js's byte for byte.
 */
public final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** Parses a JSON text; fails with the position and what was expected. */
    public static Object parse(String text) {
        if (text == null) {
            throw new JsonException("no JSON text (null)");
        }
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.i != text.length()) {
            throw p.error("end of the JSON text");
        }
        return v;
    }

    /** A parse error: {@link #getMessage} names the position (line and column) and the problem. */
    public static final class JsonException extends IllegalArgumentException {
        public JsonException(String message) {
            super(message);
        }
    }

    private JsonException error(String expected) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < i && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String found = i >= s.length() ? "the end of the text" : "'" + s.charAt(i) + "'";
        return new JsonException("Malformed JSON at line " + line + ", column " + col + ": expected " + expected
                + " but found " + found);
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                break;
            }
        }
    }

    private Object value(int depth) {
        if (depth > 512) {
            throw new JsonException("JSON nested deeper than 512 levels");
        }
        if (i >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a value");
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw error("'" + word + "'");
        }
        i += word.length();
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipSpace();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            skipSpace();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("a property name in double quotes");
            }
            String key = string();
            skipSpace();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw error("':'");
            }
            i++;
            skipSpace();
            m.put(key, value(depth + 1));
            skipSpace();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return m;
            }
            throw error("',' or '}'");
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        skipSpace();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            skipSpace();
            l.add(value(depth + 1));
            skipSpace();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return l;
            }
            throw error("',' or ']'");
        }
    }

    private String string() {
        i++;
        StringBuilder sb = null;
        int start = i;
        while (true) {
            if (i >= s.length()) {
                throw error("a closing '\"'");
            }
            char c = s.charAt(i);
            if (c == '"') {
                String out = sb == null ? s.substring(start, i) : sb.append(s, start, i).toString();
                i++;
                return out;
            }
            if (c < 0x20) {
                throw error("a character (control characters must be escaped)");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, start, i);
                i++;
                if (i >= s.length()) {
                    throw error("an escape");
                }
                char e = s.charAt(i);
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        sb.append(e);
                        break;
                    case 'b':
                        sb.append('\b');
                        break;
                    case 'f':
                        sb.append('\f');
                        break;
                    case 'n':
                        sb.append('\n');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'u':
                        if (i + 4 >= s.length()) {
                            throw error("four hex digits");
                        }
                        int code = 0;
                        for (int k = 1; k <= 4; k++) {
                            int d = Character.digit(s.charAt(i + k), 16);
                            if (d < 0) {
                                i += k;
                                throw error("a hex digit");
                            }
                            code = code * 16 + d;
                        }
                        sb.append((char) code);
                        i += 4;
                        break;
                    default:
                        throw error("a valid escape");
                }
                i++;
                start = i;
                continue;
            }
            i++;
        }
    }

    private Double number() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else if (i < s.length() && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            throw error("a digit");
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                throw error("a digit after '.'");
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                throw error("a digit in the exponent");
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        // Integers of up to 15 digits (shapes, sizes) are exact in a double: summed directly, which
        // avoids Double.parseDouble's long arithmetic (BigInt under TeaVM) for most numbers of a manifest.
        int digitsFrom = s.charAt(start) == '-' ? start + 1 : start;
        if (i - digitsFrom <= 15) {
            double v = 0;
            boolean plain = true;
            for (int k = digitsFrom; k < i && plain; k++) {
                char c = s.charAt(k);
                plain = c >= '0' && c <= '9';
                v = v * 10 + (c - '0');
            }
            if (plain) {
                return digitsFrom > start ? -v : v;
            }
        }
        return Double.parseDouble(s.substring(start, i));
    }

    // ------------------------------------------------------------------------------ writing

    /** JSON text of a value, as JavaScript's {@code JSON.stringify(value)} writes it. */
    public static String stringify(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, null, "");
        return sb.toString();
    }

    /** Indented JSON text, as {@code JSON.stringify(value, null, indent)}. */
    public static String stringify(Object value, String indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent == null || indent.isEmpty() ? null : indent, "");
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, String indent, String current) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            quote(sb, (String) v);
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : JsNumber.toString(d));
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            String inner = indent == null ? null : current + indent;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (inner != null) {
                    sb.append('\n').append(inner);
                }
                quote(sb, String.valueOf(e.getKey()));
                sb.append(indent == null ? ":" : ": ");
                write(sb, e.getValue(), indent, inner);
            }
            if (indent != null) {
                sb.append('\n').append(current);
            }
            sb.append('}');
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            String inner = indent == null ? null : current + indent;
            sb.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                if (inner != null) {
                    sb.append('\n').append(inner);
                }
                write(sb, l.get(k), indent, inner);
            }
            if (indent != null) {
                sb.append('\n').append(current);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("Cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private static void quote(StringBuilder sb, String str) {
        sb.append('"');
        for (int k = 0; k < str.length(); k++) {
            char c = str.charAt(k);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF && !validSurrogate(str, k))) {
                        String hex = Integer.toHexString(c);
                        sb.append("\\u");
                        for (int p = hex.length(); p < 4; p++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    /** Whether the surrogate at k is part of a valid pair (JSON.stringify escapes lone ones). */
    private static boolean validSurrogate(String str, int k) {
        char c = str.charAt(k);
        if (Character.isHighSurrogate(c)) {
            return k + 1 < str.length() && Character.isLowSurrogate(str.charAt(k + 1));
        }
        return k > 0 && Character.isHighSurrogate(str.charAt(k - 1));
    }
}
