package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.registerWithMethod;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import java.util.function.Function;

/** Elementwise math and activations. */
public final class UnaryAdapters {
    private UnaryAdapters() {
    }

    /** A one-argument op whose tensor-likes TF.js converts as numeric (inferred dtype). */
    private static void numeric(String name, Function<Tensor, Tensor> op) {
        registerWithMethod(name, a -> op.apply(a.t(0)));
    }

    /** A one-argument op whose tensor-likes TF.js parses as float32. */
    private static void float32(String name, Function<Tensor, Tensor> op) {
        registerWithMethod(name, a -> op.apply(a.t(0, DType.FLOAT32)));
    }

    public static void install() {
        numeric("abs", Unary::abs);
        numeric("neg", Unary::neg);
        numeric("exp", Unary::exp);
        numeric("expm1", Unary::expm1);
        float32("log", Unary::log);
        numeric("log1p", Unary::log1p);
        float32("sqrt", Unary::sqrt);
        float32("rsqrt", Unary::rsqrt);
        numeric("square", Unary::square);
        numeric("reciprocal", Unary::reciprocal);
        numeric("sign", Unary::sign);
        float32("floor", Unary::floor);
        float32("ceil", Unary::ceil);
        numeric("round", Unary::round);
        float32("sin", Unary::sin);
        float32("cos", Unary::cos);
        float32("tan", Unary::tan);
        numeric("asin", Unary::asin);
        numeric("acos", Unary::acos);
        numeric("atan", Unary::atan);
        numeric("sinh", Unary::sinh);
        float32("cosh", Unary::cosh);
        float32("tanh", Unary::tanh);
        numeric("asinh", Unary::asinh);
        numeric("acosh", Unary::acosh);
        numeric("atanh", Unary::atanh);
        float32("sigmoid", Unary::sigmoid);
        numeric("logSigmoid", Unary::logSigmoid);
        numeric("relu", Unary::relu);
        numeric("relu6", Unary::relu6);
        float32("elu", Unary::elu);
        numeric("selu", Unary::selu);
        numeric("softplus", Unary::softplus);
        numeric("erf", Unary::erf);
        numeric("isNaN", Unary::isNaN);
        numeric("isInf", Unary::isInf);
        numeric("isFinite", Unary::isFinite);
        registerWithMethod("leakyRelu", a -> Unary.leakyRelu(a.t(0), a.d(1, 0.2)));
        registerWithMethod("prelu", a -> Unary.prelu(a.t(0), a.t(1)));
        registerWithMethod("step", a -> Unary.step(a.t(0), a.d(1, 0)));
        registerWithMethod("clipByValue", a -> Unary.clipByValue(a.t(0), a.d(1, Double.NaN), a.d(2, Double.NaN)));
    }
}
