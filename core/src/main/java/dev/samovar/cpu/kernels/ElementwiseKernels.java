package dev.samovar.cpu.kernels;

/** Registers the CPU backend's unary, binary, comparison, logical, select, addN and cast kernels, and EluGrad. */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    static void register() {
        UnaryKernels.register();
        BinaryKernels.register();
        CastKernel.register();
        SelectKernel.register();
        AddNKernel.register();
        EluGradKernel.register();
    }
}
