package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import org.teavm.jso.JSExport;

/** Elementwise math and activations. */
public final class UnaryBridge {
    @JSExport
    public Tensor exp(Tensor x) {
        return Unary.exp(x);
    }

    @JSExport
    public Tensor relu(Tensor x) {
        return Unary.relu(x);
    }
}
