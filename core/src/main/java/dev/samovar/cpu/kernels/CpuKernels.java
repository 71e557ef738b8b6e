package dev.samovar.cpu.kernels;

/** The one list of the CPU backend's kernels: each family or kernel file registers itself here. */
public final class CpuKernels {
    private CpuKernels() {
    }

    public static void registerAll() {
        UnaryKernels.register();
        BinaryKernels.register();
        CastKernel.register();
        ReshapeKernel.register();
        TransposeKernel.register();
        FillLikeKernels.register();
        SumKernel.register();
        BatchMatMulKernel.register();
    }
}
