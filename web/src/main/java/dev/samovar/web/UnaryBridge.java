package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import org.teavm.jso.JSExport;

/** Elementwise math and activations. */
public final class UnaryBridge {
    private UnaryBridge() {
    }

    @JSExport
    public static Tensor abs(Tensor x) {
        return Unary.abs(x);
    }

    @JSExport
    public static Tensor neg(Tensor x) {
        return Unary.neg(x);
    }

    @JSExport
    public static Tensor exp(Tensor x) {
        return Unary.exp(x);
    }

    @JSExport
    public static Tensor expm1(Tensor x) {
        return Unary.expm1(x);
    }

    @JSExport
    public static Tensor log(Tensor x) {
        return Unary.log(x);
    }

    @JSExport
    public static Tensor log1p(Tensor x) {
        return Unary.log1p(x);
    }

    @JSExport
    public static Tensor sqrt(Tensor x) {
        return Unary.sqrt(x);
    }

    @JSExport
    public static Tensor rsqrt(Tensor x) {
        return Unary.rsqrt(x);
    }

    @JSExport
    public static Tensor square(Tensor x) {
        return Unary.square(x);
    }

    @JSExport
    public static Tensor reciprocal(Tensor x) {
        return Unary.reciprocal(x);
    }

    @JSExport
    public static Tensor sign(Tensor x) {
        return Unary.sign(x);
    }

    @JSExport
    public static Tensor floor(Tensor x) {
        return Unary.floor(x);
    }

    @JSExport
    public static Tensor ceil(Tensor x) {
        return Unary.ceil(x);
    }

    @JSExport
    public static Tensor round(Tensor x) {
        return Unary.round(x);
    }

    @JSExport
    public static Tensor sin(Tensor x) {
        return Unary.sin(x);
    }

    @JSExport
    public static Tensor cos(Tensor x) {
        return Unary.cos(x);
    }

    @JSExport
    public static Tensor tan(Tensor x) {
        return Unary.tan(x);
    }

    @JSExport
    public static Tensor asin(Tensor x) {
        return Unary.asin(x);
    }

    @JSExport
    public static Tensor acos(Tensor x) {
        return Unary.acos(x);
    }

    @JSExport
    public static Tensor atan(Tensor x) {
        return Unary.atan(x);
    }

    @JSExport
    public static Tensor sinh(Tensor x) {
        return Unary.sinh(x);
    }

    @JSExport
    public static Tensor cosh(Tensor x) {
        return Unary.cosh(x);
    }

    @JSExport
    public static Tensor tanh(Tensor x) {
        return Unary.tanh(x);
    }

    @JSExport
    public static Tensor asinh(Tensor x) {
        return Unary.asinh(x);
    }

    @JSExport
    public static Tensor acosh(Tensor x) {
        return Unary.acosh(x);
    }

    @JSExport
    public static Tensor atanh(Tensor x) {
        return Unary.atanh(x);
    }

    @JSExport
    public static Tensor sigmoid(Tensor x) {
        return Unary.sigmoid(x);
    }

    @JSExport
    public static Tensor logSigmoid(Tensor x) {
        return Unary.logSigmoid(x);
    }

    @JSExport
    public static Tensor relu(Tensor x) {
        return Unary.relu(x);
    }

    @JSExport
    public static Tensor relu6(Tensor x) {
        return Unary.relu6(x);
    }

    @JSExport
    public static Tensor elu(Tensor x) {
        return Unary.elu(x);
    }

    @JSExport
    public static Tensor selu(Tensor x) {
        return Unary.selu(x);
    }

    @JSExport
    public static Tensor softplus(Tensor x) {
        return Unary.softplus(x);
    }

    @JSExport
    public static Tensor erf(Tensor x) {
        return Unary.erf(x);
    }

    @JSExport
    public static Tensor isNaN(Tensor x) {
        return Unary.isNaN(x);
    }

    @JSExport
    public static Tensor isInf(Tensor x) {
        return Unary.isInf(x);
    }

    @JSExport
    public static Tensor isFinite(Tensor x) {
        return Unary.isFinite(x);
    }

    @JSExport
    public static Tensor leakyRelu(Tensor x, double alpha) {
        return Unary.leakyRelu(x, alpha);
    }

    @JSExport
    public static Tensor prelu(Tensor x, Tensor alpha) {
        return Unary.prelu(x, alpha);
    }

    @JSExport
    public static Tensor step(Tensor x, double alpha) {
        return Unary.step(x, alpha);
    }

    @JSExport
    public static Tensor clipByValue(Tensor x, double min, double max) {
        return Unary.clipByValue(x, min, max);
    }
}
