package dev.samovar.layers.serialization;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a layer (or initializer, regularizer, constraint): TF.js's camelCase argument
 * object, which is also what {@code fromConfig} receives (TF.js's {@code new cls(config)}).
 *
 * <p>Values are plain Java, as {@code dev.samovar.io.Json} parses them, plus Java objects where
 * TF.js takes objects: a {@link Number} ({@code Double} from JSON, any {@code Number} from Java),
 * {@link String}, {@link Boolean}, {@code null}, {@link Undefined#INSTANCE}, a {@link List} (shapes
 * hold {@code null} for an unknown dimension; an {@code int[]} with -1 is accepted too), a
 * {@link Map} (a nested {@code {className, config}}), an initializer / regularizer / constraint /
 * activation object, or a {@code List<Tensor>} ({@code weights}). A missing key reads as undefined.
 *
 * <pre>{@code
 * Layer dense = new Dense(Args.of("units", 3, "activation", "relu", "inputShape", new int[] {4}));
 * }</pre>
 */
public final class Args {
    private final Map<String, Object> map;

    public Args() {
        this.map = new LinkedHashMap<>();
    }

    /** Wraps (does not copy) a map; null gives empty arguments. */
    public Args(Map<String, Object> map) {
        this.map = map == null ? new LinkedHashMap<>() : map;
    }

    /** Arguments from alternating keys and values: {@code Args.of("units", 3, "useBias", false)}. */
    public static Args of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Args.of takes keys and values in pairs");
        }
        Args a = new Args();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            a.map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return a;
    }

    /** Sets a value (fluent). */
    public Args set(String key, Object value) {
        map.put(key, value);
        return this;
    }

    /** The underlying map. */
    public Map<String, Object> map() {
        return map;
    }

    /** The raw value: {@link Undefined#INSTANCE} when the key is missing. */
    public Object raw(String key) {
        return map.containsKey(key) ? map.get(key) : Undefined.INSTANCE;
    }

    /** The value, or null when missing, null or undefined. */
    public Object get(String key) {
        Object v = map.get(key);
        return v == Undefined.INSTANCE ? null : v;
    }

    /** Whether the value is neither missing, null nor undefined ({@code args.key != null}). */
    public boolean has(String key) {
        return !Undefined.isAbsent(map.get(key));
    }

    public String getString(String key) {
        Object v = get(key);
        return v == null ? null : String.valueOf(v);
    }

    public String getString(String key, String dflt) {
        String s = getString(key);
        return s == null ? dflt : s;
    }

    /** A number, or null when absent (fails on a non-number). */
    public Double getNumber(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException("Expected a number for '" + key + "' but got " + Js.str(v));
    }

    public double getDouble(String key, double dflt) {
        Double d = getNumber(key);
        return d == null ? dflt : d;
    }

    /** An integer (a fractional number is truncated), or {@code dflt} when absent. */
    public int getInt(String key, int dflt) {
        Double d = getNumber(key);
        return d == null ? dflt : (int) (double) d;
    }

    public Boolean getBoolean(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0;
        }
        return !String.valueOf(v).isEmpty();
    }

    public boolean getBoolean(String key, boolean dflt) {
        Boolean b = getBoolean(key);
        return b == null ? dflt : b;
    }

    /** A shape (list with nulls, or int[] with -1) as int[] with {@link Dims#UNKNOWN}; null when absent. */
    public int[] getShape(String key) {
        Object v = get(key);
        return v == null ? null : Dims.fromObject(v, key);
    }

    /** A nested map (e.g. {@code {className, config}}), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String key) {
        Object v = get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    /** A list of tensors (the {@code weights} argument), or null. */
    public List<Tensor> getTensors(String key) {
        Object v = get(key);
        if (v == null) {
            return null;
        }
        List<Tensor> out = new ArrayList<>();
        if (v instanceof Tensor) {
            out.add((Tensor) v);
            return out;
        }
        if (v instanceof Tensor[]) {
            for (Tensor t : (Tensor[]) v) {
                out.add(t);
            }
            return out;
        }
        for (Object o : (List<?>) v) {
            out.add((Tensor) o);
        }
        return out;
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
