package dev.samovar.cpu.kernels;

/** The one list of the CPU backend's kernels, by family; each family file lists its kernels. */
public final class CpuKernels {
    private CpuKernels() {
    }

    public static void registerAll() {
        ElementwiseKernels.register();
        CreationKernels.register();
        ReductionKernels.register();
        TransformKernels.register();
        NnKernels.register();
        ImageKernels.register();
        SelectionKernels.register();
    }
}
