package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import org.teavm.jso.JSExport;

/** Binary arithmetic. */
public final class ArithmeticBridge {
    private ArithmeticBridge() {
    }

    @JSExport
    public static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(a, b);
    }

    @JSExport
    public static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(a, b);
    }

    @JSExport
    public static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(a, b);
    }

    @JSExport
    public static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(a, b);
    }
}
