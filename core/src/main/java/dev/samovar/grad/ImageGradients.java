package dev.samovar.grad;

import dev.samovar.core.Engine;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;

/**
 * Gradients of the image kernels: TF.js's ResizeBilinear_grad and ResizeNearestNeighbor_grad, which
 * run the backward kernels (ResizeBilinearGrad, ResizeNearestNeighborGrad) with the forward
 * kernel's attributes.
 */
final class ImageGradients {
    private ImageGradients() {
    }

    static void register() {
        GradientRegistry.register("ResizeBilinear", new int[] {0}, null, (i, g) -> Engine.get()
                .runKernel("ResizeBilinearGrad", new Tensor[] {g.dy(), g.saved(0)}, g.attrs())[0]);
        GradientRegistry.register("ResizeNearestNeighbor", new int[] {0}, null, (i, g) -> Engine.get()
                .runKernel("ResizeNearestNeighborGrad", new Tensor[] {g.dy(), g.saved(0)}, g.attrs())[0]);
    }
}
