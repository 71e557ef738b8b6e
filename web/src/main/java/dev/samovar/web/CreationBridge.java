package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import org.teavm.jso.JSExport;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot, random*. */
public final class CreationBridge {
    @JSExport
    public Tensor fill(int[] shape, double value, String dtype) {
        return Creation.fill(shape, value, DType.of(dtype));
    }

    @JSExport
    public Tensor zerosLike(Tensor x) {
        return Creation.zerosLike(x);
    }

    @JSExport
    public Tensor onesLike(Tensor x) {
        return Creation.onesLike(x);
    }
}
