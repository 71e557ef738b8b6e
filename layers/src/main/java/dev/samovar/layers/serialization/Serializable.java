package dev.samovar.layers.serialization;

import java.util.Map;

/**
 * An object with a Keras class name and a config from which it can be made again (TF.js's
 * {@code serialization.Serializable}): layers, initializers, regularizers, constraints, activations.
 *
 * <p>{@link #getConfig} returns TF.js's camelCase ("TS") config: keys and string values as TF.js's
 * {@code getConfig()} returns them, in the same order; {@link Pythonic#toPythonic} turns it into
 * the snake_case Keras JSON of model files.
 */
public interface Serializable {
    /** The Keras class name (what {@code class_name} holds in model JSON). */
    String getClassName();

    /** A fresh, mutable, insertion-ordered map (values: see {@link Args}). */
    Map<String, Object> getConfig();
}
