package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** He uniform: a variance scaling (scale 2.0, mode fanIn, distribution uniform) that serializes as VarianceScaling. */
public final class HeUniform extends VarianceScaling {
    public HeUniform(Args args) {
        super(helper(2.0, "fanIn", "uniform", args));
    }
}
