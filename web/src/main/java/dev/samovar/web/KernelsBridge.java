package dev.samovar.web;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Kernel;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * TF.js's kernel registry on Samovar's (tf.registerKernel, getKernel, unregisterKernel,
 * getKernelsForBackend, copyRegisteredKernels): a kernel function written in JS is registered as a
 * real kernel, which every op that runs that kernel then calls (positional inputs are named by the
 * JS side from TF.js's kernel input names; attributes cross as JSON). A built-in kernel is handed
 * to JS as an opaque object that {@link #runKernel} runs directly, so a JS kernel can delegate to
 * the kernel it replaced.
 */
public final class KernelsBridge {
    private KernelsBridge() {
    }

    /** A kernel function in JS: inputs (positional), attributes as JSON, the backend's name. */
    @JSFunctor
    public interface JsKernel extends JSObject {
        TensorList run(TensorList inputs, String attrsJson, String backendName);
    }

    @JSExport
    public static void register(String kernelName, String backendName, JsKernel fn) {
        KernelRegistry.register(kernelName, backendName, (inputs, attrs, backend) -> {
            TensorList in = new TensorList();
            for (Tensor t : inputs) {
                in.add(t);
            }
            TensorList out = fn.run(in, attrsJson(attrs), backend.name());
            return out.toArray();
        });
    }

    /** Registers an existing kernel object (from {@link #get}) under a name and backend. */
    @JSExport
    public static void registerKernelObject(String kernelName, String backendName, Kernel kernel) {
        KernelRegistry.register(kernelName, backendName, kernel);
    }

    /** The kernel registered for (name, backend), or null. */
    @JSExport
    public static Kernel get(String kernelName, String backendName) {
        return KernelRegistry.get(kernelName, backendName);
    }

    @JSExport
    public static boolean unregister(String kernelName, String backendName) {
        return KernelRegistry.unregister(kernelName, backendName);
    }

    @JSExport
    public static String[] names(String backendName) {
        return KernelRegistry.kernelNames(backendName).toArray(new String[0]);
    }

    /** Runs a kernel object on the named backend (inputs are moved there as the engine moves them). */
    @JSExport
    public static Tensor[] runKernel(Kernel kernel, String backendName, TensorList inputs, String attrsJson) {
        Engine engine = Engine.get();
        dev.samovar.core.Backend backend = engine.findBackend(backendName);
        if (backend == null) {
            throw new IllegalArgumentException("Backend '" + backendName + "' not found in registry");
        }
        return kernel.run(inputs.toArray(), attrsFromJson(attrsJson), backend);
    }

    static String attrsJson(Attrs attrs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : attrs.names()) {
            m.put(name, jsonValue(attrs.get(name)));
        }
        return Json.stringify(m);
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof DType) {
            return ((DType) v).jsName();
        }
        if (v instanceof int[]) {
            List<Object> l = new ArrayList<>();
            for (int x : (int[]) v) {
                l.add(x);
            }
            return l;
        }
        if (v instanceof float[]) {
            List<Object> l = new ArrayList<>();
            for (float x : (float[]) v) {
                l.add((double) x);
            }
            return l;
        }
        if (v instanceof double[]) {
            List<Object> l = new ArrayList<>();
            for (double x : (double[]) v) {
                l.add(x);
            }
            return l;
        }
        if (v instanceof Object[]) {
            List<Object> l = new ArrayList<>();
            for (Object x : (Object[]) v) {
                l.add(jsonValue(x));
            }
            return l;
        }
        return String.valueOf(v);
    }

    static Attrs attrsFromJson(String json) {
        Attrs a = Attrs.of();
        if (json == null || json.isEmpty()) {
            return a;
        }
        Object parsed = Json.parse(json);
        if (!(parsed instanceof Map)) {
            return a;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) parsed).entrySet()) {
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof String && name.toLowerCase().endsWith("dtype")) {
                a.put(name, DType.of((String) v));
            } else {
                a.put(name, attrValue(v));
            }
        }
        return a;
    }

    private static Object attrValue(Object v) {
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            boolean nested = !l.isEmpty() && l.get(0) instanceof List;
            if (nested) {
                int[][] out = new int[l.size()][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (int[]) attrValue(l.get(i));
                }
                return out;
            }
            int[] out = new int[l.size()];
            for (int i = 0; i < out.length; i++) {
                Object x = l.get(i);
                out[i] = x instanceof Number ? ((Number) x).intValue() : 0;
            }
            return out;
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d % 1 == 0 && Math.abs(d) < 2147483648.0) {
                return (int) d;
            }
            return d;
        }
        return v;
    }

    @JSExport
    public static int listSize(TensorList list) {
        return list.items().size();
    }

    @JSExport
    public static Tensor listGet(TensorList list, int i) {
        return list.items().get(i);
    }

    /** TF.js's engine().runKernel: runs a kernel by name (recorded for gradients like any op). */
    @JSExport
    public static Tensor[] runNamedKernel(String kernelName, TensorList inputs, String attrsJson) {
        return Engine.get().runKernel(kernelName, inputs.toArray(), attrsFromJson(attrsJson));
    }

    /** A gradient function in JS: for input {@code input}, given dy(s), the saved tensors and the attributes. */
    @JSFunctor
    public interface JsGradient extends JSObject {
        Tensor run(int input, TensorList dys, TensorList saved, String attrsJson);
    }

    /**
     * Registers a JS gradient for a kernel (TF.js's registerGradient): inputs to save by position,
     * outputs to save as 0/1 flags.
     */
    @JSExport
    public static void registerGradient(String kernelName, int[] inputsToSave, int[] outputsToSave, JsGradient fn) {
        GradientRegistry.has(kernelName); // load the built-in gradients first, so they do not replace this one
        boolean[] outs = null;
        int savedOutputs = 0;
        if (outputsToSave != null && outputsToSave.length > 0) {
            outs = new boolean[outputsToSave.length];
            for (int i = 0; i < outs.length; i++) {
                outs[i] = outputsToSave[i] != 0;
                savedOutputs += outs[i] ? 1 : 0;
            }
        }
        int numSaved = (inputsToSave == null ? 0 : inputsToSave.length) + savedOutputs;
        GradientRegistry.register(kernelName, inputsToSave, outs, (input, g) -> {
            TensorList dys = new TensorList();
            for (int k = 0; k < g.numOutputs(); k++) {
                dys.add(g.dy(k));
            }
            TensorList saved = new TensorList();
            for (int k = 0; k < numSaved; k++) {
                saved.add(g.saved(k));
            }
            return fn.run(input, dys, saved, attrsJson(g.attrs()));
        });
    }

    @JSExport
    public static boolean unregisterGradient(String kernelName) {
        return GradientRegistry.unregister(kernelName);
    }

    @JSExport
    public static boolean hasGradient(String kernelName) {
        return GradientRegistry.has(kernelName);
    }
}
