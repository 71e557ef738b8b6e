package dev.samovar.grad;

import dev.samovar.core.GradientRegistry;
import dev.samovar.ops.Linalg;

/** Gradients of matMul, convolution, pooling, normalization, softmax and fused kernels. */
final class NnGradients {
    private NnGradients() {
    }

    static void register() {
        GradientRegistry.register("BatchMatMul", new int[] {0, 1}, null, (i, g) -> {
            boolean ta = g.attrs().getBool("transposeA", false);
            boolean tb = g.attrs().getBool("transposeB", false);
            var a = g.saved(0);
            var b = g.saved(1);
            var dy = g.dy();
            if (!ta && !tb) {
                return i == 0 ? Linalg.matMul(dy, b, false, true) : Linalg.matMul(a, dy, true, false);
            } else if (!ta) {
                return i == 0 ? Linalg.matMul(dy, b, false, false) : Linalg.matMul(dy, a, true, false);
            } else if (!tb) {
                return i == 0 ? Linalg.matMul(b, dy, false, true) : Linalg.matMul(a, dy, false, false);
            }
            return i == 0 ? Linalg.matMul(b, dy, true, true) : Linalg.matMul(dy, a, true, true);
        });
    }
}
