package dev.samovar.layers.recurrent;

import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * TF.js's Wrapper: a layer around another ({@code layer}: a layer, or its {@code {className,
 * config}} when deserializing); weights, trainability and losses are the inner layer's.
 */
public abstract class Wrapper extends Layer {
    protected final Layer layer;

    protected Wrapper(Args args, DeserializeContext ctx) {
        super(args);
        this.layer = layerFrom(args.get("layer"), ctx);
    }

    @SuppressWarnings("unchecked")
    static Layer layerFrom(Object v, DeserializeContext ctx) {
        if (v instanceof Layer) {
            return (Layer) v;
        }
        if (v instanceof Map) {
            return LayerRegistry.deserialize((Map<String, Object>) v,
                    ctx == null ? DeserializeContext.root().child(".layer") : ctx.child(".layer"));
        }
        throw new IllegalArgumentException("A wrapper needs a layer (the `layer` argument), but got "
                + (v == null ? "none" : v.getClass().getSimpleName()));
    }

    public Layer layer() {
        return layer;
    }

    @Override
    public void build(List<int[]> inputShapes) {
        built = true;
    }

    @Override
    public boolean trainable() {
        return layer != null && layer.trainable();
    }

    @Override
    public void setTrainable(boolean value) {
        if (layer != null) {
            layer.setTrainable(value);
        }
    }

    @Override
    public List<LayerVariable> trainableWeights() {
        return layer.trainableWeights();
    }

    @Override
    public List<LayerVariable> nonTrainableWeights() {
        return layer.nonTrainableWeights();
    }

    @Override
    public List<Supplier<Tensor>> losses() {
        return layer.losses();
    }

    @Override
    public List<Tensor> calculateLosses() {
        return layer.calculateLosses();
    }

    @Override
    public List<Tensor> getWeights(boolean trainableOnly) {
        return layer.getWeights();
    }

    @Override
    public void setWeights(List<Tensor> values) {
        layer.setWeights(values);
    }

    @Override
    public void setFastWeightInitDuringBuild(boolean value) {
        super.setFastWeightInitDuringBuild(value);
        if (layer != null) {
            layer.setFastWeightInitDuringBuild(value);
        }
    }

    /** {@code {layer: {className, config}}} then the base config. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("className", layer.getClassName());
        l.put("config", layer.getConfig());
        config.put("layer", l);
        config.putAll(super.getConfig());
        return config;
    }
}
