package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import org.teavm.jso.JSExport;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot, random*. */
public final class CreationBridge {
    private CreationBridge() {
    }

    @JSExport
    public static Tensor fill(int[] shape, double value, String dtype) {
        return Creation.fill(shape, value, DType.of(dtype));
    }

    @JSExport
    public static Tensor zerosLike(Tensor x) {
        return Creation.zerosLike(x);
    }

    @JSExport
    public static Tensor onesLike(Tensor x) {
        return Creation.onesLike(x);
    }
}
