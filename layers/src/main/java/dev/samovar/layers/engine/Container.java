package dev.samovar.layers.engine;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import dev.samovar.layers.serialization.Pythonic;
import dev.samovar.layers.serialization.Undefined;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A directed acyclic graph of layers from input to output symbolic tensors (TF.js's Container,
 * engine/container.js): the topology of a model, itself usable as a layer (a model inside a
 * model). {@link #layers} are ordered as TF.js orders them (by depth from the outputs, then by
 * traversal order); calling it on tensors runs the {@link Executor}.
 */
public abstract class Container extends Layer {
    /** The TF.js version written as {@code keras_version} ("tfjs-layers 4.22.0"). */
    public static final String LAYERS_VERSION = "4.22.0";

    protected List<SymbolicTensor> inputs;
    protected List<SymbolicTensor> outputs;
    protected List<Layer> inputLayers = new ArrayList<>();
    protected List<Integer> inputLayersNodeIndices = new ArrayList<>();
    protected List<Integer> inputLayersTensorIndices = new ArrayList<>();
    protected List<Layer> outputLayers = new ArrayList<>();
    protected List<Integer> outputLayersNodeIndices = new ArrayList<>();
    protected List<Integer> outputLayersTensorIndices = new ArrayList<>();
    protected List<Layer> layers = new ArrayList<>();
    protected List<Container> internalContainerRefs = new ArrayList<>();
    protected List<String> inputNames = new ArrayList<>();
    protected List<String> outputNames = new ArrayList<>();
    protected List<int[]> feedInputShapes = new ArrayList<>();
    protected List<String> feedInputNames = new ArrayList<>();
    protected List<String> feedOutputNames = new ArrayList<>();
    protected List<int[]> internalInputShapes = new ArrayList<>();
    protected List<int[]> internalOutputShapes = new ArrayList<>();
    protected Set<String> containerNodes = new HashSet<>();
    /** Depth → nodes (iterated by ascending depth, as a JS object with integer keys). */
    protected TreeMap<Integer, List<Node>> nodesByDepth = new TreeMap<>();
    protected TreeMap<Integer, List<Layer>> layersByDepth = new TreeMap<>();

    /**
     * Builds the graph from inputs (symbolic tensors of input layers) to outputs. {@code name} null
     * gives the lower-case class name and a uid ({@code model1}).
     */
    protected Container(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        super(new Args());
        this.name = name != null ? name : NameScope.getUid(getClassName().toLowerCase());
        this.supportsMasking = false;
        this.trainable = true;
        this.inputs = new ArrayList<>(inputs);
        this.outputs = new ArrayList<>(outputs);
        if (unique(this.inputs).size() != this.inputs.size()) {
            throw new IllegalArgumentException("The list of inputs passed to the model is redundant. All inputs should "
                    + "only appear once. Found: " + Js.str(names(this.inputs)));
        }
        if (unique(this.outputs).size() != this.outputs.size()) {
            Warnings.warn("The list of outputs passed to the model is redundant. All outputs should only appear "
                    + "once. Found: " + Js.str(names(this.outputs)));
        }
        for (SymbolicTensor x : this.outputs) {
            outputLayers.add(x.sourceLayer());
            outputLayersNodeIndices.add(x.nodeIndex());
            outputLayersTensorIndices.add(x.tensorIndex());
        }
        for (SymbolicTensor x : this.inputs) {
            if (x.nodeIndex() != 0) {
                throw new IllegalStateException("input layer has >1 nodes");
            }
            if (x.tensorIndex() != 0) {
                throw new IllegalStateException("input layer has >1 tensors");
            }
            inputLayers.add(x.sourceLayer());
            inputLayersNodeIndices.add(x.nodeIndex());
            inputLayersTensorIndices.add(x.tensorIndex());
        }
        for (int i = 0; i < inputLayers.size(); i++) {
            Layer layer = inputLayers.get(i);
            if (!(layer instanceof InputLayer)) {
                throw new IllegalArgumentException("Input layers to a LayersModel must be InputLayer objects. "
                        + "Received inputs: " + Js.str(inputs.size() == 1 ? inputs.get(0) : inputs) + ". Input " + i
                        + " (0-based) originates from layer type " + layer.getClassName() + ".");
            }
            inputNames.add(layer.name());
            feedInputShapes.add(layer.batchInputShape);
            feedInputNames.add(layer.name());
        }
        for (Layer layer : outputLayers) {
            outputNames.add(layer.name());
        }
        for (SymbolicTensor x : this.inputs) {
            internalInputShapes.add(x.shapeRef());
        }
        for (SymbolicTensor x : this.outputs) {
            internalOutputShapes.add(x.shapeRef());
        }
        buildGraph();
        this.outboundNodes = new ArrayList<>();
        this.inboundNodes.clear();
        List<int[]> inShapes = new ArrayList<>();
        for (SymbolicTensor x : this.inputs) {
            inShapes.add(x.shapeRef());
        }
        List<int[]> outShapes = new ArrayList<>();
        for (SymbolicTensor x : this.outputs) {
            outShapes.add(x.shapeRef());
        }
        new Node(this, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), this.inputs, this.outputs,
                nulls(this.inputs.size()), nulls(this.outputs.size()), inShapes, outShapes, null);
        this.built = true;
        this.refCount = 1;
    }

    private static List<String> names(List<SymbolicTensor> ts) {
        List<String> out = new ArrayList<>();
        for (SymbolicTensor t : ts) {
            out.add(t.name());
        }
        return out;
    }

    private static <T> List<T> unique(List<T> xs) {
        List<T> out = new ArrayList<>();
        for (T x : xs) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    /** Orders nodes and layers by depth, checks connectivity and unique names (TF.js's constructor). */
    private void buildGraph() {
        Map<Integer, Integer> nodesDepths = new TreeMap<>();
        Map<Integer, Node> nodeIdToNode = new HashMap<>();
        Map<Integer, Integer> layersDepths = new TreeMap<>();
        Map<Integer, Layer> layerIdToLayer = new HashMap<>();
        Map<Integer, Integer> layerIndices = new HashMap<>();
        List<Node> nodesInDecreasingDepth = new ArrayList<>();
        List<Node> finishedNodes = new ArrayList<>();
        List<Node> nodesInProgress = new ArrayList<>();
        for (SymbolicTensor x : outputs) {
            buildMapOfGraph(x, finishedNodes, nodesInProgress, x.sourceLayer(), x.nodeIndex(), layerIndices,
                    nodesInDecreasingDepth);
        }
        List<Node> reversed = new ArrayList<>(nodesInDecreasingDepth);
        Collections.reverse(reversed);
        for (Node node : reversed) {
            nodeIdToNode.put(node.id, node);
            if (!nodesDepths.containsKey(node.id)) {
                nodesDepths.put(node.id, 0);
            }
            int depth = nodesDepths.get(node.id);
            Integer prev = layersDepths.get(node.outboundLayer.id);
            int previousDepth = prev == null ? 0 : prev;
            depth = Math.max(depth, previousDepth);
            layersDepths.put(node.outboundLayer.id, depth);
            layerIdToLayer.put(node.outboundLayer.id, node.outboundLayer);
            nodesDepths.put(node.id, depth);
            for (int i = 0; i < node.inboundLayers.size(); i++) {
                Layer inboundLayer = node.inboundLayers.get(i);
                int nodeIndex = node.nodeIndices.get(i);
                Node inboundNode = inboundLayer.inboundNodes.get(nodeIndex);
                Integer p = nodesDepths.get(inboundNode.id);
                nodesDepths.put(inboundNode.id, Math.max(depth + 1, p == null ? 0 : p));
                nodeIdToNode.put(inboundNode.id, inboundNode);
            }
        }
        TreeMap<Integer, List<Node>> byDepth = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : nodesDepths.entrySet()) {
            byDepth.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(nodeIdToNode.get(e.getKey()));
        }
        TreeMap<Integer, List<Layer>> layersBy = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : layersDepths.entrySet()) {
            layersBy.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(layerIdToLayer.get(e.getKey()));
        }
        layers = new ArrayList<>();
        for (Integer depth : layersBy.descendingKeySet()) {
            List<Layer> forDepth = layersBy.get(depth);
            forDepth.sort((a, b) -> Integer.compare(layerIndices.get(a.id), layerIndices.get(b.id)));
            for (Layer layer : forDepth) {
                if (layer instanceof Container) {
                    internalContainerRefs.add((Container) layer);
                }
                layers.add(layer);
            }
        }
        layersByDepth = layersBy;
        List<SymbolicTensor> computable = new ArrayList<>(inputs);
        List<String> layersWithCompleteInput = new ArrayList<>();
        for (Integer depth : byDepth.descendingKeySet()) {
            for (Node node : byDepth.get(depth)) {
                Layer layer = node.outboundLayer;
                if (layer != null) {
                    for (SymbolicTensor x : node.inputTensors) {
                        if (!computable.contains(x)) {
                            throw new IllegalStateException("Graph disconnected: cannot obtain value for tensor " + x
                                    + " at layer \"" + layer.name() + "\". The following previous layers were "
                                    + "accessed without issue: " + Js.str(layersWithCompleteInput));
                        }
                    }
                    computable.addAll(node.outputTensors);
                    layersWithCompleteInput.add(layer.name());
                }
            }
        }
        nodesByDepth = byDepth;
        List<String> allNames = new ArrayList<>();
        for (Layer l : layers) {
            allNames.add(l.name());
        }
        for (String n : allNames) {
            int occurrences = Collections.frequency(allNames, n);
            if (occurrences != 1) {
                throw new IllegalStateException("The name \"" + n + "\" is used " + occurrences + " times in the "
                        + "model. All layer names should be unique. Layer names: " + Js.json(allNames));
            }
        }
    }

    private void buildMapOfGraph(SymbolicTensor tensor, List<Node> finishedNodes, List<Node> nodesInProgress,
            Layer layer, int nodeIndex, Map<Integer, Integer> layerIndices, List<Node> nodesInDecreasingDepth) {
        Node node = layer.inboundNodes.get(nodeIndex);
        if (nodesInProgress.contains(node)) {
            throw new IllegalStateException("The tensor " + tensor.name() + " at layer \"" + layer.name()
                    + "\" is part of a cycle.");
        }
        if (finishedNodes.contains(node)) {
            return;
        }
        containerNodes.add(nodeKey(layer, nodeIndex));
        if (!layerIndices.containsKey(layer.id)) {
            layerIndices.put(layer.id, layerIndices.size());
        }
        nodesInProgress.add(node);
        for (int i = 0; i < node.inboundLayers.size(); i++) {
            buildMapOfGraph(node.inputTensors.get(i), finishedNodes, nodesInProgress, node.inboundLayers.get(i),
                    node.nodeIndices.get(i), layerIndices, nodesInDecreasingDepth);
        }
        finishedNodes.add(node);
        while (nodesInProgress.remove(node)) {
            // remove every occurrence
        }
        nodesInDecreasingDepth.add(node);
    }

    // ------------------------------------------------------------------------- accessors

    /** The layers, input layers included (a Sequential's auto-made input layer is not listed). */
    public List<Layer> layers() {
        return layers;
    }

    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    public List<SymbolicTensor> outputs() {
        return outputs;
    }

    public List<Layer> inputLayers() {
        return inputLayers;
    }

    public List<Layer> outputLayers() {
        return outputLayers;
    }

    public List<String> inputNames() {
        return inputNames;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    public List<int[]> feedInputShapes() {
        return feedInputShapes;
    }

    public List<int[]> internalOutputShapes() {
        return internalOutputShapes;
    }

    public TreeMap<Integer, List<Node>> nodesByDepth() {
        return nodesByDepth;
    }

    public Set<String> containerNodes() {
        return containerNodes;
    }

    // ------------------------------------------------------------------------- weights

    @Override
    protected void assertNotDisposed() {
        if (refCount != null && refCount == 0) {
            throw new IllegalStateException("Container '" + name + "' is already disposed.");
        }
    }

    /** Decrements the reference count; at 0 every layer is disposed (their weights with them). */
    @Override
    public DisposeResult dispose() {
        assertNotDisposed();
        int disposed = 0;
        refCount = refCount - 1;
        if (refCount == 0) {
            for (Layer layer : layers) {
                disposed += layer.dispose().numDisposedVariables;
            }
            for (Container c : internalContainerRefs) {
                disposed += c.dispose().numDisposedVariables;
            }
        }
        return new DisposeResult(refCount, disposed);
    }

    /** Freezes or unfreezes every layer's weights (a model used as a layer: freeze a sub-model). */
    @Override
    public void setTrainable(boolean trainable) {
        for (Layer layer : layers) {
            for (LayerVariable w : layer.trainableWeightsList) {
                w.setTrainable(trainable);
            }
        }
        this.trainable = trainable;
    }

    @Override
    public List<LayerVariable> trainableWeights() {
        if (!trainableWeightsList.isEmpty()) {
            throw new IllegalArgumentException("Container instance unexpectedly contains _trainableWeights.The "
                    + "trainable weights of a Container are a union of the trainable weights of its consituent "
                    + "Layers. Its own _trainableWeights must remain an empty Array.");
        }
        List<LayerVariable> out = new ArrayList<>();
        if (!trainable()) {
            return out;
        }
        for (Layer layer : layers) {
            out.addAll(layer.trainableWeights());
        }
        return out;
    }

    @Override
    public List<LayerVariable> nonTrainableWeights() {
        List<LayerVariable> weights = new ArrayList<>();
        for (Layer layer : layers) {
            weights.addAll(layer.nonTrainableWeights());
        }
        if (!trainable()) {
            List<LayerVariable> out = new ArrayList<>();
            for (Layer layer : layers) {
                out.addAll(layer.trainableWeights());
            }
            out.addAll(weights);
            return out;
        }
        return weights;
    }

    /**
     * Assigns weights by name (TF.js's loadWeights): keys are the weights' original names
     * ({@code dense_1/kernel}); {@code strict} requires exactly the model's weights.
     */
    public void loadWeights(Map<String, Tensor> weights, boolean strict) {
        Map<String, LayerVariable> nameToWeight = new LinkedHashMap<>();
        int total = 0;
        for (Layer layer : layers) {
            for (LayerVariable w : layer.weights()) {
                if (nameToWeight.containsKey(w.originalName())) {
                    throw new IllegalArgumentException("Duplicate weight name: " + w.originalName());
                }
                nameToWeight.put(w.originalName(), w);
                total++;
            }
        }
        List<LayerVariable> targets = new ArrayList<>();
        List<Tensor> values = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            String key = e.getKey();
            String validated = key;
            if (!nameToWeight.containsKey(key)) {
                String[] tokens = key.split("/", -1);
                List<String> shortened = new ArrayList<>();
                for (int i = 0; i < tokens.length - 2; i++) {
                    shortened.add(tokens[i]);
                }
                shortened.add(tokens[tokens.length - 1]);
                validated = String.join("/", shortened);
            }
            if (nameToWeight.containsKey(validated)) {
                targets.add(nameToWeight.get(validated));
                values.add(e.getValue());
            } else if (strict) {
                throw new IllegalArgumentException("Provided weight data has no target variable: " + key);
            }
            nameToWeight.remove(validated);
        }
        if (strict && !nameToWeight.isEmpty()) {
            throw new IllegalArgumentException(nameToWeight.size() + " of " + total + " weights are not set: "
                    + String.join(",", nameToWeight.keySet()));
        }
        for (int i = 0; i < targets.size(); i++) {
            LayerVariable t = targets.get(i);
            if (!Dims.equal(t.shape(), values.get(i).shapeRef())) {
                throw new IllegalArgumentException("Shape mismatch: " + Js.json(t.shape()) + " vs. "
                        + Js.json(values.get(i).shapeRef()) + " (weight '" + t.originalName() + "')");
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).write(values.get(i));
        }
    }

    // --------------------------------------------------------------------------- running

    /** Runs the graph on concrete inputs (one per model input). */
    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            FeedDict feedDict = new FeedDict();
            for (int i = 0; i < this.inputs.size(); i++) {
                feedDict.add(this.inputs.get(i), inputs.get(i));
            }
            return Executor.execute(outputs, feedDict, kwargs);
        });
    }

    /** Masks through a model are not propagated yet: none. */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        return null;
    }

    /** The output shapes for given input shapes, computed layer by layer (TF.js's computeOutputShape). */
    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        if (inputShapes.size() != inputLayers.size()) {
            throw new IllegalArgumentException("Invalid inputShape argument " + Js.str(shapesForMessage(inputShapes))
                    + ": model has " + inputLayers.size() + " tensor inputs.");
        }
        Map<String, int[]> layersToOutputShapes = new HashMap<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            layersToOutputShapes.put(inputLayers.get(i).name() + "_0_0", inputShapes.get(i));
        }
        if (nodesByDepth.size() > 1) {
            for (Integer depth : nodesByDepth.descendingKeySet()) {
                for (Node node : nodesByDepth.get(depth)) {
                    Layer layer = node.outboundLayer;
                    if (inputLayers.contains(layer)) {
                        continue;
                    }
                    List<int[]> in = new ArrayList<>();
                    for (int j = 0; j < node.inboundLayers.size(); j++) {
                        in.add(layersToOutputShapes.get(node.inboundLayers.get(j).name() + "_"
                                + node.nodeIndices.get(j) + "_" + node.tensorIndices.get(j)));
                    }
                    List<int[]> out = layer.computeOutputShape(in);
                    int nodeIndex = layer.inboundNodes.indexOf(node);
                    for (int j = 0; j < out.size(); j++) {
                        layersToOutputShapes.put(layer.name() + "_" + nodeIndex + "_" + j, out.get(j));
                    }
                }
            }
        }
        List<int[]> result = new ArrayList<>();
        for (int i = 0; i < outputLayers.size(); i++) {
            String key = outputLayers.get(i).name() + "_" + outputLayersNodeIndices.get(i) + "_"
                    + outputLayersTensorIndices.get(i);
            if (!layersToOutputShapes.containsKey(key)) {
                throw new IllegalStateException("Could not compute the output shape of " + key);
            }
            result.add(layersToOutputShapes.get(key));
        }
        return result;
    }

    private static Object shapesForMessage(List<int[]> shapes) {
        List<Object> l = new ArrayList<>();
        for (int[] s : shapes) {
            l.add(Dims.toList(s));
        }
        return l.size() == 1 ? l.get(0) : l;
    }

    /** A layer by name (TF.js's getLayer(name)). */
    public Layer getLayer(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Provide either a layer name or layer index");
        }
        for (Layer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("No such layer: " + name);
    }

    /** A layer by index in {@link #layers} (TF.js's getLayer(index)). */
    public Layer getLayer(int index) {
        if (layers.size() <= index) {
            throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + ", but model only has "
                    + layers.size() + " layer(s).");
        }
        return layers.get(index);
    }

    /** The losses of the layers of this graph's nodes (regularization penalties). */
    @Override
    public List<Tensor> calculateLosses() {
        return Engine.get().tidy(() -> {
            List<Tensor> out = new ArrayList<>();
            for (Layer layer : layers) {
                for (int n = 0; n < layer.inboundNodes.size(); n++) {
                    if (containerNodes.contains(nodeKey(layer, n))) {
                        out.addAll(layer.calculateLosses());
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean stateful() {
        if (stateful) {
            throw new IllegalArgumentException("Container instance unexpectedly has _stateful = true. The "
                    + "statefulness of a Container is determined by the Layers it contains. Its _stateful property "
                    + "must remain the default false.");
        }
        for (Layer layer : layers) {
            if (layer.stateful()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void resetStates() {
        Engine.get().tidy(() -> {
            for (Layer layer : layers) {
                if (layer.stateful()) {
                    layer.resetStates();
                }
            }
            return null;
        });
    }

    // ----------------------------------------------------------------------- serialization

    private Map<String, Integer> buildNodeConversionMap() {
        Map<String, Integer> map = new HashMap<>();
        for (Layer layer : layers) {
            int kept = layer instanceof Container ? 1 : 0;
            for (int i = 0; i < layer.inboundNodes.size(); i++) {
                String key = nodeKey(layer, i);
                if (containerNodes.contains(key)) {
                    map.put(key, kept);
                    kept++;
                }
            }
        }
        return map;
    }

    /**
     * TF.js's config of a functional model: name, layers (each with name, className, config and
     * inboundNodes as {@code [[layerName, nodeIndex, tensorIndex, kwargs], ...]} per node),
     * inputLayers and outputLayers.
     */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        Map<String, Integer> conversion = buildNodeConversionMap();
        List<Object> layerConfigs = new ArrayList<>();
        for (Layer layer : layers) {
            String className = layer.getClassName();
            Map<String, Object> layerConfig = layer.getConfig();
            List<Object> filteredInboundNodes = new ArrayList<>();
            for (int original = 0; original < layer.inboundNodes.size(); original++) {
                Node node = layer.inboundNodes.get(original);
                String key = nodeKey(layer, original);
                if (!containerNodes.contains(key)) {
                    continue;
                }
                Map<String, Object> kwargs = serializableKwargs(node.callArgs);
                if (!node.inboundLayers.isEmpty()) {
                    List<Object> nodeData = new ArrayList<>();
                    for (int i = 0; i < node.inboundLayers.size(); i++) {
                        Layer inbound = node.inboundLayers.get(i);
                        Integer newIndex = conversion.get(nodeKey(inbound, node.nodeIndices.get(i)));
                        List<Object> entry = new ArrayList<>();
                        entry.add(inbound.name());
                        entry.add(newIndex == null ? 0 : newIndex);
                        entry.add(node.tensorIndices.get(i));
                        entry.add(kwargs);
                        nodeData.add(entry);
                    }
                    filteredInboundNodes.add(nodeData);
                }
            }
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("name", layer.name());
            dict.put("className", className);
            dict.put("config", layerConfig);
            dict.put("inboundNodes", filteredInboundNodes);
            layerConfigs.add(dict);
        }
        config.put("layers", layerConfigs);
        config.put("inputLayers", endpoints(inputLayers, inputLayersNodeIndices, inputLayersTensorIndices, conversion));
        config.put("outputLayers",
                endpoints(outputLayers, outputLayersNodeIndices, outputLayersTensorIndices, conversion));
        return config;
    }

    private List<Object> endpoints(List<Layer> ls, List<Integer> nodeIndices, List<Integer> tensorIndices,
            Map<String, Integer> conversion) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            String key = nodeKey(ls.get(i), nodeIndices.get(i));
            if (!containerNodes.contains(key)) {
                continue;
            }
            Integer newIndex = conversion.get(key);
            List<Object> e = new ArrayList<>();
            e.add(ls.get(i).name());
            e.add(newIndex == null ? 0 : newIndex);
            e.add(tensorIndices.get(i));
            out.add(e);
        }
        return out;
    }

    /** Call arguments that JSON can hold (tensors, e.g. masks, are left out). */
    private static Map<String, Object> serializableKwargs(Map<String, Object> callArgs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (callArgs == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : callArgs.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof List
                    || v instanceof Map || v == Undefined.INSTANCE) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** {@code {className, config, kerasVersion, backend}} (TF.js's updatedConfig). */
    public Map<String, Object> updatedConfig() {
        Map<String, Object> theConfig = getConfig();
        Map<String, Object> modelConfig = new LinkedHashMap<>();
        modelConfig.put("className", getClassName());
        modelConfig.put("config", theConfig);
        modelConfig.put("kerasVersion", "tfjs-layers " + LAYERS_VERSION);
        modelConfig.put("backend", "TensorFlow.js");
        return modelConfig;
    }

    /** The model topology in Keras JSON (snake_case), as TF.js's {@code toJSON(null, false)}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toJsonObject() {
        return (Map<String, Object>) Pythonic.toPythonic(updatedConfig());
    }

    /** The model topology as text, exactly as TF.js's {@code model.toJSON()} writes it. */
    public String toJson() {
        return Js.json(toJsonObject());
    }

    /**
     * TF.js's Container.fromConfig: makes every layer, then replays the recorded calls in an order
     * where each call's inputs exist, and connects the model's inputs and outputs.
     */
    @SuppressWarnings("unchecked")
    static <T extends Container> T fromConfig(Map<String, Object> config, DeserializeContext ctx, ModelMaker<T> maker) {
        Map<String, Layer> createdLayers = new LinkedHashMap<>();
        Map<String, List<List<Object>>> unprocessed = new LinkedHashMap<>();
        List<Object> layersFromConfig = (List<Object>) config.get("layers");
        if (layersFromConfig == null) {
            throw new IllegalArgumentException("The model config at " + ctx.path() + " has no 'layers' field.");
        }
        for (int i = 0; i < layersFromConfig.size(); i++) {
            Map<String, Object> layerData = (Map<String, Object>) layersFromConfig.get(i);
            String layerName = (String) layerData.get("name");
            Layer layer = LayerRegistry.deserialize(layerData, ctx.child(".layers[" + i + "]"));
            layer.setFastWeightInitDuringBuild(ctx.fastWeightInit());
            createdLayers.put(layerName, layer);
            Object inbound = layerData.get("inboundNodes");
            List<Object> inboundNodesData = inbound instanceof List ? (List<Object>) inbound : new ArrayList<>();
            for (Object nodeData : inboundNodesData) {
                if (!(nodeData instanceof List)) {
                    throw new IllegalArgumentException("Corrupted configuration, expected array for nodeData: "
                            + Js.str(nodeData));
                }
                unprocessed.computeIfAbsent(layer.name(), k -> new ArrayList<>()).add((List<Object>) nodeData);
            }
        }
        while (!unprocessed.isEmpty()) {
            boolean progress = false;
            for (Object o : layersFromConfig) {
                Layer layer = createdLayers.get((String) ((Map<String, Object>) o).get("name"));
                List<List<Object>> pending = unprocessed.remove(layer.name());
                if (pending == null) {
                    continue;
                }
                for (List<Object> nodeData : pending) {
                    if (processNode(layer, nodeData, createdLayers, unprocessed)) {
                        progress = true;
                    }
                }
            }
            if (!progress && !unprocessed.isEmpty()) {
                throw new IllegalArgumentException("Cannot connect the layers of the model config at " + ctx.path()
                        + ": the inbound nodes of " + String.join(", ", unprocessed.keySet()) + " refer to layers or "
                        + "nodes that do not exist.");
            }
        }
        List<SymbolicTensor> inputTensors = endpointTensors(config.get("inputLayers"), createdLayers, ctx, "inputLayers");
        List<SymbolicTensor> outputTensors = endpointTensors(config.get("outputLayers"), createdLayers, ctx,
                "outputLayers");
        Object name = config.get("name");
        return maker.make(inputTensors, outputTensors, name instanceof String ? (String) name : null);
    }

    /** Makes the model class being deserialized. */
    interface ModelMaker<T extends Container> {
        T make(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name);
    }

    @SuppressWarnings("unchecked")
    private static boolean processNode(Layer layer, List<Object> nodeData, Map<String, Layer> createdLayers,
            Map<String, List<List<Object>>> unprocessed) {
        List<SymbolicTensor> inputTensors = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object d : nodeData) {
            List<Object> inputData = (List<Object>) d;
            String inboundLayerName = (String) inputData.get(0);
            int inboundNodeIndex = ((Number) inputData.get(1)).intValue();
            int inboundTensorIndex = ((Number) inputData.get(2)).intValue();
            Object kw = inputData.size() > 3 ? inputData.get(3) : null;
            kwargs = kw instanceof Map ? new LinkedHashMap<>((Map<String, Object>) kw) : new LinkedHashMap<>();
            Layer inboundLayer = createdLayers.get(inboundLayerName);
            if (inboundLayer == null || inboundLayer.inboundNodes.size() <= inboundNodeIndex) {
                unprocessed.computeIfAbsent(layer.name(), k -> new ArrayList<>()).add(nodeData);
                return false;
            }
            inputTensors.add(inboundLayer.inboundNodes.get(inboundNodeIndex).outputTensors.get(inboundTensorIndex));
        }
        if (!inputTensors.isEmpty()) {
            layer.apply(inputTensors, kwargs);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<SymbolicTensor> endpointTensors(Object data, Map<String, Layer> createdLayers,
            DeserializeContext ctx, String field) {
        List<SymbolicTensor> out = new ArrayList<>();
        if (!(data instanceof List)) {
            return out;
        }
        for (Object o : (List<Object>) data) {
            List<Object> e = (List<Object>) o;
            String layerName = (String) e.get(0);
            int nodeIndex = ((Number) e.get(1)).intValue();
            int tensorIndex = ((Number) e.get(2)).intValue();
            Layer layer = createdLayers.get(layerName);
            if (layer == null) {
                throw new IllegalArgumentException("The model config at " + ctx.path() + " names layer \"" + layerName
                        + "\" in " + field + ", but has no such layer.");
            }
            out.add(layer.inboundNodes.get(nodeIndex).outputTensors.get(tensorIndex));
        }
        return out;
    }
}
