package dev.samovar.grad;

import dev.samovar.core.GradientRegistry;
import dev.samovar.ops.Transform;

/** Gradients of the shape and layout kernels. */
final class TransformGradients {
    private TransformGradients() {
    }

    static void register() {
        GradientRegistry.register("Reshape", null, null, (i, g) -> Transform.reshape(g.dy(), g.inputShape(0)));
    }
}
