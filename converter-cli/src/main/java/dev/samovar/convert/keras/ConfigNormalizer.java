package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a Keras model_config to the Keras 2 form TF.js 4.22 loads, and rejects what TF.js cannot
 * load with one line that names every such layer and its position:
 * <ul>
 * <li>Keras 3: drops {@code module}, {@code registered_name}, {@code build_config},
 * {@code shared_object_id}; dtype policies become dtype names; {@code batch_shape} becomes
 * {@code batch_input_shape}; {@code inbound_nodes} written as {@code {args, kwargs}} become Keras 2
 * node lists; structured {@code input_layers}/{@code output_layers} become lists;</li>
 * <li>Keras 1: old class and argument names ({@link Keras1});</li>
 * <li>class names some TF versions wrote ({@code BatchNormalizationV1}, {@code UnifiedLSTM}, ...);</li>
 * <li>layers TF.js lacks but can express exactly: {@code SpatialDropout2D/3D} become {@code Dropout}
 * with the same noise shape; a {@code ReLU} with {@code negative_slope} / {@code threshold} becomes
 * {@code LeakyReLU}, {@code ThresholdedReLU} or an equivalent small graph; {@code L1}/{@code L2}
 * regularizers become {@code L1L2}; the {@code silu} activation becomes {@code swish}.</li>
 * </ul>
 */
public final class ConfigNormalizer {
    private static final Map<String, String> CLASS_NAMES = Map.of(
            "BatchNormalizationV1", "BatchNormalization",
            "BatchNormalizationV2", "BatchNormalization",
            "UnifiedGRU", "GRU",
            "UnifiedLSTM", "LSTM",
            "GRUV2", "GRU",
            "LSTMV2", "LSTM");

    private static final Set<String> MODEL_CLASSES = new HashSet<>(Arrays.asList("Sequential", "Model", "Functional"));

    private static final Set<String> STRING_INITIALIZERS = new HashSet<>(Arrays.asList("constant", "glorot_normal",
            "glorot_uniform", "he_normal", "he_uniform", "identity", "lecun_normal", "lecun_uniform", "ones",
            "orthogonal", "random_normal", "random_uniform", "truncated_normal", "variance_scaling", "zeros"));

    private final String file;
    private final boolean keras1;
    private final List<String> notes;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param file the source file's name, for messages
     * @param keras1 whether to map Keras 1 names
     * @param notes receives one line per change worth telling the user
     */
    public ConfigNormalizer(String file, boolean keras1, List<String> notes) {
        this.file = file;
        this.keras1 = keras1;
        this.notes = notes;
    }

    /** The normalized copy of a model config ({class_name, config}). */
    public Map<String, Object> normalize(Map<String, Object> modelConfig) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Cfg.copy(modelConfig);
        stripKeras3(m);
        String cls = Cfg.str(m, "class_name");
        if (cls == null || !MODEL_CLASSES.contains(cls)) {
            if (cls != null && m.get("config") instanceof Map) {
                // A single layer saved as a model: not loadable by tf.loadLayersModel.
                throw new ConversionException(file + ": model_config describes a single " + cls
                        + " layer, not a model (Sequential, Model or Functional)");
            }
            throw new ConversionException(file + ": model_config has no model class_name (expected Sequential, Model or "
                    + "Functional; found " + (cls == null ? "none" : "'" + cls + "'") + ")");
        }
        Map<String, Object> out = model(m, "");
        if (!problems.isEmpty()) {
            throw new ConversionException(file + ": cannot convert " + (problems.size() == 1 ? "a layer" : problems.size()
                    + " layers") + ": " + String.join("; ", problems));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ Keras 3 keys

    /** Removes Keras 3 bookkeeping from every serialized object and turns dtype policies into names. */
    private void stripKeras3(Object o) {
        if (o instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            if (m.containsKey("class_name")) {
                m.remove("module");
                m.remove("registered_name");
                m.remove("build_config");
                m.remove("compile_config");
                m.remove("shared_object_id");
            }
            Object dtype = m.get("dtype");
            if (dtype instanceof Map) {
                m.put("dtype", policyDtype(Cfg.map(dtype)));
            }
            for (Object v : m.values()) {
                stripKeras3(v);
            }
        } else if (o instanceof List) {
            for (Object v : (List<?>) o) {
                stripKeras3(v);
            }
        }
    }

    private String policyDtype(Map<String, Object> policy) {
        Map<String, Object> c = Cfg.map(policy.get("config"));
        String name = c == null ? null : Cfg.str(c, "name");
        if (name == null) {
            return "float32";
        }
        if (name.startsWith("mixed_")) {
            note("dtype policy '" + name + "' written as float32 (TF.js computes in float32; the weights are float32)");
            return "float32";
        }
        return name;
    }

    private void note(String s) {
        if (!notes.contains(s)) {
            notes.add(s);
        }
    }

    // ------------------------------------------------------------------------------ models

    private Map<String, Object> model(Map<String, Object> m, String scope) {
        String cls = CLASS_NAMES.getOrDefault(Cfg.str(m, "class_name"), Cfg.str(m, "class_name"));
        m.put("class_name", cls);
        if (cls.equals("Sequential")) {
            Object c = m.get("config");
            List<Object> layers = c instanceof List ? Cfg.list(c) : Cfg.list(Cfg.map(c) == null ? null : Cfg.map(c).get("layers"));
            if (layers == null) {
                throw new ConversionException(file + ": model_config" + scope + ": a Sequential config without a layer list");
            }
            List<Object> out = new ArrayList<>();
            boolean needsGraph = false;
            for (int i = 0; i < layers.size(); i++) {
                Map<String, Object> entry = Cfg.map(layers.get(i));
                if (entry == null) {
                    throw new ConversionException(file + ": model_config" + scope + ": layer " + (i + 1) + " is not an object");
                }
                List<Map<String, Object>> replaced = layer(entry, i + 1, i == 0, scope, false);
                boolean graph = false;
                for (Map<String, Object> r : replaced) {
                    graph |= r.containsKey("inbound_nodes");
                }
                if (graph) {
                    needsGraph = true;
                    String input = out.isEmpty() ? SEQUENTIAL_INPUT : entryName(Cfg.map(out.get(out.size() - 1)));
                    for (Map<String, Object> r : replaced) {
                        for (Object node : Cfg.list(r.get("inbound_nodes"))) {
                            for (Object ref : Cfg.list(node)) {
                                if (Rewrites.INPUT.equals(Cfg.list(ref).get(0))) {
                                    Cfg.list(ref).set(0, input);
                                }
                            }
                        }
                    }
                }
                out.addAll(replaced);
            }
            if (c instanceof List) {
                m.put("config", out);
            } else {
                Cfg.map(c).put("layers", out);
                Cfg.map(c).remove("build_input_shape");
            }
            if (needsGraph) {
                return sequentialToFunctional(m, out, scope);
            }
            return m;
        }
        Map<String, Object> c = Cfg.map(m.get("config"));
        List<Object> layers = c == null ? null : Cfg.list(c.get("layers"));
        if (layers == null) {
            throw new ConversionException(file + ": model_config" + scope + ": a " + cls + " config without a layer list");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> entry = Cfg.map(layers.get(i));
            if (entry == null) {
                throw new ConversionException(file + ": model_config" + scope + ": layer " + (i + 1) + " is not an object");
            }
            String name = entryName(entry);
            if (entry.get("inbound_nodes") != null) {
                entry.put("inbound_nodes", inboundNodes(Cfg.list(entry.get("inbound_nodes")), name, Cfg.str(entry,
                        "class_name"), i + 1));
            } else {
                entry.put("inbound_nodes", new ArrayList<>());
            }
            List<Object> nodes = Cfg.list(entry.get("inbound_nodes"));
            List<Map<String, Object>> replaced = layer(entry, i + 1, false, scope, true);
            if (replaced.size() == 1 && replaced.get(0) == entry) {
                out.add(entry);
            } else {
                wire(replaced, nodes);
                out.addAll(replaced);
            }
        }
        c.put("layers", out);
        c.put("input_layers", tensorList(c.get("input_layers")));
        c.put("output_layers", tensorList(c.get("output_layers")));
        return m;
    }

    private static String entryName(Map<String, Object> entry) {
        String n = Cfg.str(entry, "name");
        if (n == null) {
            n = Cfg.str(Cfg.map(entry.get("config")), "name");
        }
        return n;
    }

    /** Keras 3 structured inputs/outputs ({"a": [...]} or a single [name, 0, 0]) as a flat list. */
    private List<Object> tensorList(Object v) {
        List<Object> out = new ArrayList<>();
        collectTensorRefs(v, out);
        return out;
    }

    private void collectTensorRefs(Object v, List<Object> out) {
        List<Object> l = Cfg.list(v);
        if (l != null && l.size() >= 3 && l.get(0) instanceof String && l.get(1) instanceof Number) {
            out.add(new ArrayList<>(l.subList(0, 3)));
            return;
        }
        if (l != null) {
            for (Object x : l) {
                collectTensorRefs(x, out);
            }
        } else if (v instanceof Map) {
            for (Object x : ((Map<?, ?>) v).values()) {
                collectTensorRefs(x, out);
            }
        }
    }

    /** Keras 2 node lists as they are; Keras 3 {args, kwargs} nodes turned into them. */
    private List<Object> inboundNodes(List<Object> nodes, String layer, String cls, int position) {
        List<Object> out = new ArrayList<>();
        if (nodes == null) {
            return out;
        }
        for (Object node : nodes) {
            Map<String, Object> n = Cfg.map(node);
            if (n == null) {
                // Keras 1/2: [[name, node, tensor, kwargs?], ...]; TF.js reads kwargs when present.
                List<Object> entries = Cfg.list(node);
                List<Object> fixed = new ArrayList<>();
                for (Object e : entries == null ? List.of() : entries) {
                    List<Object> ref = Cfg.list(e);
                    if (ref != null && ref.size() == 3) {
                        List<Object> r = new ArrayList<>(ref);
                        r.add(new LinkedHashMap<String, Object>());
                        fixed.add(r);
                    } else {
                        fixed.add(e);
                    }
                }
                out.add(fixed);
                continue;
            }
            List<Object> args = Cfg.list(n.get("args"));
            Map<String, Object> kwargs = Cfg.map(n.get("kwargs"));
            List<Object> refs = new ArrayList<>();
            if (args != null && !args.isEmpty()) {
                collectKerasTensors(args.get(0), refs, layer, cls, position);
                for (int i = 1; i < args.size(); i++) {
                    if (containsKerasTensor(args.get(i))) {
                        problems.add(LayerDescr.of(layer, cls, position) + ": called with more than one positional tensor "
                                + "argument, which Keras 2 / TF.js configs cannot express");
                    }
                }
            }
            Map<String, Object> plainKwargs = new LinkedHashMap<>();
            if (kwargs != null) {
                for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                    if (containsKerasTensor(e.getValue())) {
                        problems.add(LayerDescr.of(layer, cls, position) + ": receives the tensor argument '" + e.getKey()
                                + "', which TF.js layers configs cannot express");
                    } else if (e.getValue() != null) {
                        plainKwargs.put(e.getKey(), e.getValue());
                    }
                }
            }
            List<Object> entries = new ArrayList<>();
            for (Object r : refs) {
                List<Object> ref = new ArrayList<>(Cfg.list(r));
                ref.add(Cfg.copy(plainKwargs));
                entries.add(ref);
            }
            out.add(entries);
        }
        return out;
    }

    private static boolean isKerasTensor(Object v) {
        Map<String, Object> m = Cfg.map(v);
        return m != null && "__keras_tensor__".equals(Cfg.str(m, "class_name"));
    }

    private static boolean containsKerasTensor(Object v) {
        if (isKerasTensor(v)) {
            return true;
        }
        if (v instanceof List) {
            for (Object x : (List<?>) v) {
                if (containsKerasTensor(x)) {
                    return true;
                }
            }
        } else if (v instanceof Map) {
            for (Object x : ((Map<?, ?>) v).values()) {
                if (containsKerasTensor(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void collectKerasTensors(Object v, List<Object> refs, String layer, String cls, int position) {
        if (isKerasTensor(v)) {
            Map<String, Object> c = Cfg.map(Cfg.map(v).get("config"));
            List<Object> history = Cfg.list(c == null ? null : c.get("keras_history"));
            if (history == null || history.size() < 3) {
                problems.add(LayerDescr.of(layer, cls, position) + ": an input tensor without keras_history");
                return;
            }
            refs.add(new ArrayList<>(history.subList(0, 3)));
        } else if (v instanceof List) {
            for (Object x : (List<?>) v) {
                collectKerasTensors(x, refs, layer, cls, position);
            }
        } else {
            problems.add(LayerDescr.of(layer, cls, position) + ": called with a constant ("
                    + dev.samovar.io.Json.stringify(v) + ") where TF.js expects a tensor");
        }
    }

    /** A Sequential whose rewrites need a graph becomes the equivalent functional Model. */
    private Map<String, Object> sequentialToFunctional(Map<String, Object> m, List<Object> layers, String scope) {
        Map<String, Object> first = Cfg.map(layers.get(0));
        Map<String, Object> c = m.get("config") instanceof Map ? Cfg.map(m.get("config")) : new LinkedHashMap<>();
        String name = Cfg.str(c, "name") == null ? "sequential" : Cfg.str(c, "name");
        List<Object> out = new ArrayList<>();
        String prev;
        if ("InputLayer".equals(Cfg.str(first, "class_name"))) {
            prev = entryName(first);
        } else {
            Map<String, Object> fc = Cfg.map(first.get("config"));
            Object shape = fc.get("batch_input_shape");
            if (shape == null) {
                throw new ConversionException(file + ": model_config" + scope + ": the Sequential model has no input shape "
                        + "(batch_input_shape on its first layer), which its conversion to a functional model needs");
            }
            prev = Cfg.str(fc, "name") + "_input";
            Map<String, Object> ic = new LinkedHashMap<>();
            ic.put("batch_input_shape", shape);
            ic.put("dtype", fc.getOrDefault("dtype", "float32"));
            ic.put("sparse", false);
            ic.put("name", prev);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("class_name", "InputLayer");
            input.put("config", ic);
            input.put("name", prev);
            input.put("inbound_nodes", new ArrayList<>());
            out.add(input);
        }
        for (Object o : layers) {
            Map<String, Object> e = Cfg.map(o);
            if ("InputLayer".equals(Cfg.str(e, "class_name"))) {
                e.put("name", entryName(e));
                e.put("inbound_nodes", new ArrayList<>());
                out.add(e);
                continue;
            }
            String n = entryName(e);
            e.put("name", n);
            if (!e.containsKey("inbound_nodes")) {
                e.put("inbound_nodes", List.of(List.of(ref(prev))));
            } else {
                for (Object node : Cfg.list(e.get("inbound_nodes"))) {
                    for (Object r : Cfg.list(node)) {
                        if (SEQUENTIAL_INPUT.equals(Cfg.list(r).get(0))) {
                            Cfg.list(r).set(0, Cfg.str(Cfg.map(out.get(0)), "name"));
                        }
                    }
                }
            }
            Cfg.map(e.get("config")).remove("batch_input_shape");
            out.add(e);
            prev = n;
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("name", name);
        fc.put("layers", out);
        fc.put("input_layers", List.of(new ArrayList<>(Arrays.asList(Cfg.str(Cfg.map(out.get(0)), "name"), 0.0, 0.0))));
        fc.put("output_layers", List.of(new ArrayList<>(Arrays.asList(prev, 0.0, 0.0))));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("class_name", "Model");
        model.put("config", fc);
        note("the Sequential model is written as an equivalent functional Model (a rewritten layer needs a graph)");
        return model;
    }

    /** Marks the input of a Sequential that is turned into a functional model. */
    private static final String SEQUENTIAL_INPUT = "@sequential_input";

    /**
     * Connects the layers that replace one layer of a functional model: a chain (no inbound_nodes)
     * follows the original node by node; a graph template has its {@link Rewrites#INPUT} references
     * replaced by the original inputs, for each time the original layer was called.
     */
    private static void wire(List<Map<String, Object>> replaced, List<Object> nodes) {
        String prev = null;
        for (Map<String, Object> e : replaced) {
            List<Object> template = Cfg.list(e.get("inbound_nodes"));
            List<Object> newNodes = new ArrayList<>();
            for (int k = 0; k < nodes.size(); k++) {
                if (template == null) {
                    newNodes.add(prev == null ? Cfg.copy(nodes.get(k))
                            : new ArrayList<>(List.of(new ArrayList<>(Arrays.asList(prev, (double) k, 0.0,
                                    new LinkedHashMap<String, Object>())))));
                } else {
                    List<Object> node = new ArrayList<>();
                    for (Object r : Cfg.list(template.get(0))) {
                        List<Object> rr = Cfg.list(r);
                        if (Rewrites.INPUT.equals(rr.get(0))) {
                            node.addAll(Cfg.list(Cfg.copy(nodes.get(k))));
                        } else {
                            node.add(new ArrayList<>(Arrays.asList(rr.get(0), (double) k, 0.0,
                                    new LinkedHashMap<String, Object>())));
                        }
                    }
                    newNodes.add(node);
                }
            }
            String n = entryName(e);
            e.put("name", n);
            e.put("inbound_nodes", newNodes);
            prev = n;
        }
    }

    private static List<Object> ref(String layer) {
        return new ArrayList<>(Arrays.asList(layer, 0.0, 0.0, new LinkedHashMap<String, Object>()));
    }

    // ------------------------------------------------------------------------------ layers

    /**
     * Normalizes one layer entry; returns the entries that replace it (usually itself). Entries of a
     * Sequential that need explicit wiring carry {@code inbound_nodes}.
     */
    private List<Map<String, Object>> layer(Map<String, Object> entry, int position, boolean first, String scope,
            boolean functional) {
        String cls = Cfg.str(entry, "class_name");
        Map<String, Object> config = Cfg.map(entry.get("config"));
        String name = config == null ? Cfg.str(entry, "name") : Cfg.str(config, "name");
        if (cls == null || config == null) {
            problems.add("layer " + position + " has no class_name/config");
            return List.of(entry);
        }
        if (MODEL_CLASSES.contains(cls)) {
            Map<String, Object> nested = model(entry, scope + " > " + name);
            return List.of(nested);
        }
        if (keras1) {
            try {
                if (cls.equals("Merge")) {
                    cls = Keras1.mapMerge(config);
                } else {
                    String mapped = Keras1.map(cls, config, first);
                    if (!mapped.equals(cls)) {
                        note("Keras 1 layer " + cls + " written as " + mapped);
                    }
                    cls = mapped;
                }
            } catch (IllegalArgumentException e) {
                problems.add(LayerDescr.of(name, cls, position) + ": " + e.getMessage());
                return List.of(entry);
            }
        }
        cls = CLASS_NAMES.getOrDefault(cls, cls);
        entry.put("class_name", cls);
        if (cls.equals("InputLayer")) {
            if (config.containsKey("batch_shape") && !config.containsKey("batch_input_shape")) {
                config.put("batch_input_shape", config.remove("batch_shape"));
            }
            config.remove("optional");
        }
        if (config.containsKey("batch_shape") && !config.containsKey("batch_input_shape")) {
            config.put("batch_input_shape", config.remove("batch_shape"));
        }
        dtype(cls, config, name);
        // Wrappers and RNNs hold layer configs of their own.
        for (String key : new String[] {"layer", "backward_layer", "cell"}) {
            Map<String, Object> inner = Cfg.map(config.get(key));
            if (inner != null && inner.get("config") instanceof Map) {
                List<Map<String, Object>> r = layer(inner, position, false, scope, false);
                config.put(key, r.get(0));
            }
        }
        if (cls.equals("Bidirectional") && config.get("backward_layer") != null) {
            problems.add(LayerDescr.of(name, cls, position) + ": a Bidirectional layer with its own backward_layer, which "
                    + "TF.js does not support");
        }
        List<Map<String, Object>> rewritten = Rewrites.apply(entry, cls, config, name, functional, this::note);
        if (rewritten != null) {
            for (Map<String, Object> r : rewritten) {
                validate(r, position);
            }
            return rewritten;
        }
        validate(entry, position);
        return List.of(entry);
    }

    /**
     * Layer dtypes TF.js has: float32 / int32 / bool / string. An input of another integer type reads
     * as int32, another float type as float32; a layer with weights whose dtype is an integer type
     * (Keras gives an Embedding its input's dtype) computes in float32 in TF.js, whose weights would
     * otherwise be created as int32 and refuse the file's float values.
     */
    private void dtype(String cls, Map<String, Object> config, String name) {
        Object d = config.get("dtype");
        if (!(d instanceof String)) {
            return;
        }
        String dt = (String) d;
        String to;
        if (cls.equals("InputLayer")) {
            to = dt.equals("float32") || dt.equals("int32") || dt.equals("bool") || dt.equals("string") ? dt
                    : dt.startsWith("float") || dt.startsWith("bfloat") ? "float32"
                    : dt.startsWith("int") || dt.startsWith("uint") ? "int32" : dt;
        } else {
            to = dt.startsWith("int") || dt.startsWith("uint") || dt.startsWith("float") || dt.startsWith("bfloat")
                    ? "float32" : dt;
        }
        if (!to.equals(dt)) {
            config.put("dtype", to);
            note("dtype " + dt + " of " + cls + " layers written as " + to + " (" + (cls.equals("InputLayer")
                    ? "TF.js has no " + dt : "TF.js creates the weights in the layer's dtype") + ")");
        }
    }

    private void validate(Map<String, Object> entry, int position) {
        String cls = Cfg.str(entry, "class_name");
        Map<String, Object> config = Cfg.map(entry.get("config"));
        String name = Cfg.str(config, "name");
        String why = LayerCatalog.whyUnsupported(cls);
        if (why == null && !LayerCatalog.TFJS_LAYERS.contains(cls) && !LayerCatalog.TFJS_CELLS.contains(cls)) {
            why = Keras1.unsupported(cls) != null ? Keras1.unsupported(cls)
                    : "TF.js 4.22 has no " + cls + " layer" + (isKnownKeras(cls) ? "" : " (a custom class?)");
        }
        if (why != null) {
            problems.add(LayerDescr.of(name, cls, position) + ": " + why);
            return;
        }
        checkSettings(cls, config, name, position);
    }

    private static boolean isKnownKeras(String cls) {
        return KNOWN_KERAS.contains(cls);
    }

    /** Keras layer classes that exist in Keras but not in TF.js (so the message does not say "custom"). */
    private static final Set<String> KNOWN_KERAS = new HashSet<>(Arrays.asList("Attention", "AdditiveAttention",
            "MultiHeadAttention", "Cropping1D", "Cropping3D", "ZeroPadding1D", "ZeroPadding3D", "UpSampling1D",
            "UpSampling3D", "SpatialDropout2D", "SpatialDropout3D", "LocallyConnected1D", "LocallyConnected2D",
            "SeparableConv1D", "Conv1DTranspose", "GlobalMaxPooling3D", "GlobalAveragePooling3D", "ActivityRegularization",
            "Subtract", "Normalization", "Discretization", "StringLookup", "IntegerLookup", "TextVectorization",
            "Hashing", "CategoryCrossing", "EinsumDense", "UnitNormalization", "GroupNormalization", "Identity",
            "RandomFlip", "RandomRotation", "RandomZoom", "RandomContrast", "RandomTranslation", "RandomCrop",
            "RandomHeight", "CuDNNLSTM", "CuDNNGRU", "SimpleRNNCell", "GRUCell", "LSTMCell", "StackedRNNCells",
            "ConvLSTM1D", "ConvLSTM3D", "Softmax", "ELU", "Wrapper"));

    /** Settings TF.js cannot honour: unknown activations, initializers, regularizers, constraints, groups. */
    private void checkSettings(String cls, Map<String, Object> config, String name, int position) {
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (key.equals("activation") || key.equals("recurrent_activation")) {
                if (!(v instanceof String) || !LayerCatalog.TFJS_ACTIVATIONS.contains(v)) {
                    problems.add(LayerDescr.of(name, cls, position) + ": " + key + " "
                            + (v instanceof String ? "'" + v + "'" : dev.samovar.io.Json.stringify(v))
                            + " is not one TF.js knows (" + String.join(", ", new java.util.TreeSet<>(LayerCatalog.TFJS_ACTIVATIONS))
                            + ")");
                }
            } else if (key.endsWith("_initializer")) {
                String c = v instanceof String ? null : Cfg.str(Cfg.map(v), "class_name");
                boolean ok = v instanceof String ? STRING_INITIALIZERS.contains(v) : c != null && LayerCatalog.TFJS_INITIALIZERS.contains(c);
                if (!ok) {
                    problems.add(LayerDescr.of(name, cls, position) + ": " + key + " "
                            + (c != null ? c : dev.samovar.io.Json.stringify(v)) + " is not an initializer TF.js knows");
                }
            } else if (key.endsWith("_regularizer")) {
                String c = Cfg.str(Cfg.map(v), "class_name");
                if (c == null || !LayerCatalog.TFJS_REGULARIZERS.contains(c)) {
                    problems.add(LayerDescr.of(name, cls, position) + ": " + key + " "
                            + (c != null ? c : dev.samovar.io.Json.stringify(v)) + " is not a regularizer TF.js knows (L1L2)");
                }
            } else if (key.endsWith("_constraint")) {
                String c = Cfg.str(Cfg.map(v), "class_name");
                if (c == null || !LayerCatalog.TFJS_CONSTRAINTS.contains(c)) {
                    problems.add(LayerDescr.of(name, cls, position) + ": " + key + " "
                            + (c != null ? c : dev.samovar.io.Json.stringify(v)) + " is not a constraint TF.js knows");
                }
            } else if (key.equals("groups") && v instanceof Number && ((Number) v).intValue() != 1) {
                problems.add(LayerDescr.of(name, cls, position) + ": groups=" + ((Number) v).intValue()
                        + " (grouped convolution), which TF.js does not have");
            } else if (key.equals("lora_rank")) {
                problems.add(LayerDescr.of(name, cls, position) + ": LoRA weights (lora_rank), which TF.js does not have");
            } else if (key.equals("keepdims") && Boolean.TRUE.equals(v)) {
                problems.add(LayerDescr.of(name, cls, position) + ": keepdims=true, which TF.js's " + cls
                        + " does not support");
            }
        }
    }

    /** "layer 'dense_2' (Dense, position 3)". */
    static final class LayerDescr {
        private LayerDescr() {
        }

        static String of(String name, String cls, int position) {
            return dev.samovar.convert.model.LayerWeights.describe(name, cls, position);
        }
    }
}
