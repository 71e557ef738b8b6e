package dev.samovar.webgl.kernels;

/**
 * The one list of the webgl backend's kernels, by family. A kernel of the cpu backend that no
 * family registers here runs on the cpu (the engine copies its inputs there), so every kernel works.
 */
public final class WebGLKernels {
    private WebGLKernels() {
    }

    public static void registerAll() {
        ElementwiseKernels.register();
        TransformKernels.register();
        MatMulKernels.register();
        ConvKernels.register();
        ReductionKernels.register();
        CreationKernels.register();
        ScanKernels.register();
        PoolKernels.register();
        NormKernels.register();
        ConvBackpropKernels.register();
        ImageKernels.register();
    }
}
