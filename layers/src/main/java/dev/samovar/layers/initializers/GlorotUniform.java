package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** Glorot uniform: a variance scaling (scale 1.0, mode fanAvg, distribution uniform) that serializes as VarianceScaling. */
public final class GlorotUniform extends VarianceScaling {
    public GlorotUniform(Args args) {
        super(helper(1.0, "fanAvg", "uniform", args));
    }
}
