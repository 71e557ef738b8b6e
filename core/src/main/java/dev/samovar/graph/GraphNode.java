package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.io.ModelFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One node of a graph model's GraphDef (the JSON form tensorflowjs_converter writes): name, op,
 * data inputs ({@code "node"}, {@code "node:1"}), control inputs ({@code "^node"}) and attributes
 * (kept as the JSON values and read through typed getters).
 */
public final class GraphNode {
    public final String name;
    public final String op;
    /** Data inputs: producing node name and output index. */
    public final List<String> inputNodes = new ArrayList<>();
    public final List<Integer> inputIndices = new ArrayList<>();
    /** The raw input strings, in order (data inputs only). */
    public final List<String> inputNames = new ArrayList<>();
    public final List<String> controlInputs = new ArrayList<>();
    public final Map<String, Object> attr;
    /** Nodes that consume one of this node's outputs (filled by the graph). */
    final List<GraphNode> children = new ArrayList<>();
    /** Signature key of an input or output node, or null. */
    String signatureKey;

    @SuppressWarnings("unchecked")
    GraphNode(Map<String, Object> json, String where) {
        Object n = json.get("name");
        Object o = json.get("op");
        if (!(n instanceof String)) {
            throw new ModelFormatException(where + ".name: expected a string");
        }
        if (!(o instanceof String)) {
            throw new ModelFormatException(where + " (node '" + n + "').op: expected a string");
        }
        this.name = (String) n;
        this.op = (String) o;
        Object in = json.get("input");
        if (in instanceof List) {
            for (Object i : (List<Object>) in) {
                String s = String.valueOf(i);
                if (s.startsWith("^")) {
                    controlInputs.add(s.substring(1));
                } else {
                    String[] ni = parseName(s);
                    inputNames.add(s);
                    inputNodes.add(ni[0]);
                    inputIndices.add(Integer.parseInt(ni[1]));
                }
            }
        }
        Object a = json.get("attr");
        this.attr = a instanceof Map ? (Map<String, Object>) a : Collections.emptyMap();
    }

    /** {@code "a"} → [a, 0]; {@code "a:2"} → [a, 2]; function-style {@code "a:out:1"} → [a, 1]. */
    public static String[] parseName(String s) {
        int colon = s.lastIndexOf(':');
        if (colon > 0) {
            String tail = s.substring(colon + 1);
            if (isDigits(tail)) {
                String head = s.substring(0, colon);
                int c2 = head.indexOf(':');
                if (c2 > 0) {
                    head = head.substring(0, c2);
                }
                return new String[] {head, tail};
            }
        }
        return new String[] {s, "0"};
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public int numInputs() {
        return inputNodes.size();
    }

    public List<GraphNode> children() {
        return children;
    }

    public String signatureKey() {
        return signatureKey;
    }

    public boolean hasAttr(String key) {
        return attr.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> value(String key) {
        Object v = attr.get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    private RuntimeException bad(String key, String expected) {
        return new ModelFormatException("node '" + name + "' (op " + op + "): attr " + key + ": expected " + expected
                + " but found " + attr.get(key));
    }

    static long toLong(Object o) {
        if (o instanceof Double) {
            return (long) (double) (Double) o;
        }
        if (o instanceof Number) {
            return ((Number) o).longValue();
        }
        return Long.parseLong(String.valueOf(o));
    }

    public int getInt(String key, int dflt) {
        Map<String, Object> v = value(key);
        if (v == null || !v.containsKey("i")) {
            return dflt;
        }
        return (int) toLong(v.get("i"));
    }

    public double getFloat(String key, double dflt) {
        Map<String, Object> v = value(key);
        if (v == null || !v.containsKey("f")) {
            return dflt;
        }
        Object f = v.get("f");
        if (f instanceof Number) {
            return ((Number) f).doubleValue();
        }
        String s = String.valueOf(f);
        if (s.equals("NaN")) {
            return Double.NaN;
        }
        if (s.equals("Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (s.equals("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    public boolean getBool(String key, boolean dflt) {
        Map<String, Object> v = value(key);
        if (v == null || !v.containsKey("b")) {
            return dflt;
        }
        Object b = v.get("b");
        return b instanceof Boolean ? (Boolean) b : Boolean.parseBoolean(String.valueOf(b));
    }

    /** A string attribute (stored base64-encoded in the JSON), or dflt. */
    public String getString(String key, String dflt) {
        Map<String, Object> v = value(key);
        if (v == null || !v.containsKey("s")) {
            return dflt;
        }
        return Base64.decodeToString(String.valueOf(v.get("s")));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String key, String field) {
        Map<String, Object> v = value(key);
        if (v == null) {
            return null;
        }
        Object l = v.get("list");
        if (!(l instanceof Map)) {
            return null;
        }
        Object items = ((Map<String, Object>) l).get(field);
        if (items == null) {
            return new ArrayList<>();
        }
        if (!(items instanceof List)) {
            throw bad(key, "a list");
        }
        return (List<Object>) items;
    }

    public int[] getInts(String key, int[] dflt) {
        List<Object> l = list(key, "i");
        if (l == null) {
            return dflt;
        }
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) toLong(l.get(i));
        }
        return out;
    }

    public String[] getStrings(String key, String[] dflt) {
        List<Object> l = list(key, "s");
        if (l == null) {
            return dflt;
        }
        String[] out = new String[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Base64.decodeToString(String.valueOf(l.get(i)));
        }
        return out;
    }

    /** A type attribute ({@code "DT_FLOAT"}) as TF.js names it, or null. */
    public String getTypeName(String key) {
        Map<String, Object> v = value(key);
        if (v == null || v.get("type") == null) {
            return null;
        }
        return tfDtype(String.valueOf(v.get("type")));
    }

    public DType getDType(String key, DType dflt) {
        String t = getTypeName(key);
        return t == null ? dflt : dtypeOf(t, key);
    }

    private DType dtypeOf(String t, String key) {
        switch (t) {
            case "float32":
                return DType.FLOAT32;
            case "int32":
                return DType.INT32;
            case "bool":
                return DType.BOOL;
            default:
                throw new UnsupportedOperationException("node '" + name + "' (op " + op + "): attr " + key
                        + ": dtype " + t + " is not supported");
        }
    }

    /** TF.js's mapping of TensorFlow dtypes (DT_INT64 and the small ints are int32, DT_DOUBLE float32). */
    public static String tfDtype(String dt) {
        switch (dt) {
            case "DT_FLOAT":
            case "DT_HALF":
            case "DT_DOUBLE":
            case "DT_BFLOAT16":
                return "float32";
            case "DT_INT32":
            case "DT_INT64":
            case "DT_INT8":
            case "DT_UINT8":
            case "DT_INT16":
            case "DT_UINT16":
            case "DT_UINT32":
            case "DT_UINT64":
                return "int32";
            case "DT_BOOL":
                return "bool";
            case "DT_STRING":
                return "string";
            case "DT_COMPLEX64":
                return "complex64";
            default:
                return null;
        }
    }

    /** A shape attribute: dims (-1 unknown), or null when absent or of unknown rank. */
    @SuppressWarnings("unchecked")
    public int[] getShape(String key) {
        Map<String, Object> v = value(key);
        if (v == null || !(v.get("shape") instanceof Map)) {
            return null;
        }
        Map<String, Object> s = (Map<String, Object>) v.get("shape");
        if (Boolean.TRUE.equals(s.get("unknownRank"))) {
            return null;
        }
        Object dims = s.get("dim");
        if (!(dims instanceof List)) {
            // As TF.js reads it: a shape without dims is not checked (old GraphDefs meant "any shape").
            return null;
        }
        List<Object> d = (List<Object>) dims;
        int[] out = new int[d.size()];
        for (int i = 0; i < out.length; i++) {
            Object size = ((Map<String, Object>) d.get(i)).get("size");
            out[i] = size == null ? 0 : (int) toLong(size);
        }
        return out;
    }

    /** The {@code value.tensor} of a Const node written inline, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> getTensor(String key) {
        Map<String, Object> v = value(key);
        if (v == null || !(v.get("tensor") instanceof Map)) {
            return null;
        }
        return (Map<String, Object>) v.get("tensor");
    }

    @Override
    public String toString() {
        return name + " (" + op + ")";
    }
}
