package dev.samovar.tests.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Java results in the fixture encoding (the same JSON the TF.js generator writes). */
public final class Encode {
    private Encode() {
    }

    public static JsonElement encode(Object r) {
        if (r == null) {
            return JsonNull.INSTANCE;
        }
        if (r instanceof Tensor) {
            Tensor t = (Tensor) r;
            JsonObject o = new JsonObject();
            JsonArray shape = new JsonArray();
            for (int d : t.shape()) {
                shape.add(d);
            }
            JsonArray data = new JsonArray();
            if (t.dtype() == DType.FLOAT32) {
                for (float f : t.dataSync()) {
                    data.add(number(f));
                }
            } else {
                for (int v : t.dataSyncInt()) {
                    data.add(v);
                }
            }
            o.add("shape", shape);
            o.addProperty("dtype", t.dtype().jsName());
            o.add("data", data);
            JsonObject w = new JsonObject();
            w.add("tensor", o);
            return w;
        }
        if (r instanceof Object[]) {
            JsonArray a = new JsonArray();
            for (Object x : (Object[]) r) {
                a.add(encode(x));
            }
            return a;
        }
        if (r instanceof List) {
            JsonArray a = new JsonArray();
            for (Object x : (List<?>) r) {
                a.add(encode(x));
            }
            return a;
        }
        if (r instanceof Map) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) r).entrySet()) {
                o.add(String.valueOf(e.getKey()), encode(e.getValue()));
            }
            return o;
        }
        if (r instanceof float[]) {
            JsonArray a = new JsonArray();
            for (float f : (float[]) r) {
                a.add(number(f));
            }
            return a;
        }
        if (r instanceof int[]) {
            JsonArray a = new JsonArray();
            for (int v : (int[]) r) {
                a.add(v);
            }
            return a;
        }
        if (r instanceof Number) {
            return number(((Number) r).doubleValue());
        }
        if (r instanceof Boolean) {
            return new JsonPrimitive((Boolean) r);
        }
        return new JsonPrimitive(String.valueOf(r));
    }

    static JsonPrimitive number(double v) {
        if (v == 0 && 1 / v < 0) {
            return new JsonPrimitive("-0");
        }
        if (Double.isNaN(v)) {
            return new JsonPrimitive("NaN");
        }
        if (Double.isInfinite(v)) {
            return new JsonPrimitive(v > 0 ? "Infinity" : "-Infinity");
        }
        return new JsonPrimitive(v);
    }

    /** All tensors inside a result. */
    public static List<Tensor> tensorsIn(Object r) {
        List<Tensor> out = new ArrayList<>();
        collect(r, out);
        return out;
    }

    private static void collect(Object r, List<Tensor> out) {
        if (r instanceof Tensor) {
            out.add((Tensor) r);
        } else if (r instanceof Object[]) {
            for (Object x : (Object[]) r) {
                collect(x, out);
            }
        } else if (r instanceof Iterable) {
            for (Object x : (Iterable<?>) r) {
                collect(x, out);
            }
        } else if (r instanceof Map) {
            for (Object x : ((Map<?, ?>) r).values()) {
                collect(x, out);
            }
        }
    }
}
