package dev.samovar.train;

import dev.samovar.core.Tensor;

/** A tensor with a name, as TF.js's {@code NamedTensor} ({@code {name, tensor}}). */
public final class NamedTensor {
    private final String name;
    private final Tensor tensor;

    public NamedTensor(String name, Tensor tensor) {
        this.name = name;
        this.tensor = tensor;
    }

    public String name() {
        return name;
    }

    /** The tensor; null in a gradient list for a variable that gets no gradient. */
    public Tensor tensor() {
        return tensor;
    }

    @Override
    public String toString() {
        return "{name: " + name + ", tensor: " + tensor + "}";
    }
}
