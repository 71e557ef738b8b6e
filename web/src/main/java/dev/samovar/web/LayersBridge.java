package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.Models;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.core.Dense;
import dev.samovar.layers.engine.Container;
import dev.samovar.layers.engine.DisposeResult;
import dev.samovar.layers.engine.InputLayer;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;

/**
 * Layers and models for the JS API (api/90-layers.js, 91-models.js, 92-initializers.js). The JS
 * objects hold Java layers, models, symbolic tensors and weights; arguments cross as JSON with
 * {@link RefList} references, configs and shapes leave as JSON. All logic is Java.
 */
public final class LayersBridge {
    static {
        Warnings.setHandler(JsValues::consoleWarn);
    }

    private LayersBridge() {
    }

    @JSExport
    public static RefList refs() {
        return new RefList();
    }

    // ------------------------------------------------------------------------------ layers

    /** A layer of a registered class from JS arguments (JSON + references). */
    @JSExport
    public static Layer create(String className, String argsJson, RefList refs) {
        return LayerRegistry.create(className, JsValues.args(argsJson, refs));
    }

    // -------------------------------------------------------------------- custom JS layers

    /** A layer whose build / call / computeOutputShape / getConfig are the JS object's (tf.layers.Layer subclasses). */
    @JSExport
    public static Layer customLayer(String className, String argsJson, RefList refs, JsLayer.JsonHook build,
            JsLayer.JsonHook outputShape, JsLayer.JsonHook config, JsLayer.CallHook call) {
        return JsLayer.create(JsValues.args(argsJson, refs), className, build, outputShape, config, call);
    }

    /** layer.addWeight(name, shape, dtype, initializer, regularizer, trainable, constraint) of a JS layer. */
    @JSExport
    public static LayerVariable customAddWeight(Layer l, String name, String shapeJson, String dtype, String argsJson,
            RefList refs) {
        Args a = JsValues.args(argsJson, refs);
        int[] shape = Dims.fromObject(JsValues.parse(shapeJson, null), "shape");
        Boolean trainable = a.has("trainable") ? a.getBoolean("trainable") : null;
        return l.addWeight(name, shape, dtype == null ? null : DType.of(dtype), Initializers.get(a.get("initializer")),
                Regularizers.get(a.get("regularizer")), trainable, Constraints.get(a.get("constraint")));
    }

    /** Makes a registered JS layer class from a (camelCase) config, for deserialization. */
    @org.teavm.jso.JSFunctor
    public interface CustomLayerFactory extends org.teavm.jso.JSObject {
        Layer make(String configJson);
    }

    /** tf.serialization.registerClass of a Layer subclass: models with it deserialize through JS. */
    @JSExport
    public static void registerCustomLayer(String className, CustomLayerFactory factory) {
        LayerRegistry.register(className, (c, ctx) -> factory.make(JsValues.toJson(c)));
    }

    @JSExport
    public static boolean isRegistered(String className) {
        return LayerRegistry.contains(className);
    }

    @JSExport
    public static String className(Layer l) {
        return l.getClassName();
    }

    @JSExport
    public static String layerName(Layer l) {
        return l.name();
    }

    @JSExport
    public static void setName(Layer l, String name) {
        l.setName(name);
    }

    @JSExport
    public static int id(Layer l) {
        return l.id();
    }

    @JSExport
    public static boolean trainable(Layer l) {
        return l.trainable();
    }

    @JSExport
    public static void setTrainable(Layer l, boolean t) {
        l.setTrainable(t);
    }

    @JSExport
    public static boolean built(Layer l) {
        return l.built();
    }

    @JSExport
    public static void setBuilt(Layer l, boolean b) {
        l.setBuilt(b);
    }

    @JSExport
    public static boolean supportsMasking(Layer l) {
        return l.supportsMasking();
    }

    @JSExport
    public static boolean stateful(Layer l) {
        return l.stateful();
    }

    @JSExport
    public static boolean isModel(Layer l) {
        return l instanceof Container;
    }

    @JSExport
    public static boolean isSequential(Layer l) {
        return l instanceof Sequential;
    }

    @JSExport
    public static boolean isInputLayer(Layer l) {
        return l instanceof InputLayer;
    }

    /** getConfig() as JSON (undefined marked). */
    @JSExport
    public static String getConfig(Layer l) {
        return JsValues.toJson(l.getConfig());
    }

    /** A JSON object of the non-null base fields: batchInputShape, dtype, inputSpec. */
    @JSExport
    public static String fields(Layer l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batchInputShape", Dims.toList(l.batchInputShape()));
        m.put("dtype", l.dtype());
        List<Object> specs = null;
        if (l.inputSpec() != null) {
            specs = new ArrayList<>();
            for (InputSpec s : l.inputSpec()) {
                specs.add(s == null ? null : s.toJs());
            }
        }
        m.put("inputSpec", specs);
        m.put("refCount", l.refCount());
        return JsValues.toJson(m);
    }

    /**
     * apply(): inputs (all tensors or all symbolic tensors) and kwargs as JSON with references;
     * returns the outputs.
     */
    @JSExport
    public static Object[] applyLayer(Layer l, RefList inputs, String kwargsJson, RefList kwRefs) {
        Args kw = JsValues.args(kwargsJson, kwRefs);
        return l.apply(inputs.items(), kwargsJson == null ? null : kw.map()).toArray();
    }

    /** call(): the layer's computation on tensors, without apply's build and checks. */
    @JSExport
    public static Tensor[] callLayer(Layer l, TensorList inputs, String kwargsJson, RefList kwRefs) {
        return l.invoke(inputs.items(), JsValues.args(kwargsJson, kwRefs).map()).toArray(new Tensor[0]);
    }

    /** An activation function by name applied to x. */
    @JSExport
    public static Tensor activationApply(String name, Tensor x) {
        return dev.samovar.layers.activations.Activations.get(name).apply(x);
    }

    @JSExport
    public static LayerVariable[] weights(Layer l, int which) {
        List<LayerVariable> ws = which == 1 ? l.trainableWeights() : which == 2 ? l.nonTrainableWeights() : l.weights();
        return ws.toArray(new LayerVariable[0]);
    }

    @JSExport
    public static Tensor[] getWeights(Layer l, boolean trainableOnly) {
        return l.getWeights(trainableOnly).toArray(new Tensor[0]);
    }

    @JSExport
    public static void setWeights(Layer l, TensorList weights) {
        l.setWeights(weights.items());
    }

    @JSExport
    public static int countParams(Layer l) {
        return l.countParams();
    }

    /** The output shape: one shape, or a list of shapes for several outputs (JSON). */
    @JSExport
    public static String outputShape(Layer l) {
        List<int[]> s = l.outputShape();
        return JsValues.toJson(s.size() == 1 ? Dims.toList(s.get(0)) : Dims.toLists(s));
    }

    /** build(inputShape): one shape or a list of shapes, as JSON. */
    @JSExport
    public static void build(Layer l, String shapeJson) {
        l.build(shapes(JsValues.parse(shapeJson, null)));
    }

    @JSExport
    public static String computeOutputShape(Layer l, String shapeJson) {
        List<int[]> s = l.computeOutputShape(shapes(JsValues.parse(shapeJson, null)));
        return JsValues.toJson(s.size() == 1 ? Dims.toList(s.get(0)) : Dims.toLists(s));
    }

    /** A JS shape or list of shapes → list of shapes (TF.js's normalizeShapeList). */
    static List<int[]> shapes(Object v) {
        List<int[]> out = new ArrayList<>();
        if (v instanceof List && !((List<?>) v).isEmpty() && ((List<?>) v).get(0) instanceof List) {
            for (Object s : (List<?>) v) {
                out.add(Dims.fromObject(s, "inputShape"));
            }
        } else if (v != null) {
            out.add(Dims.fromObject(v, "inputShape"));
        }
        return out;
    }

    @JSExport
    public static String dispose(Layer l) {
        DisposeResult r = l.dispose();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refCountAfterDispose", r.refCountAfterDispose);
        m.put("numDisposedVariables", r.numDisposedVariables);
        return JsValues.toJson(m);
    }

    @JSExport
    public static SymbolicTensor[] input(Layer l) {
        return l.input().toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static SymbolicTensor[] output(Layer l) {
        return l.output().toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static SymbolicTensor[] getInputAt(Layer l, int nodeIndex) {
        return l.getInputAt(nodeIndex).toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static SymbolicTensor[] getOutputAt(Layer l, int nodeIndex) {
        return l.getOutputAt(nodeIndex).toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static int inboundNodeCount(Layer l) {
        return l.inboundNodes().size();
    }

    @JSExport
    public static int lossCount(Layer l) {
        return l.losses().size();
    }

    @JSExport
    public static Tensor[] calculateLosses(Layer l) {
        return l.calculateLosses().toArray(new Tensor[0]);
    }

    @JSExport
    public static void setFastWeightInitDuringBuild(Layer l, boolean v) {
        l.setFastWeightInitDuringBuild(v);
    }

    /** A named weight of a layer ('kernel', 'bias' of Dense), or null. */
    @JSExport
    public static LayerVariable field(Layer l, String field) {
        if (l instanceof Dense) {
            if ("kernel".equals(field)) {
                return ((Dense) l).kernel();
            }
            if ("bias".equals(field)) {
                return ((Dense) l).bias();
            }
        }
        return null;
    }

    // -------------------------------------------------------------------- symbolic tensors

    /** tf.input(config). */
    @JSExport
    public static SymbolicTensor inputTensor(String configJson) {
        return InputLayer.input(JsValues.args(configJson, null));
    }

    @JSExport
    public static String stInfo(SymbolicTensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("originalName", t.originalName());
        m.put("dtype", t.dtype());
        m.put("shape", Dims.toList(t.shapeRef()));
        m.put("outputTensorIndex", t.outputTensorIndex());
        return JsValues.toJson(m);
    }

    @JSExport
    public static int stNodeIndex(SymbolicTensor t) {
        return t.nodeIndex();
    }

    @JSExport
    public static int stTensorIndex(SymbolicTensor t) {
        return t.tensorIndex();
    }

    @JSExport
    public static Layer stSourceLayer(SymbolicTensor t) {
        return t.sourceLayer();
    }

    @JSExport
    public static SymbolicTensor[] stInputs(SymbolicTensor t) {
        return t.inputs().toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static String stCallArgs(SymbolicTensor t) {
        return JsValues.toJson(t.callArgs());
    }

    // ------------------------------------------------------------------- layer variables

    @JSExport
    public static String lvInfo(LayerVariable v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("originalName", v.originalName());
        m.put("shape", Dims.toList(v.shape()));
        m.put("dtype", v.dtype().jsName());
        m.put("id", v.id());
        return JsValues.toJson(m);
    }

    @JSExport
    public static Tensor lvRead(LayerVariable v) {
        return v.read();
    }

    @JSExport
    public static void lvWrite(LayerVariable v, Tensor value) {
        v.write(value);
    }

    @JSExport
    public static boolean lvTrainable(LayerVariable v) {
        return v.trainable();
    }

    @JSExport
    public static void lvSetTrainable(LayerVariable v, boolean t) {
        v.setTrainable(t);
    }

    @JSExport
    public static void lvDispose(LayerVariable v) {
        v.dispose();
    }

    @JSExport
    public static Constraint lvConstraint(LayerVariable v) {
        return v.constraint();
    }

    // ------------------------------------------------------------------------------ models

    @JSExport
    public static LayersModel model(RefList inputs, RefList outputs, String name) {
        return Models.model(symbolics(inputs), symbolics(outputs), name);
    }

    private static List<SymbolicTensor> symbolics(RefList l) {
        List<SymbolicTensor> out = new ArrayList<>();
        for (Object o : l.items()) {
            out.add((SymbolicTensor) o);
        }
        return out;
    }

    @JSExport
    public static Sequential sequential(String argsJson, RefList refs) {
        return Models.sequential(JsValues.args(argsJson, refs));
    }

    @JSExport
    public static void add(Sequential s, Layer l) {
        s.add(l);
    }

    @JSExport
    public static void pop(Sequential s) {
        s.pop();
    }

    @JSExport
    public static Layer[] layers(Container c) {
        return c.layers().toArray(new Layer[0]);
    }

    @JSExport
    public static SymbolicTensor[] modelInputs(Container c) {
        return c.inputs().toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static SymbolicTensor[] modelOutputs(Container c) {
        return c.outputs().toArray(new SymbolicTensor[0]);
    }

    @JSExport
    public static Layer[] inputLayers(Container c) {
        return c.inputLayers().toArray(new Layer[0]);
    }

    @JSExport
    public static Layer[] outputLayers(Container c) {
        return c.outputLayers().toArray(new Layer[0]);
    }

    @JSExport
    public static String names(Container c, boolean inputs) {
        return JsValues.toJson(inputs ? c.inputNames() : c.outputNames());
    }

    @JSExport
    public static Layer getLayerByName(Container c, String name) {
        return c.getLayer(name);
    }

    @JSExport
    public static Layer getLayerByIndex(Container c, int index) {
        return c.getLayer(index);
    }

    /** predict(x, {batchSize}): batchSize NaN means the default (32). */
    @JSExport
    public static Tensor[] predict(LayersModel m, TensorList xs, double batchSize, boolean defaultBatch) {
        return m.predict(xs.items(), defaultBatch ? null : batchSize).toArray(new Tensor[0]);
    }

    @JSExport
    public static Tensor[] predictOnBatch(LayersModel m, TensorList xs) {
        return m.predictOnBatch(xs.items()).toArray(new Tensor[0]);
    }

    @JSExport
    public static Tensor[] execute(LayersModel m, TensorList xs, String namesJson) {
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) JsValues.parse(namesJson, null)) {
            names.add(String.valueOf(o));
        }
        return m.execute(xs.items(), names).toArray(new Tensor[0]);
    }

    /** summary(lineLength, positions): the lines (0 / null: TF.js's defaults). */
    @JSExport
    public static String[] summary(LayersModel m, double lineLength, String positionsJson) {
        double[] positions = null;
        Object p = JsValues.parse(positionsJson, null);
        if (p instanceof List) {
            List<?> l = (List<?>) p;
            positions = new double[l.size()];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = ((Number) l.get(i)).doubleValue();
            }
        }
        List<String> lines = new ArrayList<>();
        m.summary(lineLength > 0 ? (int) lineLength : null, positions, lines::add);
        return lines.toArray(new String[0]);
    }

    @JSExport
    public static String toJson(Container c) {
        return c.toJson();
    }

    @JSExport
    public static Layer modelFromJson(String json) {
        return Models.modelFromJson(json);
    }

    // ------------------------------------------------- initializers, regularizers, constraints

    @JSExport
    public static Initializer initializer(String factory, String argsJson) {
        Args a = argsJson == null ? null : JsValues.args(argsJson, null);
        switch (factory) {
            case "zeros":
                return Initializers.zeros();
            case "ones":
                return Initializers.ones();
            case "constant":
                return Initializers.constant(a);
            case "randomUniform":
                return Initializers.randomUniform(orEmpty(a));
            case "randomNormal":
                return Initializers.randomNormal(orEmpty(a));
            case "truncatedNormal":
                return Initializers.truncatedNormal(orEmpty(a));
            case "identity":
                return Initializers.identity(orEmpty(a));
            case "varianceScaling":
                return Initializers.varianceScaling(orEmpty(a));
            case "glorotUniform":
                return Initializers.glorotUniform(a);
            case "glorotNormal":
                return Initializers.glorotNormal(a);
            case "heNormal":
                return Initializers.heNormal(a);
            case "heUniform":
                return Initializers.heUniform(a);
            case "leCunNormal":
                return Initializers.leCunNormal(a);
            case "leCunUniform":
                return Initializers.leCunUniform(a);
            case "orthogonal":
                return Initializers.orthogonal(orEmpty(a));
            default:
                throw new IllegalArgumentException("Unknown initializer factory " + factory);
        }
    }

    private static Args orEmpty(Args a) {
        return a == null ? new Args() : a;
    }

    /** An initializer from an identifier (name or {className, config} JSON). */
    @JSExport
    public static Initializer getInitializer(String identifierJson) {
        return Initializers.get(JsValues.parse(identifierJson, null));
    }

    @JSExport
    public static Tensor initializerApply(Initializer i, int[] shape, String dtype) {
        return i.apply(shape, dtype == null ? null : DType.of(dtype));
    }

    @JSExport
    public static String initializerClassName(Initializer i) {
        return i.getClassName();
    }

    @JSExport
    public static String initializerConfig(Initializer i) {
        return JsValues.toJson(i.getConfig());
    }

    @JSExport
    public static Regularizer regularizer(String factory, String argsJson) {
        Args a = argsJson == null ? null : JsValues.args(argsJson, null);
        switch (factory) {
            case "l1":
                return Regularizers.l1(a);
            case "l2":
                return Regularizers.l2(a);
            default:
                return Regularizers.l1l2(a);
        }
    }

    @JSExport
    public static Tensor regularizerApply(Regularizer r, Tensor x) {
        return r.apply(x);
    }

    @JSExport
    public static String regularizerClassName(Regularizer r) {
        return r.getClassName();
    }

    @JSExport
    public static String regularizerConfig(Regularizer r) {
        return JsValues.toJson(r.getConfig());
    }

    @JSExport
    public static Constraint constraint(String factory, String argsJson) {
        Args a = argsJson == null ? new Args() : JsValues.args(argsJson, null);
        switch (factory) {
            case "maxNorm":
                return Constraints.maxNorm(a);
            case "minMaxNorm":
                return Constraints.minMaxNorm(a);
            case "nonNeg":
                return Constraints.nonNeg();
            default:
                return Constraints.unitNorm(a);
        }
    }

    @JSExport
    public static Tensor constraintApply(Constraint c, Tensor w) {
        return c.apply(w);
    }

    @JSExport
    public static String constraintClassName(Constraint c) {
        return c.getClassName();
    }

    @JSExport
    public static String constraintConfig(Constraint c) {
        return JsValues.toJson(c.getConfig());
    }
}
