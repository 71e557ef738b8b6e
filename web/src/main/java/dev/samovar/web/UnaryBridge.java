package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import org.teavm.jso.JSExport;

/** Elementwise math and activations. */
public final class UnaryBridge {
    @JSExport
    public Tensor abs(Tensor x) {
        return Unary.abs(x);
    }

    @JSExport
    public Tensor neg(Tensor x) {
        return Unary.neg(x);
    }

    @JSExport
    public Tensor exp(Tensor x) {
        return Unary.exp(x);
    }

    @JSExport
    public Tensor expm1(Tensor x) {
        return Unary.expm1(x);
    }

    @JSExport
    public Tensor log(Tensor x) {
        return Unary.log(x);
    }

    @JSExport
    public Tensor log1p(Tensor x) {
        return Unary.log1p(x);
    }

    @JSExport
    public Tensor sqrt(Tensor x) {
        return Unary.sqrt(x);
    }

    @JSExport
    public Tensor rsqrt(Tensor x) {
        return Unary.rsqrt(x);
    }

    @JSExport
    public Tensor square(Tensor x) {
        return Unary.square(x);
    }

    @JSExport
    public Tensor reciprocal(Tensor x) {
        return Unary.reciprocal(x);
    }

    @JSExport
    public Tensor sign(Tensor x) {
        return Unary.sign(x);
    }

    @JSExport
    public Tensor floor(Tensor x) {
        return Unary.floor(x);
    }

    @JSExport
    public Tensor ceil(Tensor x) {
        return Unary.ceil(x);
    }

    @JSExport
    public Tensor round(Tensor x) {
        return Unary.round(x);
    }

    @JSExport
    public Tensor sin(Tensor x) {
        return Unary.sin(x);
    }

    @JSExport
    public Tensor cos(Tensor x) {
        return Unary.cos(x);
    }

    @JSExport
    public Tensor tan(Tensor x) {
        return Unary.tan(x);
    }

    @JSExport
    public Tensor asin(Tensor x) {
        return Unary.asin(x);
    }

    @JSExport
    public Tensor acos(Tensor x) {
        return Unary.acos(x);
    }

    @JSExport
    public Tensor atan(Tensor x) {
        return Unary.atan(x);
    }

    @JSExport
    public Tensor sinh(Tensor x) {
        return Unary.sinh(x);
    }

    @JSExport
    public Tensor cosh(Tensor x) {
        return Unary.cosh(x);
    }

    @JSExport
    public Tensor tanh(Tensor x) {
        return Unary.tanh(x);
    }

    @JSExport
    public Tensor asinh(Tensor x) {
        return Unary.asinh(x);
    }

    @JSExport
    public Tensor acosh(Tensor x) {
        return Unary.acosh(x);
    }

    @JSExport
    public Tensor atanh(Tensor x) {
        return Unary.atanh(x);
    }

    @JSExport
    public Tensor sigmoid(Tensor x) {
        return Unary.sigmoid(x);
    }

    @JSExport
    public Tensor logSigmoid(Tensor x) {
        return Unary.logSigmoid(x);
    }

    @JSExport
    public Tensor relu(Tensor x) {
        return Unary.relu(x);
    }

    @JSExport
    public Tensor relu6(Tensor x) {
        return Unary.relu6(x);
    }

    @JSExport
    public Tensor elu(Tensor x) {
        return Unary.elu(x);
    }

    @JSExport
    public Tensor selu(Tensor x) {
        return Unary.selu(x);
    }

    @JSExport
    public Tensor softplus(Tensor x) {
        return Unary.softplus(x);
    }

    @JSExport
    public Tensor erf(Tensor x) {
        return Unary.erf(x);
    }

    @JSExport
    public Tensor isNaN(Tensor x) {
        return Unary.isNaN(x);
    }

    @JSExport
    public Tensor isInf(Tensor x) {
        return Unary.isInf(x);
    }

    @JSExport
    public Tensor isFinite(Tensor x) {
        return Unary.isFinite(x);
    }

    @JSExport
    public Tensor leakyRelu(Tensor x, double alpha) {
        return Unary.leakyRelu(x, alpha);
    }

    @JSExport
    public Tensor prelu(Tensor x, Tensor alpha) {
        return Unary.prelu(x, alpha);
    }

    @JSExport
    public Tensor step(Tensor x, double alpha) {
        return Unary.step(x, alpha);
    }

    @JSExport
    public Tensor clipByValue(Tensor x, double min, double max) {
        return Unary.clipByValue(x, min, max);
    }
}
