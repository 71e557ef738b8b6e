package dev.samovar.layers.regularizers;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Serializable;

/**
 * A weight regularizer (TF.js's {@code Regularizer}): {@link #apply} gives the scalar penalty of a
 * weight, which the layer adds to its losses. Made by {@link Regularizers}.
 */
public abstract class Regularizer implements Serializable {
    /** The penalty of x, a scalar. */
    public abstract Tensor apply(Tensor x);
}
