package dev.samovar.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named kernel attributes (TensorFlow's NodeDef attrs / TF.js's NamedAttrMap): ints, floats,
 * booleans, strings, int arrays and dtypes. Immutable once handed to a kernel.
 */
public final class Attrs {
    public static final Attrs EMPTY = new Attrs();

    private final Map<String, Object> values = new LinkedHashMap<>();

    public static Attrs of() {
        return new Attrs();
    }

    public Attrs put(String name, Object value) {
        if (this == EMPTY) {
            throw new IllegalStateException("Attrs.EMPTY is immutable");
        }
        values.put(name, value);
        return this;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** The attribute names, in the order they were put. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Missing kernel attribute '" + name + "'");
        }
        return v;
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public int getInt(String name, int dflt) {
        Object v = values.get(name);
        return v == null ? dflt : ((Number) v).intValue();
    }

    public float getFloat(String name) {
        return ((Number) require(name)).floatValue();
    }

    public float getFloat(String name, float dflt) {
        Object v = values.get(name);
        return v == null ? dflt : ((Number) v).floatValue();
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public boolean getBool(String name, boolean dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (Boolean) v;
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public String getString(String name, String dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (String) v;
    }

    public int[] getInts(String name) {
        return (int[]) require(name);
    }

    public int[] getInts(String name, int[] dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (int[]) v;
    }

    public DType getDType(String name) {
        return (DType) require(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof int[] ? Arrays.toString((int[]) v) : String.valueOf(v));
        }
        return sb.append('}').toString();
    }
}
