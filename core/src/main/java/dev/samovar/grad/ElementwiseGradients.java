package dev.samovar.grad;

import static dev.samovar.grad.GradSupport.f32;
import static dev.samovar.grad.GradSupport.reduceToShape;
import static dev.samovar.grad.GradSupport.unbroadcast;

import dev.samovar.core.GradientRegistry;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Unary;

/** Gradients of the unary, binary, comparison, logical, select, addN and cast kernels. */
final class ElementwiseGradients {
    private ElementwiseGradients() {
    }

    static void register() {
        GradientRegistry.register("Add", null, null, (i, g) -> unbroadcast(g.dy(), g.inputShape(i)));
        GradientRegistry.register("Sub", null, null, (i, g) -> i == 0 ? unbroadcast(g.dy(), g.inputShape(0))
                : Unary.neg(unbroadcast(g.dy(), g.inputShape(1))));
        GradientRegistry.register("Multiply", new int[] {0, 1}, null,
                (i, g) -> reduceToShape(Arithmetic.mul(g.dy(), f32(g.saved(1 - i))), g.inputShape(i)));
        GradientRegistry.register("Exp", null, new boolean[] {true}, (i, g) -> Arithmetic.mul(g.dy(), g.saved(0)));
        GradientRegistry.register("Relu", new int[] {0}, null,
                (i, g) -> Arithmetic.mul(g.dy(), f32(Unary.step(g.saved(0), 0))));
        GradientRegistry.register("Cast", null, null, (i, g) -> g.dy().clone());
    }
}
