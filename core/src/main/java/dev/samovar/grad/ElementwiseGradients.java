package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.reduceToShape;

import dev.samovar.core.DType;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Transform;

/**
 * Gradients of the elementwise kernels: unary math and activations ({@link UnaryGradients}),
 * broadcasting binary arithmetic ({@link BinaryGradients}), and here select, addN and cast.
 *
 * <p>Kernels without a gradient, as in TF.js: Equal, NotEqual, Less, LessEqual, Greater,
 * LogicalAnd, LogicalOr, LogicalNot, BitwiseAnd (differentiating through them fails with TF.js's
 * "gradient function not found" message).
 */
final class ElementwiseGradients {
    private ElementwiseGradients() {
    }

    static void register() {
        UnaryGradients.register();
        BinaryGradients.register();
        // TF.js's Cast gradient is dy.clone(): an Identity kernel, recorded, so gradients of
        // gradients flow through it. A same-dtype Cast is that here (it shares dy's buffer).
        GradientRegistry.register("Cast", null, null, (i, g) -> GradOps.identity(g.dy()));
        GradientRegistry.register("AddN", null, null, (i, g) -> GradOps.identity(g.dy()));
        // Select broadcasts its three inputs itself (TF.js's where broadcasts them with
        // broadcastTo first, whose gradient sums back): each gradient is summed back to its input.
        GradientRegistry.register("Select", new int[] {0}, null, (i, g) -> {
            Tensor condition = g.saved(0);
            if (i == 0) {
                return Creation.zeros(g.inputShape(0), DType.FLOAT32);
            }
            Tensor mask = i == 1 ? condition : GradOps.constant(() -> Logic.logicalNot(condition));
            Tensor res = Arithmetic.mul(g.dy(), Transform.cast(mask, g.dy().dtype()));
            return reduceToShape(res, g.inputShape(i));
        });
    }
}
