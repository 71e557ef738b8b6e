package dev.samovar.convert.model;

import java.util.ArrayList;
import java.util.List;

/** The weights of one layer, in the order the layer creates them. */
public final class LayerWeights {
    public final String layerName;
    public final String className;
    /** 1-based position of the layer in the model's layer list (for errors). */
    public final int position;
    public final List<Weight> weights;

    public LayerWeights(String layerName, String className, int position, List<Weight> weights) {
        this.layerName = layerName;
        this.className = className;
        this.position = position;
        this.weights = new ArrayList<>(weights);
    }

    /** "layer 'dense_2' (Dense, position 3)". */
    public String describe() {
        return describe(layerName, className, position);
    }

    public static String describe(String name, String className, int position) {
        return "layer '" + name + "' (" + className + (position > 0 ? ", position " + position : "") + ")";
    }
}
