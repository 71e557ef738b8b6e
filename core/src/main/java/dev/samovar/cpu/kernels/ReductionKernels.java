package dev.samovar.cpu.kernels;

/** Registers the CPU backend's reduction, scan, top-k and segment kernels. */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void register() {
        SumKernel.register();
        MeanKernel.register();
        ProdKernel.register();
        MinMaxKernels.register();
        AnyAllKernels.register();
        CumulativeKernels.register();
        TopKKernel.register();
        LogSumExpKernel.register();
        MomentsKernel.register();
        SegmentKernels.register();
    }
}
