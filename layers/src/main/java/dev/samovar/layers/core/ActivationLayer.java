package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.activations.Activation;
import dev.samovar.layers.activations.Activations;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies an activation function (TF.js's Activation layer, {@code tf.layers.activation}). */
public class ActivationLayer extends Layer {
    private final Activation activation;

    public ActivationLayer(Args args) {
        super(args);
        this.supportsMasking = true;
        this.activation = Activations.get(args.get("activation"));
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String getClassName() {
        return "Activation";
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> one(activation.apply(oneTensor(inputs))));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("activation", Activations.serialize(activation));
        return merge(config, super.getConfig());
    }
}
