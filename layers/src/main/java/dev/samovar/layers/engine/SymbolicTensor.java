package dev.samovar.layers.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A placeholder for a tensor in a graph of layers (TF.js's SymbolicTensor): its dtype and shape
 * (unknown dimensions are {@link dev.samovar.layers.serialization.Dims#UNKNOWN}), the layer that
 * produces it and that layer's node and output index. Made by {@link Layer#apply} on symbolic
 * inputs and by {@link InputLayer}.
 */
public final class SymbolicTensor {
    private final int id;
    private final String dtype;
    private final int[] shape;
    Layer sourceLayer;
    private final List<SymbolicTensor> inputs;
    private final Map<String, Object> callArgs;
    private final String name;
    private final String originalName;
    private final Integer outputTensorIndex;
    int nodeIndex;
    int tensorIndex;

    /**
     * @param name the layer name the tensor is named after (scoped and made unique), or null
     * @param outputTensorIndex the index among the layer's outputs when it has several, else null
     */
    public SymbolicTensor(String dtype, int[] shape, Layer sourceLayer, List<SymbolicTensor> inputs,
            Map<String, Object> callArgs, String name, Integer outputTensorIndex) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.sourceLayer = sourceLayer;
        this.inputs = inputs == null ? new ArrayList<>() : inputs;
        this.callArgs = callArgs;
        this.outputTensorIndex = outputTensorIndex;
        this.id = NameScope.nextUniqueTensorId();
        if (name != null) {
            this.originalName = NameScope.scopedTensorName(name);
            this.name = NameScope.uniqueTensorName(originalName);
        } else {
            this.originalName = null;
            this.name = null;
        }
    }

    public int id() {
        return id;
    }

    public String dtype() {
        return dtype;
    }

    /** A copy of the shape (unknown dimensions are -1). */
    public int[] shape() {
        return shape.clone();
    }

    /** The shape array itself: never modify it. */
    public int[] shapeRef() {
        return shape;
    }

    public int rank() {
        return shape.length;
    }

    public Layer sourceLayer() {
        return sourceLayer;
    }

    /** The symbolic inputs of the call that made this tensor. */
    public List<SymbolicTensor> inputs() {
        return inputs;
    }

    public Map<String, Object> callArgs() {
        return callArgs;
    }

    /** The unique name ({@code dense_Dense1/dense_Dense1}, then {@code _1}, ...). */
    public String name() {
        return name;
    }

    public String originalName() {
        return originalName;
    }

    public Integer outputTensorIndex() {
        return outputTensorIndex;
    }

    public int nodeIndex() {
        return nodeIndex;
    }

    public int tensorIndex() {
        return tensorIndex;
    }

    /** What JavaScript prints for this object in TF.js's messages. */
    @Override
    public String toString() {
        return "[object Object]";
    }
}
