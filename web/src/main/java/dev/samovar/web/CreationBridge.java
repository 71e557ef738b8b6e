package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import org.teavm.jso.JSExport;

/** tf.fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot. */
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

    @JSExport
    public static Tensor range(double start, double stop, double step, String dtype) {
        return Creation.range(start, stop, step, DType.of(dtype));
    }

    @JSExport
    public static Tensor linspace(double start, double stop, double num) {
        return Creation.linspace(start, stop, num);
    }

    /** {@code batchShape} null for none. */
    @JSExport
    public static Tensor eye(int numRows, int numColumns, int[] batchShape, String dtype) {
        return Creation.eye(numRows, numColumns, batchShape, DType.of(dtype));
    }

    /** {@code depth} is a JS number: TeaVM does not coerce numbers passed as int, so it is truncated here. */
    @JSExport
    public static Tensor oneHot(Tensor indices, double depth, double onValue, double offValue, String dtype) {
        return Creation.oneHot(indices, (int) depth, onValue, offValue, DType.of(dtype));
    }
}
