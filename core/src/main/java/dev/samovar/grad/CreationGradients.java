package dev.samovar.grad;

import dev.samovar.core.DType;
import dev.samovar.core.GradientRegistry;
import dev.samovar.ops.Creation;

/**
 * Gradients of the creation kernels that take a tensor: ZerosLike and OnesLike (zeros), OneHot
 * (float32 zeros for the indices), as TF.js. Fill, Range and LinSpace take no tensor, so nothing
 * flows back through them.
 */
final class CreationGradients {
    private CreationGradients() {
    }

    static void register() {
        GradientRegistry.register("ZerosLike", null, null, (i, g) -> Creation.zerosLike(g.dy()));
        GradientRegistry.register("OnesLike", null, null, (i, g) -> Creation.zerosLike(g.dy()));
        GradientRegistry.register("OneHot", null, null, (i, g) -> Creation.zeros(g.inputShape(0), DType.FLOAT32));
    }
}
