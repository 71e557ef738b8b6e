package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** LeCun normal: a variance scaling (scale 1.0, mode fanIn, distribution normal) that serializes as VarianceScaling. */
public final class LeCunNormal extends VarianceScaling {
    public LeCunNormal(Args args) {
        super(helper(1.0, "fanIn", "normal", args));
    }
}
