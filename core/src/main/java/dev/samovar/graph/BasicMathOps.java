package dev.samovar.graph;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Unary;
import java.util.function.UnaryOperator;

/** Unary math ops (TF.js's "basic_math" category). */
final class BasicMathOps {
    private BasicMathOps() {
    }

    private static void unary(String tfOp, UnaryOperator<Tensor> f) {
        OpRegistry.register(tfOp, (n, in, c) -> new Tensor[] {f.apply(in[0])});
    }

    static void register() {
        unary("Abs", Unary::abs);
        unary("Acos", Unary::acos);
        unary("Acosh", Unary::acosh);
        unary("Asin", Unary::asin);
        unary("Asinh", Unary::asinh);
        unary("Atan", Unary::atan);
        unary("Atanh", Unary::atanh);
        unary("Ceil", Unary::ceil);
        unary("Cos", Unary::cos);
        unary("Cosh", Unary::cosh);
        unary("Elu", Unary::elu);
        unary("Erf", Unary::erf);
        unary("Exp", Unary::exp);
        unary("Expm1", Unary::expm1);
        unary("Floor", Unary::floor);
        unary("Log", Unary::log);
        unary("Log1p", Unary::log1p);
        unary("Neg", Unary::neg);
        unary("Reciprocal", Unary::reciprocal);
        unary("Relu", Unary::relu);
        unary("Relu6", Unary::relu6);
        unary("Round", Unary::round);
        unary("Rsqrt", Unary::rsqrt);
        unary("Selu", Unary::selu);
        unary("Sigmoid", Unary::sigmoid);
        unary("Sign", Unary::sign);
        unary("Sin", Unary::sin);
        unary("Sinh", Unary::sinh);
        unary("Softplus", Unary::softplus);
        unary("Sqrt", Unary::sqrt);
        unary("Square", Unary::square);
        unary("Tan", Unary::tan);
        unary("Tanh", Unary::tanh);
        unary("IsNan", Unary::isNaN);
        unary("IsInf", Unary::isInf);
        unary("IsFinite", Unary::isFinite);
        OpRegistry.register("LeakyRelu", (n, in, c) -> new Tensor[] {Unary.leakyRelu(in[0], n.getFloat("alpha", 0.2))});
        OpRegistry.register("Prelu", (n, in, c) -> new Tensor[] {Unary.prelu(in[0], in[1])});
        OpRegistry.register("ClipByValue", (n, in, c) -> new Tensor[] {
            Unary.clipByValue(in[0], ExecutionContext.scalar(in[1]), ExecutionContext.scalar(in[2]))});
    }
}
