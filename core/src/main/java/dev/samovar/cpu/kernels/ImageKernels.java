package dev.samovar.cpu.kernels;

/** Registers the CPU backend's image kernels (TF.js's tf.image family). */
final class ImageKernels {
    private ImageKernels() {
    }

    static void register() {
        ResizeKernels.register();
        ResizeGradKernels.register();
        CropAndResizeKernel.register();
        FlipRotateKernels.register();
        ImageTransformKernel.register();
        NonMaxSuppressionKernels.register();
        WhereKernel.register();
    }

    /** JavaScript's Math.round: halves round towards +Infinity. */
    static double jsRound(double x) {
        double f = Math.floor(x);
        return x - f >= 0.5 ? f + 1 : f;
    }
}
