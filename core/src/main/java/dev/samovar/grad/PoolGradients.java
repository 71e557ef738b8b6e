package dev.samovar.grad;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientRegistry;

/**
 * Gradients of the pooling kernels: TF.js's MaxPool_grad and AvgPool_grad (which, as in TF.js,
 * do not pass dimRoundingMode on), and DilatedPool's, the gradient of TF.js's spaceToBatchND /
 * pool / batchToSpaceND composition for dilated tf.pool.
 */
final class PoolGradients {
    private PoolGradients() {
    }

    static void register() {
        GradientRegistry.register("MaxPool", new int[] {0}, new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            return NnBackprop.maxPoolGrad(g.dy(), g.saved(0), g.saved(1), a.getInts("filterSize"),
                    a.getInts("strides", null), a.get("pad"), null);
        });
        GradientRegistry.register("AvgPool", new int[] {0}, null, (i, g) -> {
            Attrs a = g.attrs();
            return NnBackprop.avgPoolGrad(g.dy(), g.saved(0), a.getInts("filterSize"), a.getInts("strides", null),
                    a.get("pad"));
        });
        GradientRegistry.register("DilatedPool", new int[] {0}, null,
                (i, g) -> NnBackprop.dilatedPoolGrad(g.dy(), g.saved(0), g.attrs()));
    }
}
