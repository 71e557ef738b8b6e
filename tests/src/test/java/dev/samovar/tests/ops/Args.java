package dev.samovar.tests.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's arguments decoded for the Java API: tensors become {@link Tensor}s, numbers
 * {@code Double}, arrays {@code List}, option objects {@code Map}. The accessors convert
 * tensor-likes (a number, a nested list) as TF.js's convertToTensor would.
 */
public final class Args {
    private final List<Object> values;
    private final List<Tensor> created = new ArrayList<>();

    private Args(JsonArray json) {
        values = new ArrayList<>();
        for (JsonElement e : json) {
            values.add(decode(e));
        }
    }

    public static Args decode(JsonArray json) {
        return new Args(json);
    }

    private Args(List<Object> values) {
        this.values = values;
    }

    /** A copy whose argument i is {@code t} (for finite differences). */
    public Args with(int i, Tensor t) {
        List<Object> copy = new ArrayList<>(values);
        copy.set(i, t);
        return new Args(copy);
    }

    /** Decodes one encoded tensor (a case's dy). */
    public Tensor decodeTensor(JsonElement e) {
        return (Tensor) decode(e);
    }

    /** Tensors made while decoding (to dispose after the case). */
    public List<Tensor> created() {
        return created;
    }

    private Object decode(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) {
                l.add(decode(x));
            }
            return l;
        }
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("tensor")) {
                Tensor t = tensor(o.getAsJsonObject("tensor"));
                created.add(t);
                return t;
            }
            if (o.has("number") && o.size() == 1) {
                return Compare.num(o.get("number"));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : o.keySet()) {
                m.put(k, decode(o.get(k)));
            }
            return m;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            return p.getAsDouble();
        }
        return p.getAsString();
    }

    static Tensor tensor(JsonObject t) {
        JsonArray shapeJson = t.getAsJsonArray("shape");
        int[] shape = new int[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsInt();
        }
        DType dtype = DType.of(t.get("dtype").getAsString());
        JsonArray data = t.getAsJsonArray("data");
        if (dtype == DType.FLOAT32) {
            float[] v = new float[data.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Compare.num(data.get(i));
            }
            return Creation.tensor(v, shape);
        }
        int[] v = new int[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) Compare.num(data.get(i));
        }
        return Creation.tensor(v, shape, dtype);
    }

    public int size() {
        return values.size();
    }

    public boolean has(int i) {
        return i < values.size() && values.get(i) != null;
    }

    public Object get(int i) {
        return i < values.size() ? values.get(i) : null;
    }

    /** Argument i as a tensor; numbers, booleans and nested lists are converted as TF.js does. */
    public Tensor t(int i) {
        return toTensor(get(i), null);
    }

    /** Argument i as a tensor, parsing tensor-likes as {@code dtype}. */
    public Tensor t(int i, DType dtype) {
        return toTensor(get(i), dtype);
    }

    public Tensor toTensor(Object v, DType parseAs) {
        if (v instanceof Tensor) {
            return (Tensor) v;
        }
        if (v == null) {
            return null;
        }
        List<Integer> shape = new ArrayList<>();
        Object first = v;
        while (first instanceof List) {
            shape.add(((List<?>) first).size());
            first = ((List<?>) first).isEmpty() ? null : ((List<?>) first).get(0);
        }
        List<Object> flat = new ArrayList<>();
        flatten(v, flat);
        DType dtype = parseAs != null ? parseAs : (first instanceof Boolean ? DType.BOOL : DType.FLOAT32);
        int[] s = shape.stream().mapToInt(Integer::intValue).toArray();
        Tensor t;
        if (dtype == DType.FLOAT32) {
            float[] f = new float[flat.size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = (float) num(flat.get(k));
            }
            t = Creation.tensor(f, s);
        } else {
            int[] iv = new int[flat.size()];
            for (int k = 0; k < iv.length; k++) {
                iv[k] = dtype == DType.BOOL ? (Math.round(num(flat.get(k))) != 0 ? 1 : 0) : (int) num(flat.get(k));
            }
            t = Creation.tensor(iv, s, dtype);
        }
        created.add(t);
        return t;
    }

    private static double num(Object o) {
        return o instanceof Boolean ? ((Boolean) o ? 1 : 0) : ((Number) o).doubleValue();
    }

    private static void flatten(Object v, List<Object> out) {
        if (v instanceof List) {
            for (Object x : (List<?>) v) {
                flatten(x, out);
            }
        } else {
            out.add(v);
        }
    }

    /** A list argument of tensors (or tensor-likes). */
    public List<Tensor> tensors(int i) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : (List<?>) get(i)) {
            out.add(toTensor(o, null));
        }
        return out;
    }

    public Tensor[] tensorArray(int i) {
        return tensors(i).toArray(new Tensor[0]);
    }

    public double d(int i, double dflt) {
        return has(i) ? num(get(i)) : dflt;
    }

    public float f(int i, float dflt) {
        return (float) d(i, dflt);
    }

    public int i(int i, int dflt) {
        return has(i) ? (int) num(get(i)) : dflt;
    }

    public boolean b(int i, boolean dflt) {
        return has(i) ? (Boolean) get(i) : dflt;
    }

    public String s(int i, String dflt) {
        return has(i) ? (String) get(i) : dflt;
    }

    public DType dtype(int i, DType dflt) {
        return has(i) ? DType.of((String) get(i)) : dflt;
    }

    /** A number or a list of numbers as an int[]; null when absent. */
    public int[] ints(int i) {
        return intsOf(get(i));
    }

    public static int[] intsOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return new int[] {((Number) v).intValue()};
        }
        List<?> l = (List<?>) v;
        int[] out = new int[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ((Number) l.get(k)).intValue();
        }
        return out;
    }

    /** An options object (empty when absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> opts(int i) {
        return has(i) ? (Map<String, Object>) get(i) : Map.of();
    }
}
