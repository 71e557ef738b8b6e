package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A constraint on a weight (TF.js's {@code Constraint}): {@link #apply} returns the projected value,
 * applied after each update of the weight. Made by {@link Constraints}.
 */
public abstract class Constraint implements Serializable {
    /** The constrained value of w (a new tensor). */
    public abstract Tensor apply(Tensor w);

    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }
}
