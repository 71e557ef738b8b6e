package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** LeCun uniform: a variance scaling (scale 1.0, mode fanIn, distribution uniform) that serializes as VarianceScaling. */
public final class LeCunUniform extends VarianceScaling {
    public LeCunUniform(Args args) {
        super(helper(1.0, "fanIn", "uniform", args));
    }
}
