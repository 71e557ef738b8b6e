package dev.samovar.layers;

import dev.samovar.layers.core.ActivationLayer;
import dev.samovar.layers.core.Dense;
import dev.samovar.layers.core.Dropout;
import dev.samovar.layers.core.Flatten;
import dev.samovar.layers.core.Reshape;
import dev.samovar.layers.engine.InputLayer;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.serialization.Args;

/**
 * The layer factories of TF.js's {@code tf.layers}, taking TF.js's argument objects as
 * {@link Args} (camelCase keys): {@code Layers.dense(Args.of("units", 3, "activation", "relu"))}.
 * {@link #create} makes any registered class by Keras class name.
 */
public final class Layers {
    private Layers() {
    }

    /** Any registered layer class by Keras class name ({@code "Dense"}), from TF.js-style arguments. */
    public static Layer create(String className, Args args) {
        return LayerRegistry.create(className, args);
    }

    public static Dense dense(Args args) {
        return new Dense(args);
    }

    public static ActivationLayer activation(Args args) {
        return new ActivationLayer(args);
    }

    public static Flatten flatten(Args args) {
        return new Flatten(args);
    }

    public static Reshape reshape(Args args) {
        return new Reshape(args);
    }

    public static Dropout dropout(Args args) {
        return new Dropout(args);
    }

    public static InputLayer inputLayer(Args args) {
        return new InputLayer(args);
    }
}
