package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;

/** Makes the weights non-negative (relu). */
public final class NonNeg extends Constraint {
    @Override
    public Tensor apply(Tensor w) {
        return Unary.relu(w);
    }

    @Override
    public String getClassName() {
        return "NonNeg";
    }
}
