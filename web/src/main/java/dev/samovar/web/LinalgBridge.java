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
}
