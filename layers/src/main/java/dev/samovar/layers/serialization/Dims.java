package dev.samovar.layers.serialization;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes of layers and symbolic tensors, whose dimensions may be unknown (TF.js's {@code null},
 * e.g. the batch dimension {@code [null, 4]}).
 *
 * <p>In Java a shape is an {@code int[]} and an unknown dimension is {@link #UNKNOWN} (-1): cheap,
 * and the same type as a tensor's shape. Code that computes a dimension from an unknown one must
 * check {@link #isUnknown} first (TF.js's arithmetic on null silently gives numbers). In configs
 * (and in the JS API) a shape is a list with {@code null} for unknown dimensions, as in TF.js and
 * in model JSON: {@link #toList} and {@link #fromObject} convert. Where TF.js writes a shape into
 * a message ({@code `${shape}`} or {@code JSON.stringify(shape)}) use {@link #str} / {@link #json}.
 */
public final class Dims {
    /** An unknown dimension (TF.js's null). */
    public static final int UNKNOWN = -1;

    private Dims() {
    }

    public static boolean isUnknown(int d) {
        return d == UNKNOWN;
    }

    /** Whether any dimension is unknown. */
    public static boolean anyUnknown(int[] shape) {
        for (int d : shape) {
            if (d == UNKNOWN) {
                return true;
            }
        }
        return false;
    }

    /** A shape from a config value: a list of numbers and nulls, or an int[] (copied). */
    public static int[] fromObject(Object v, String what) {
        if (v instanceof int[]) {
            return ((int[]) v).clone();
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            int[] out = new int[l.size()];
            for (int i = 0; i < out.length; i++) {
                Object e = l.get(i);
                if (Undefined.isAbsent(e)) {
                    out[i] = UNKNOWN;
                } else if (e instanceof Number) {
                    double d = ((Number) e).doubleValue();
                    out[i] = d < 0 ? UNKNOWN : (int) d;
                } else {
                    throw new IllegalArgumentException("Expected a shape (numbers and nulls) for '" + what
                            + "' but got " + Js.json(v));
                }
            }
            return out;
        }
        throw new IllegalArgumentException("Expected a shape (an array) for '" + what + "' but got " + Js.str(v));
    }

    /** The config / JSON form: a list of Integers with null for unknown dimensions. */
    public static List<Object> toList(int[] shape) {
        if (shape == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(shape.length);
        for (int d : shape) {
            out.add(d == UNKNOWN ? null : (Object) Integer.valueOf(d));
        }
        return out;
    }

    /** A list of shapes in config form. */
    public static List<Object> toLists(List<int[]> shapes) {
        List<Object> out = new ArrayList<>(shapes.size());
        for (int[] s : shapes) {
            out.add(toList(s));
        }
        return out;
    }

    /** JavaScript's {@code `${shape}`}: "5,,3" style (unknown dimensions print as nothing). */
    public static String str(int[] shape) {
        if (shape == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (shape[i] != UNKNOWN) {
                sb.append(shape[i]);
            }
        }
        return sb.toString();
    }

    /** {@code JSON.stringify(shape)}: "[null,4]". */
    public static String json(int[] shape) {
        if (shape == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(shape[i] == UNKNOWN ? "null" : String.valueOf(shape[i]));
        }
        return sb.append(']').toString();
    }

    /** {@code JSON.stringify(shapes)} of a list of shapes: "[[null,4],[null,3]]". */
    public static String json(List<int[]> shapes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shapes.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(json(shapes.get(i)));
        }
        return sb.append(']').toString();
    }

    /** TF.js's arrayProd over [begin, end): an unknown dimension counts as 0, as null does in JS. */
    public static int prod(int[] shape, int begin, int end) {
        int p = 1;
        for (int i = begin; i < end; i++) {
            p *= shape[i] == UNKNOWN ? 0 : shape[i];
        }
        return p;
    }

    public static int prod(int[] shape) {
        return prod(shape, 0, shape.length);
    }

    /** Element-wise equality (TF.js's util.arraysEqual). */
    public static boolean equal(int[] a, int[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** [first] followed by rest (TF.js's {@code [x].concat(shape)}). */
    public static int[] prepend(int first, int[] rest) {
        int[] out = new int[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
