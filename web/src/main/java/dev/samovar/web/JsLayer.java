package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A layer written in JavaScript (a subclass of tf.layers.Layer): build, call, computeOutputShape
 * and getConfig run the JS object's methods. A JS method that calls its super method (or a JS
 * class that does not override it) re-enters here and gets the Java default, as TF.js's base
 * Layer does. Everything else (apply, weights, names, training, serialization) is the Java layer's.
 */
final class JsLayer extends Layer {
    /** build(shapeJson), computeOutputShape(shapeJson) → shapeJson, getConfig() → configJson. */
    @JSFunctor
    interface JsonHook extends JSObject {
        String run(String json);
    }

    /** call(inputs, kwargsJson, tensors in kwargs) → outputs. */
    @JSFunctor
    interface CallHook extends JSObject {
        TensorList run(Tensor[] inputs, String kwargsJson, Tensor[] kwargTensors);
    }

    /** The class name for the base constructor (it names the layer before the fields are set). */
    private static String pendingClassName;

    private final String className;
    private final JsonHook buildHook;
    private final JsonHook outputShapeHook;
    private final JsonHook configHook;
    private final CallHook callHook;
    private boolean inBuild;
    private boolean inOutputShape;
    private boolean inConfig;
    private boolean inCall;

    private JsLayer(Args args, String className, JsonHook buildHook, JsonHook outputShapeHook, JsonHook configHook,
            CallHook callHook) {
        super(args);
        this.className = className;
        this.buildHook = buildHook;
        this.outputShapeHook = outputShapeHook;
        this.configHook = configHook;
        this.callHook = callHook;
    }

    static JsLayer create(Args args, String className, JsonHook buildHook, JsonHook outputShapeHook,
            JsonHook configHook, CallHook callHook) {
        pendingClassName = className;
        try {
            return new JsLayer(args, className, buildHook, outputShapeHook, configHook, callHook);
        } finally {
            pendingClassName = null;
        }
    }

    @Override
    public String getClassName() {
        return className != null ? className : pendingClassName;
    }

    private static Object shapesJson(List<int[]> shapes) {
        return shapes.size() == 1 ? Dims.toList(shapes.get(0)) : Dims.toLists(shapes);
    }

    @Override
    public void build(List<int[]> inputShapes) {
        if (inBuild) {
            super.build(inputShapes);
            return;
        }
        inBuild = true;
        try {
            buildHook.run(JsValues.toJson(shapesJson(inputShapes)));
        } finally {
            inBuild = false;
        }
        built = true;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        if (inOutputShape) {
            return super.computeOutputShape(inputShapes);
        }
        inOutputShape = true;
        try {
            return LayersBridge.shapes(JsValues.parse(outputShapeHook.run(JsValues.toJson(shapesJson(inputShapes))),
                    null));
        } finally {
            inOutputShape = false;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> getConfig() {
        if (inConfig) {
            return super.getConfig();
        }
        inConfig = true;
        try {
            Object c = JsValues.parse(configHook.run(null), null);
            if (!(c instanceof Map)) {
                throw new IllegalArgumentException("getConfig() of the custom layer " + name
                        + " must return an object, but returned " + JsValues.toJson(c));
            }
            return new LinkedHashMap<>((Map<String, Object>) c);
        } finally {
            inConfig = false;
        }
    }

    /** kwargs for JS: JSON with tensors as {"$tensor": i} of the returned list. */
    private static String kwargsJson(Map<String, Object> kwargs, List<Tensor> tensors) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (kwargs != null) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                out.put(e.getKey(), jsValue(e.getValue(), tensors));
            }
        }
        return JsValues.toJson(out);
    }

    private static Object jsValue(Object v, List<Tensor> tensors) {
        if (v instanceof Tensor) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("$tensor", tensors.size());
            tensors.add((Tensor) v);
            return ref;
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) v) {
                l.add(jsValue(o, tensors));
            }
            return l;
        }
        if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
            return v;
        }
        return null;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        if (inCall) {
            return super.call(inputs, kwargs);
        }
        inCall = true;
        try {
            List<Tensor> kwTensors = new ArrayList<>();
            String kw = kwargsJson(kwargs, kwTensors);
            TensorList out = callHook.run(inputs.toArray(new Tensor[0]), kw, kwTensors.toArray(new Tensor[0]));
            return new ArrayList<>(out.items());
        } finally {
            inCall = false;
        }
    }
}
