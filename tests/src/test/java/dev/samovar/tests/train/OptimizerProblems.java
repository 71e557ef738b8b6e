package dev.samovar.tests.train;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Losses;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Unary;
import java.util.Map;

/**
 * The losses of tests/src/test/resources/web/optimizer-problems.js in Java, op for op: data
 * tensors and variables by key.
 */
final class OptimizerProblems {
    private OptimizerProblems() {
    }

    static Tensor loss(String problem, Map<String, Tensor> d, Map<String, Tensor> v) {
        switch (problem) {
            case "leastSquares": {
                Tensor r = Arithmetic.sub(Arithmetic.add(Linalg.matMul(d.get("X"), v.get("W")), v.get("b")), d.get("Y"));
                return Arithmetic.mul(Reduction.sum(Arithmetic.mul(r, r)), v.get("scale"));
            }
            case "mlp": {
                Tensor h = Unary.relu(Arithmetic.add(Linalg.matMul(d.get("X"), v.get("W1")), v.get("b1")));
                Tensor o = Unary.exp(Arithmetic.mul(Linalg.matMul(h, v.get("W2")), Creation.scalar(0.5f)));
                Tensor r = Arithmetic.sub(o, d.get("Y"));
                return Arithmetic.mul(Reduction.sum(Arithmetic.mul(r, r)), Creation.scalar(0.25f));
            }
            case "softmax":
                return Losses.softmaxCrossEntropy(d.get("labels"),
                        Arithmetic.add(Linalg.matMul(d.get("X"), v.get("W")), v.get("b")));
            default:
                throw new IllegalArgumentException("unknown problem " + problem);
        }
    }
}
