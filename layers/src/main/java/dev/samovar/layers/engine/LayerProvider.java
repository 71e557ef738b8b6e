package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.ClassRegistry;

/**
 * A family of layer classes (core, convolutional, recurrent, ...), found through
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.samovar.layers.engine.LayerProvider}; TeaVM resolves it at build
 * time). {@link #registerLayers} registers each class under its Keras class name.
 */
public interface LayerProvider {
    void registerLayers(ClassRegistry<Layer> registry);
}
