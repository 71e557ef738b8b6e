package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Logic;
import org.teavm.jso.JSExport;

/** Comparisons, logical ops, where. */
public final class LogicBridge {
    private LogicBridge() {
    }

    @JSExport
    public static Tensor equal(Tensor a, Tensor b) {
        return Logic.equal(a, b);
    }

    @JSExport
    public static Tensor notEqual(Tensor a, Tensor b) {
        return Logic.notEqual(a, b);
    }

    @JSExport
    public static Tensor less(Tensor a, Tensor b) {
        return Logic.less(a, b);
    }

    @JSExport
    public static Tensor lessEqual(Tensor a, Tensor b) {
        return Logic.lessEqual(a, b);
    }

    @JSExport
    public static Tensor greater(Tensor a, Tensor b) {
        return Logic.greater(a, b);
    }

    @JSExport
    public static Tensor greaterEqual(Tensor a, Tensor b) {
        return Logic.greaterEqual(a, b);
    }

    @JSExport
    public static Tensor logicalAnd(Tensor a, Tensor b) {
        return Logic.logicalAnd(a, b);
    }

    @JSExport
    public static Tensor logicalOr(Tensor a, Tensor b) {
        return Logic.logicalOr(a, b);
    }

    @JSExport
    public static Tensor logicalXor(Tensor a, Tensor b) {
        return Logic.logicalXor(a, b);
    }

    @JSExport
    public static Tensor logicalNot(Tensor x) {
        return Logic.logicalNot(x);
    }

    @JSExport
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Logic.where(condition, a, b);
    }
}
