package dev.samovar.layers.activations;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An activation function of TF.js's layers, by its Keras name ({@code 'relu'}, {@code 'softmax'},
 * ...). Serialized as its name; made by {@link Activations#get}.
 */
public final class Activation implements Serializable {
    private final String className;
    private final UnaryOperator<Tensor> fn;

    public Activation(String className, UnaryOperator<Tensor> fn) {
        this.className = className;
        this.fn = fn;
    }

    /** The activation of x (a new tensor; x itself for 'linear', as in TF.js). */
    public Tensor apply(Tensor x) {
        return fn.apply(x);
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return className;
    }
}
