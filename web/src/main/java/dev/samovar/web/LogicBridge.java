package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Logic;
import org.teavm.jso.JSExport;

/** Comparisons, logical ops, where. */
public final class LogicBridge {
    @JSExport
    public Tensor equal(Tensor a, Tensor b) {
        return Logic.equal(a, b);
    }

    @JSExport
    public Tensor notEqual(Tensor a, Tensor b) {
        return Logic.notEqual(a, b);
    }

    @JSExport
    public Tensor less(Tensor a, Tensor b) {
        return Logic.less(a, b);
    }

    @JSExport
    public Tensor lessEqual(Tensor a, Tensor b) {
        return Logic.lessEqual(a, b);
    }

    @JSExport
    public Tensor greater(Tensor a, Tensor b) {
        return Logic.greater(a, b);
    }

    @JSExport
    public Tensor greaterEqual(Tensor a, Tensor b) {
        return Logic.greaterEqual(a, b);
    }

    @JSExport
    public Tensor logicalAnd(Tensor a, Tensor b) {
        return Logic.logicalAnd(a, b);
    }

    @JSExport
    public Tensor logicalOr(Tensor a, Tensor b) {
        return Logic.logicalOr(a, b);
    }

    @JSExport
    public Tensor logicalXor(Tensor a, Tensor b) {
        return Logic.logicalXor(a, b);
    }

    @JSExport
    public Tensor logicalNot(Tensor x) {
        return Logic.logicalNot(x);
    }

    @JSExport
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Logic.where(condition, a, b);
    }
}
