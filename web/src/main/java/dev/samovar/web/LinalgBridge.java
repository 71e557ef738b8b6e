package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Linalg;
import org.teavm.jso.JSExport;

/** Linear algebra. */
public final class LinalgBridge {
    private LinalgBridge() {
    }

    @JSExport
    public static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return Linalg.matMul(a, b, transposeA, transposeB);
    }

    @JSExport
    public static Tensor dot(Tensor t1, Tensor t2) {
        return Linalg.dot(t1, t2);
    }

    @JSExport
    public static Tensor outerProduct(Tensor v1, Tensor v2) {
        return Linalg.outerProduct(v1, v2);
    }
}
