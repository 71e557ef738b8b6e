package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import org.teavm.jso.JSExport;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot. */
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

    @JSExport
    public Tensor range(double start, double stop, double step, String dtype) {
        return Creation.range(start, stop, step, DType.of(dtype));
    }

    @JSExport
    public Tensor linspace(double start, double stop, double num) {
        return Creation.linspace(start, stop, num);
    }

    /** {@code batchShape} null for none. */
    @JSExport
    public Tensor eye(int numRows, int numColumns, int[] batchShape, String dtype) {
        return Creation.eye(numRows, numColumns, batchShape, DType.of(dtype));
    }

    /** {@code depth} is a JS number: TeaVM does not coerce numbers passed as int, so it is truncated here. */
    @JSExport
    public Tensor oneHot(Tensor indices, double depth, double onValue, double offValue, String dtype) {
        return Creation.oneHot(indices, (int) depth, onValue, offValue, DType.of(dtype));
    }
}
