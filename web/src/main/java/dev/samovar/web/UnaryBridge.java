package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import org.teavm.jso.JSExport;

/** Elementwise math and activations. */
public final class UnaryBridge {
    private UnaryBridge() {
    }

    @JSExport
    public static Tensor exp(Tensor x) {
        return Unary.exp(x);
    }

    @JSExport
    public static Tensor relu(Tensor x) {
        return Unary.relu(x);
    }
}
