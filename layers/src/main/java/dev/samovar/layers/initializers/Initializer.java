package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the initial value of a weight (TF.js's {@code Initializer}). Made by {@link Initializers};
 * seeded initializers give TF.js's values for the same seed.
 */
public abstract class Initializer implements Serializable {
    /** A new tensor of the shape; dtype null means float32 (or what TF.js's initializer does). */
    public abstract Tensor apply(int[] shape, DType dtype);

    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    static DType orFloat(DType d) {
        return d == null ? DType.FLOAT32 : d;
    }
}
