package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import org.teavm.jso.JSExport;

/** Binary arithmetic. */
public final class ArithmeticBridge {
    @JSExport
    public Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(a, b);
    }

    @JSExport
    public Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(a, b);
    }

    @JSExport
    public Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(a, b);
    }

    @JSExport
    public Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(a, b);
    }

    @JSExport
    public Tensor divNoNan(Tensor a, Tensor b) {
        return Arithmetic.divNoNan(a, b);
    }

    @JSExport
    public Tensor floorDiv(Tensor a, Tensor b) {
        return Arithmetic.floorDiv(a, b);
    }

    @JSExport
    public Tensor mod(Tensor a, Tensor b) {
        return Arithmetic.mod(a, b);
    }

    @JSExport
    public Tensor pow(Tensor a, Tensor b) {
        return Arithmetic.pow(a, b);
    }

    @JSExport
    public Tensor maximum(Tensor a, Tensor b) {
        return Arithmetic.maximum(a, b);
    }

    @JSExport
    public Tensor minimum(Tensor a, Tensor b) {
        return Arithmetic.minimum(a, b);
    }

    @JSExport
    public Tensor squaredDifference(Tensor a, Tensor b) {
        return Arithmetic.squaredDifference(a, b);
    }

    @JSExport
    public Tensor atan2(Tensor a, Tensor b) {
        return Arithmetic.atan2(a, b);
    }

    @JSExport
    public Tensor bitwiseAnd(Tensor x, Tensor y) {
        return Arithmetic.bitwiseAnd(x, y);
    }

    @JSExport
    public Tensor addN(TensorList tensors) {
        return Arithmetic.addN(tensors.toArray());
    }
}
