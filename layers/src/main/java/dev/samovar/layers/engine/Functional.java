package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.DeserializeContext;
import java.util.List;
import java.util.Map;

/** TF.js's Functional: a LayersModel under the class name Keras 2.4+ writes ({@code Functional}). */
public class Functional extends LayersModel {
    public Functional(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        super(inputs, outputs, name);
    }

    @Override
    public String getClassName() {
        return "Functional";
    }

    static Functional fromConfig(Map<String, Object> config, DeserializeContext ctx) {
        return Container.fromConfig(config, ctx, Functional::new);
    }
}
