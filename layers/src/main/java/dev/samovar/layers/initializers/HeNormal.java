package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;

/** He normal: a variance scaling (scale 2.0, mode fanIn, distribution normal) that serializes as VarianceScaling. */
public final class HeNormal extends VarianceScaling {
    public HeNormal(Args args) {
        super(helper(2.0, "fanIn", "normal", args));
    }
}
