package dev.samovar.grad;

import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;

/** Gradients of the reduction, scan and top-k kernels. */
final class ReductionGradients {
    private ReductionGradients() {
    }

    static void register() {
        GradientRegistry.register("Sum", null, null, (i, g) -> {
            int[] xShape = g.inputShape(0);
            int[] expanded = xShape.clone();
            for (int axis : Shapes.parseAxes(g.attrs().getInts("axis", null), xShape.length)) {
                expanded[axis] = 1;
            }
            Tensor dy = Transform.reshape(g.dy(), expanded);
            return Arithmetic.mul(dy, Creation.ones(xShape));
        });
    }
}
