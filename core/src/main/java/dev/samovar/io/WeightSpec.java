package dev.samovar.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One weight of a TF.js weights manifest: {@code {name, shape, dtype, quantization?, group?}}.
 * {@code dtype} is the weight's own dtype (for a quantized weight, the dtype it is restored to).
 */
public final class WeightSpec {
    /** The most elements one weight may declare (a Java array holds at most 2^31 - 1 values). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    public final String name;
    private final int[] shape;
    public final String dtype;
    /** Null when the weight is stored in its own dtype. */
    public final Quantization quantization;
    /** {@code "model"}, {@code "optimizer"} or null. */
    public final String group;

    public WeightSpec(String name, int[] shape, String dtype, Quantization quantization, String group) {
        this.name = name;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.quantization = quantization;
        this.group = group;
    }

    public WeightSpec(String name, int[] shape, String dtype) {
        this(name, shape, dtype, null, null);
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return shape[i];
    }

    /** The number of elements. */
    public long size() {
        return size(shape);
    }

    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes per stored element: the quantized width, else 4 for float32/int32 and 1 for bool. */
    public int bytesPerElement() {
        if (quantization != null) {
            return quantization.bytesPerElement();
        }
        return bytesPerElement(dtype);
    }

    /** 4 for float32 and int32, 1 for bool, 8 for complex64; -1 for string (variable length). */
    public static int bytesPerElement(String dtype) {
        switch (dtype) {
            case "float32":
            case "int32":
                return 4;
            case "bool":
                return 1;
            case "complex64":
                return 8;
            case "string":
                return -1;
            default:
                throw new IllegalArgumentException("Unknown dtype '" + dtype + "'");
        }
    }

    /** The bytes the weight occupies in the shards; -1 for strings (known only from the data). */
    public long byteLength() {
        int b = bytesPerElement();
        return b < 0 ? -1 : size() * b;
    }

    /** This weight stored with another quantization (or none). */
    public WeightSpec withQuantization(Quantization q) {
        return new WeightSpec(name, shape, dtype, q, group);
    }

    public WeightSpec withName(String newName) {
        return new WeightSpec(newName, shape, dtype, quantization, group);
    }

    /** The manifest entry, keys in tensorflowjs_converter's order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        List<Object> s = new ArrayList<>();
        for (int d : shape) {
            s.add((double) d);
        }
        m.put("shape", s);
        m.put("dtype", dtype);
        if (quantization != null) {
            m.put("quantization", quantization.toJson());
        }
        if (group != null) {
            m.put("group", group);
        }
        return m;
    }

    /** Reads and checks a manifest entry; {@code where} names the file and the field. */
    public static WeightSpec fromJson(Object json, String where) {
        Map<?, ?> m = ManifestJson.object(json, where);
        String name = ManifestJson.string(m.get("name"), where + ".name");
        if (name.isEmpty()) {
            throw new ModelFormatException(where + ".name: the weight name is empty");
        }
        String at = where + " ('" + name + "')";
        List<?> s = ManifestJson.array(m.get("shape"), at + ".shape");
        int[] shape = new int[s.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            Object d = s.get(i);
            double v = d instanceof Number ? ((Number) d).doubleValue() : Double.NaN;
            if (!(v >= 0) || v != Math.floor(v) || v > Integer.MAX_VALUE) {
                throw new ModelFormatException(at + ".shape[" + i + "]: expected a dimension (an integer >= 0) but found "
                        + ManifestJson.describe(d));
            }
            shape[i] = (int) v;
            elements *= shape[i];
            if (elements > MAX_ELEMENTS) {
                throw new ModelFormatException(at + ".shape: " + shapeString(shape, i + 1) + " declares more than "
                        + MAX_ELEMENTS + " elements, more than one weight can hold");
            }
        }
        String dtype = ManifestJson.string(m.get("dtype"), at + ".dtype");
        if (!(dtype.equals("float32") || dtype.equals("int32") || dtype.equals("bool") || dtype.equals("string")
                || dtype.equals("complex64"))) {
            throw new ModelFormatException(at + ".dtype: expected float32, int32, bool, string or complex64 but found \""
                    + dtype + "\"");
        }
        Quantization q = null;
        if (m.get("quantization") != null) {
            q = Quantization.fromJson(m.get("quantization"), at + ".quantization");
            if (!dtype.equals("float32") && !dtype.equals("int32")) {
                throw new ModelFormatException(at + ".quantization: only float32 and int32 weights can be quantized, not "
                        + dtype);
            }
            if (Quantization.FLOAT16.equals(q.dtype) && !dtype.equals("float32")) {
                throw new ModelFormatException(at + ".quantization: float16 applies only to float32 weights, not " + dtype);
            }
        }
        Object g = m.get("group");
        if (g != null && !(g instanceof String)) {
            throw new ModelFormatException(at + ".group: expected a string but found " + ManifestJson.describe(g));
        }
        return new WeightSpec(name, shape, dtype, q, (String) g);
    }

    /** {@code [3,3,16,32]}. */
    public static String shapeString(int[] shape) {
        return shapeString(shape, shape.length);
    }

    static String shapeString(int[] shape, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return name + " " + shapeString(shape) + " " + dtype + (quantization != null ? " (" + quantization.dtype + ")" : "");
    }
}
