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

    @JSExport
    public static Tensor divNoNan(Tensor a, Tensor b) {
        return Arithmetic.divNoNan(a, b);
    }

    @JSExport
    public static Tensor floorDiv(Tensor a, Tensor b) {
        return Arithmetic.floorDiv(a, b);
    }

    @JSExport
    public static Tensor mod(Tensor a, Tensor b) {
        return Arithmetic.mod(a, b);
    }

    @JSExport
    public static Tensor pow(Tensor a, Tensor b) {
        return Arithmetic.pow(a, b);
    }

    @JSExport
    public static Tensor maximum(Tensor a, Tensor b) {
        return Arithmetic.maximum(a, b);
    }

    @JSExport
    public static Tensor minimum(Tensor a, Tensor b) {
        return Arithmetic.minimum(a, b);
    }

    @JSExport
    public static Tensor squaredDifference(Tensor a, Tensor b) {
        return Arithmetic.squaredDifference(a, b);
    }

    @JSExport
    public static Tensor atan2(Tensor a, Tensor b) {
        return Arithmetic.atan2(a, b);
    }

    @JSExport
    public static Tensor bitwiseAnd(Tensor x, Tensor y) {
        return Arithmetic.bitwiseAnd(x, y);
    }

    @JSExport
    public static Tensor addN(TensorList tensors) {
        return Arithmetic.addN(tensors.toArray());
    }
}
