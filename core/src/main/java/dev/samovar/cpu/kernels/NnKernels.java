package dev.samovar.cpu.kernels;

/** Registers the CPU backend's matMul, convolution, pooling, normalization, softmax and fused kernels. */
final class NnKernels {
    private NnKernels() {
    }

    static void register() {
        BatchMatMulKernel.register();
        FusedMatMulKernel.register();
        Conv2DKernel.register();
        DepthwiseConv2dNativeKernel.register();
        Conv2DBackpropInputKernel.register();
        PoolKernel.register();
        SoftmaxKernel.register();
        NormKernels.register();
    }
}
