package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;

/** All ones. */
public final class Ones extends Initializer {
    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return Creation.ones(shape, orFloat(dtype));
    }

    @Override
    public String getClassName() {
        return "Ones";
    }
}
