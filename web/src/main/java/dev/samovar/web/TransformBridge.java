package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Transform;
import org.teavm.jso.JSExport;

/** Shape and layout ops. */
public final class TransformBridge {
    private TransformBridge() {
    }

    @JSExport
    public static Tensor cast(Tensor x, String dtype) {
        return Transform.cast(x, DType.of(dtype));
    }

    @JSExport
    public static Tensor reshape(Tensor x, int[] shape) {
        return Transform.reshape(x, shape);
    }

    /** {@code perm} null reverses the dimensions. */
    @JSExport
    public static Tensor transpose(Tensor x, int[] perm) {
        return Transform.transpose(x, perm);
    }
}
