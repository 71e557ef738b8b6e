package dev.samovar.grad;

import dev.samovar.core.Attrs;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.kernels.ConvGeometry;
import dev.samovar.ops.Conv;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Pool;

/**
 * Gradients of the 3-D kernels, as TF.js's Conv3D_grad, MaxPool3D_grad and AvgPool3D_grad, and of
 * Dilation2D (Dilation2D_grad) (TF.js
 * has none for Conv3DBackpropInputV2, so neither does Samovar: conv3dTranspose is not
 * differentiable, as in TF.js).
 */
final class Conv3DGradients {
    private Conv3DGradients() {
    }

    static void register() {
        // TF.js's Dilation2D_grad: the backprop kernels take x, filter and dy, and the forward's attrs.
        GradientRegistry.register("Dilation2D", new int[] {0, 1}, null, (i, g) -> OpSupport.op("dilation2dGrad",
                () -> OpSupport.run(i == 0 ? "Dilation2DBackpropInput" : "Dilation2DBackpropFilter", g.attrs(),
                        g.saved(0), g.saved(1), g.dy())));
        GradientRegistry.register("Conv3D", new int[] {0, 1}, null, (i, g) -> {
            Attrs a = g.attrs();
            int[] dil = a.getInts("dilations", null);
            OpSupport.require(dil == null || ConvGeometry.tupleValuesAreOne(dil),
                    "Error in gradient of conv3D: dilation rates greater than 1 are not yet supported in gradients. "
                            + "Got dilations '" + ConvGeometry.tupleToString(dil) + "'");
            Tensor x = g.saved(0);
            Tensor filter = g.saved(1);
            if (i == 0) {
                return Conv.conv3DBackpropInput(x.shape(), g.dy(), filter, a.getInts("strides", null), a.get("pad"));
            }
            return Conv.conv3DBackpropFilter(x, g.dy(), filter.shape(), a.getInts("strides", null), a.get("pad"));
        });
        GradientRegistry.register("MaxPool3D", new int[] {0}, new boolean[] {true}, (i, g) -> {
            Attrs a = g.attrs();
            return Pool.maxPool3dGrad(g.dy(), g.saved(0), g.saved(1), a.getInts("filterSize"),
                    a.getInts("strides", null), a.get("pad"), a.getString("dimRoundingMode", null));
        });
        GradientRegistry.register("AvgPool3D", new int[] {0}, null, (i, g) -> {
            Attrs a = g.attrs();
            return Pool.avgPool3dGrad(g.dy(), g.saved(0), a.getInts("filterSize"), a.getInts("strides", null),
                    a.get("pad"), a.getString("dimRoundingMode", null));
        });
    }
}
