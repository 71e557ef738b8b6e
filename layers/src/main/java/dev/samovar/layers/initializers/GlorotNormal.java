package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** Glorot normal: a variance scaling (scale 1.0, mode fanAvg, distribution normal) that serializes as VarianceScaling. */
public final class GlorotNormal extends VarianceScaling {
    public GlorotNormal(Args args) {
        super(helper(1.0, "fanAvg", "normal", args));
    }
}
