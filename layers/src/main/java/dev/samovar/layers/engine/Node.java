package dev.samovar.layers.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection between layers (TF.js's Node): one call of {@link #outboundLayer} on tensors coming
 * from {@link #inboundLayers} (at their nodes {@link #nodeIndices}, outputs {@link #tensorIndices}).
 * A node is added to the outbound layer's inbound nodes and to each inbound layer's outbound nodes.
 */
public final class Node {
    private static int nextNodeId;

    final int id;
    final Map<String, Object> callArgs;
    final Layer outboundLayer;
    final List<Layer> inboundLayers;
    final List<Integer> nodeIndices;
    final List<Integer> tensorIndices;
    List<SymbolicTensor> inputTensors;
    List<SymbolicTensor> outputTensors;
    final List<Object> inputMasks;
    final List<Object> outputMasks;
    List<int[]> inputShapes;
    List<int[]> outputShapes;
    /**
     * Whether TF.js holds outputShapes as one bare shape rather than a list of shapes (a Sequential's
     * first node): only the text of {@link Layer#outputShape}'s consistency check depends on it.
     */
    boolean bareOutputShape;

    Node(Layer outboundLayer, List<Layer> inboundLayers, List<Integer> nodeIndices, List<Integer> tensorIndices,
            List<SymbolicTensor> inputTensors, List<SymbolicTensor> outputTensors, List<Object> inputMasks,
            List<Object> outputMasks, List<int[]> inputShapes, List<int[]> outputShapes, Map<String, Object> callArgs) {
        this.callArgs = callArgs;
        this.id = nextNodeId++;
        this.outboundLayer = outboundLayer;
        this.inboundLayers = inboundLayers;
        this.nodeIndices = nodeIndices;
        this.tensorIndices = tensorIndices;
        this.inputTensors = inputTensors;
        this.outputTensors = outputTensors;
        this.inputMasks = inputMasks;
        this.outputMasks = outputMasks;
        this.inputShapes = inputShapes;
        this.outputShapes = outputShapes;
        for (Layer layer : inboundLayers) {
            if (layer != null) {
                layer.outboundNodes.add(this);
            }
        }
        outboundLayer.inboundNodes.add(this);
    }

    public int id() {
        return id;
    }

    public Layer outboundLayer() {
        return outboundLayer;
    }

    public List<Layer> inboundLayers() {
        return inboundLayers;
    }

    public List<Integer> nodeIndices() {
        return nodeIndices;
    }

    public List<Integer> tensorIndices() {
        return tensorIndices;
    }

    public List<SymbolicTensor> inputTensors() {
        return inputTensors;
    }

    public List<SymbolicTensor> outputTensors() {
        return outputTensors;
    }

    public List<int[]> inputShapes() {
        return inputShapes;
    }

    public List<int[]> outputShapes() {
        return outputShapes;
    }

    public Map<String, Object> callArgs() {
        return callArgs;
    }

    /** The text TF.js's {@code JSON.stringify(node.outputShapes)} gives. */
    String outputShapesJson() {
        if (bareOutputShape && outputShapes.size() == 1) {
            return dev.samovar.layers.serialization.Dims.json(outputShapes.get(0));
        }
        return dev.samovar.layers.serialization.Dims.json(outputShapes);
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? new ArrayList<>() : l;
    }
}
