package dev.samovar.layers.core;

import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerProvider;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;

/** The core layers (TF.js's layers/core.js) by Keras class name; found through ServiceLoader. */
public final class CoreLayers implements LayerProvider {
    @Override
    public void registerLayers(ClassRegistry<Layer> registry) {
        registry.register("Dense", (c, ctx) -> new Dense(new Args(c)));
        registry.register("Activation", (c, ctx) -> new ActivationLayer(new Args(c)));
        registry.register("Flatten", (c, ctx) -> new Flatten(new Args(c)));
        registry.register("Reshape", (c, ctx) -> new Reshape(new Args(c)));
        registry.register("Dropout", (c, ctx) -> new Dropout(new Args(c)));
    }
}
