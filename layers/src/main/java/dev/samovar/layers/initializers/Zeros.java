package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;

/** All zeros. */
public final class Zeros extends Initializer {
    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return Creation.zeros(shape, orFloat(dtype));
    }

    @Override
    public String getClassName() {
        return "Zeros";
    }
}
