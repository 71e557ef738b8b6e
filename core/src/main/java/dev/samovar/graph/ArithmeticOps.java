package dev.samovar.graph;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Logic;
import java.util.function.BinaryOperator;

/** Binary arithmetic and logic ops (TF.js's "arithmetic" and "logical" categories). */
final class ArithmeticOps {
    private ArithmeticOps() {
    }

    private static void binary(String tfOp, BinaryOperator<Tensor> f) {
        OpRegistry.register(tfOp, (n, in, c) -> new Tensor[] {f.apply(in[0], in[1])});
    }

    static void register() {
        binary("Add", Arithmetic::add);
        binary("AddV2", Arithmetic::add);
        binary("BiasAdd", Arithmetic::add);
        binary("Sub", Arithmetic::sub);
        binary("Mul", Arithmetic::mul);
        binary("Div", Arithmetic::div);
        binary("RealDiv", Arithmetic::div);
        binary("DivNoNan", Arithmetic::divNoNan);
        binary("FloorDiv", Arithmetic::floorDiv);
        binary("FloorMod", Arithmetic::mod);
        binary("Mod", Arithmetic::mod);
        binary("Maximum", Arithmetic::maximum);
        binary("Minimum", Arithmetic::minimum);
        binary("Pow", Arithmetic::pow);
        binary("SquaredDifference", Arithmetic::squaredDifference);
        binary("Atan2", Arithmetic::atan2);
        OpRegistry.register("AddN", (n, in, c) -> new Tensor[] {Arithmetic.addN(in)});
        binary("Equal", Logic::equal);
        binary("NotEqual", Logic::notEqual);
        binary("Greater", Logic::greater);
        binary("GreaterEqual", Logic::greaterEqual);
        binary("Less", Logic::less);
        binary("LessEqual", Logic::lessEqual);
        binary("LogicalAnd", Logic::logicalAnd);
        binary("LogicalOr", Logic::logicalOr);
        OpRegistry.register("LogicalNot", (n, in, c) -> new Tensor[] {Logic.logicalNot(in[0])});
        GraphOp select = (n, in, c) -> new Tensor[] {Logic.where(in[0], in[1], in[2])};
        OpRegistry.register("Select", select);
        OpRegistry.register("SelectV2", select);
    }
}
