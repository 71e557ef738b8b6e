package dev.samovar.layers.engine;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A linear stack of layers (TF.js's Sequential, models.js): {@link #add} connects each layer to
 * the previous output (the first layer needs {@code inputShape} or {@code batchInputShape}, from
 * which an input layer {@code <name>_input} is made; an InputLayer or a model may come first too).
 * As in TF.js, the graph is held by an inner {@link LayersModel} ({@code <name>_model}) built on
 * first use; {@link #layers()} lists the added layers only.
 */
public class Sequential extends LayersModel {
    private LayersModel model;

    /** {@code name} (default {@code sequential_1}, ...) and {@code layers} to add. */
    public Sequential(Args args) {
        super(new ArrayList<>(), new ArrayList<>(), null);
        Args a = args == null ? new Args() : args;
        setTrainable(true);
        this.built = false;
        this.name = a.has("name") ? a.getString("name") : NameScope.getUid("sequential_");
        Object ls = a.get("layers");
        if (ls instanceof List) {
            for (Object l : (List<?>) ls) {
                add((Layer) l);
            }
        }
    }

    @Override
    public String getClassName() {
        return "Sequential";
    }

    /** The inner functional model (null until built). */
    public LayersModel innerModel() {
        return model;
    }

    private void checkShape(Layer layer) {
        int[] shape = layer.inboundNodes.get(0).outputTensors.get(0).shapeRef();
        for (int d : shape) {
            if (d < 0 && d != Dims.UNKNOWN) {
                throw new IllegalArgumentException("Negative dimension size caused by adding layer " + layer.name()
                        + " with input shape [" + Dims.str(layer.inboundNodes.get(0).inputTensors.get(0).shapeRef())
                        + "]");
            }
        }
    }

    /** Adds a layer on top (TF.js's add), with TF.js's checks and messages. */
    public void add(Layer layer) {
        boolean isModel = layer instanceof LayersModel;
        LayersModel modelLayer = null;
        if (isModel) {
            modelLayer = (LayersModel) layer;
            if (modelLayer.outputs.size() != 1) {
                throw new IllegalArgumentException("All layers in a Sequential model should have a single output "
                        + "tensor. For multi-output layers, use the functional API.");
            }
            if (modelLayer.inputs.size() != 1) {
                throw new IllegalArgumentException("All layers in a Sequential model should have a single input "
                        + "tensor. For multi-input layers, use the functional API.");
            }
        }
        if (outputs.isEmpty()) {
            if (layer.inboundNodes.isEmpty()) {
                if (layer.batchInputShape == null) {
                    throw new IllegalArgumentException("The first layer in a Sequential model must get an "
                            + "`inputShape` or `batchInputShape` argument.");
                }
                SymbolicTensor x = InputLayer.input(Args.of("batchShape", layer.batchInputShape, "dtype", layer.dtype,
                        "name", layer.name() + "_input"));
                layer.apply(x);
            }
            if (isModel) {
                outputs = modelLayer.outputs;
                inputs = modelLayer.inputs;
            } else {
                if (layer.inboundNodes.size() != 1) {
                    throw new IllegalArgumentException("A layer added to a Sequential model must not already be "
                            + "connected somewhere else. LayersModel received layer " + layer.name() + " which has "
                            + layer.inboundNodes.size() + " pre-existing inbound connections.");
                }
                if (layer.inboundNodes.get(0).outputTensors.size() != 1) {
                    throw new IllegalArgumentException("All layers in a Sequential model should have a single output "
                            + "tensor. For multi-output layers, use the functional API.");
                }
                checkShape(layer);
                outputs = one(layer.inboundNodes.get(0).outputTensors.get(0));
                inputs = sourceInputs(outputs.get(0), null, null);
            }
            inboundNodes.clear();
            List<int[]> inShapes = new ArrayList<>();
            for (SymbolicTensor t : inputs) {
                inShapes.add(t.shapeRef());
            }
            Node node = new Node(this, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), inputs, outputs,
                    nulls(inputs.size()), nulls(1), inShapes, one(outputs.get(0).shapeRef()), null);
            node.bareOutputShape = true;
        } else {
            List<Object> out = layer.apply(one(outputs.get(0)), null);
            if (out.size() != 1) {
                throw new IllegalArgumentException("All layers in a Sequential model should have a single output "
                        + "tensor. For multi-output layers, use the functional API.");
            }
            checkShape(layer);
            outputs = one((SymbolicTensor) out.get(0));
            inboundNodes.get(0).outputTensors = outputs;
            inboundNodes.get(0).outputShapes = one(outputs.get(0).shapeRef());
            inboundNodes.get(0).bareOutputShape = false;
        }
        layers.add(layer);
        built = false;
    }

    /** Removes the last layer. */
    public void pop() {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("There are no layers in the model.");
        }
        layers.remove(layers.size() - 1);
        if (layers.isEmpty()) {
            outputs = new ArrayList<>();
            inboundNodes.clear();
            outboundNodes = new ArrayList<>();
        } else {
            Layer last = layers.get(layers.size() - 1);
            last.outboundNodes = new ArrayList<>();
            outputs = new ArrayList<>(last.output());
            inboundNodes.get(0).outputTensors = outputs;
            inboundNodes.get(0).outputShapes = one(outputs.get(0).shapeRef());
            inboundNodes.get(0).bareOutputShape = false;
        }
    }

    /** TF.js's getSourceInputs: the input tensors a tensor is computed from. */
    static List<SymbolicTensor> sourceInputs(SymbolicTensor tensor, Layer layer, Integer nodeIndex) {
        if (layer == null || (nodeIndex != null && nodeIndex > 0)) {
            layer = tensor.sourceLayer();
            nodeIndex = tensor.nodeIndex();
        }
        if (layer.inboundNodes.isEmpty()) {
            return one(tensor);
        }
        Node node = layer.inboundNodes.get(nodeIndex);
        if (node.inboundLayers.isEmpty()) {
            return node.inputTensors;
        }
        List<SymbolicTensor> sources = new ArrayList<>();
        for (int i = 0; i < node.inboundLayers.size(); i++) {
            for (SymbolicTensor x : sourceInputs(node.inputTensors.get(i), node.inboundLayers.get(i),
                    node.nodeIndices.get(i))) {
                if (!sources.contains(x)) {
                    sources.add(x);
                }
            }
        }
        return sources;
    }

    /** Builds the inner model (checks there is exactly one input shape if given). */
    @Override
    public void build(List<int[]> inputShapes) {
        if (inputShapes != null && inputShapes.size() > 1) {
            throw new IllegalArgumentException("Expected exactly 1 Shape; got " + inputShapes.size());
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("Sequential model cannot be built: model is empty. Add some layers "
                    + "first.");
        }
        model = new LayersModel(inputs, one(outputs.get(0)), name + "_model");
        model.setTrainable(trainable());
        supportsMasking = model.supportsMasking;
        inputLayers = model.inputLayers;
        inputLayersNodeIndices = model.inputLayersNodeIndices;
        inputLayersTensorIndices = model.inputLayersTensorIndices;
        outputLayers = model.outputLayers;
        outputLayersNodeIndices = model.outputLayersNodeIndices;
        outputLayersTensorIndices = model.outputLayersTensorIndices;
        nodesByDepth = model.nodesByDepth;
        containerNodes = model.containerNodes;
        outputNames = model.outputNames;
        inputNames = model.inputNames;
        built = true;
    }

    public void build() {
        build(null);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        if (model == null) {
            build();
        }
        return model.call(inputs, kwargs);
    }

    @Override
    public int countParams() {
        if (!built) {
            build();
        }
        return super.countParams();
    }

    @Override
    public void summary(Integer lineLength, double[] positions, Consumer<String> printFn) {
        if (!built) {
            build();
        }
        super.summary(lineLength, positions, printFn);
    }

    @Override
    public void setWeights(List<Tensor> weights) {
        if (model == null) {
            build();
        }
        model.setWeights(weights);
    }

    @Override
    public List<Tensor> predict(List<Tensor> x, Double batchSize) {
        if (model == null) {
            build();
        }
        return model.predict(x, batchSize);
    }

    @Override
    public List<Tensor> predictOnBatch(List<Tensor> x) {
        if (model == null) {
            build();
        }
        return model.predictOnBatch(x);
    }

    /** {@code {name, layers: [{className, config}, ...]}} (TF.js's Sequential config). */
    @Override
    public Map<String, Object> getConfig() {
        List<Object> ls = new ArrayList<>();
        for (Layer layer : layers) {
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("className", layer.getClassName());
            dict.put("config", layer.getConfig());
            ls.add(dict);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("layers", ls);
        return config;
    }

    @SuppressWarnings("unchecked")
    static Sequential fromConfig(Map<String, Object> config, DeserializeContext ctx) {
        Object layersConfig = config.get("layers");
        if (layersConfig == null) {
            throw new IllegalArgumentException("When the config data for a Sequential model is not an Array, it must "
                    + "be an Object that contains the 'layers' field.");
        }
        List<Object> configArray = (List<Object>) layersConfig;
        if (config.containsKey(LayerRegistry.LEGACY_ARRAY) && (configArray.isEmpty()
                || !(configArray.get(0) instanceof Map) || ((Map<?, ?>) configArray.get(0)).get("className") == null
                || "Merge".equals(((Map<?, ?>) configArray.get(0)).get("className")))) {
            throw new IllegalArgumentException("Legacy serialization format not supported yet.");
        }
        Object name = config.get("name");
        Sequential model = new Sequential(Args.of("name", name instanceof String ? name : null));
        for (int i = 0; i < configArray.size(); i++) {
            Layer layer = LayerRegistry.deserialize((Map<String, Object>) configArray.get(i),
                    ctx.child(".layers[" + i + "]"));
            if (ctx.fastWeightInit()) {
                layer.setFastWeightInitDuringBuild(true);
            }
            model.add(layer);
        }
        return model;
    }
}
