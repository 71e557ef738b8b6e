package dev.samovar.cpu.kernels;

/**
 * Registers the CPU backend's matMul, convolution, pooling, normalization, softmax and fused kernels,
 * and their backward kernels (Conv2DBackpropFilter, MaxPoolGrad, LRNGrad, ...).
 */
final class NnKernels {
    private NnKernels() {
    }

    static void register() {
        BatchMatMulKernel.register();
        FusedMatMulKernel.register();
        FusedActivationKernel.register();
        Conv2DKernel.register();
        DepthwiseConv2dNativeKernel.register();
        Conv2DBackpropInputKernel.register();
        Conv2DBackpropFilterKernel.register();
        DepthwiseBackpropKernels.register();
        PoolKernel.register();
        PoolGradKernels.register();
        SoftmaxKernel.register();
        NormKernels.register();
        LrnGradKernel.register();
        Conv3DKernels.register();
        Pool3DKernels.register();
        Dilation2DKernels.register();
        MaxPoolWithArgmaxKernel.register();
    }
}
