package dev.samovar.cpu.kernels;

/** Registers the CPU backend's data-dependent, segment, scatter and search kernels. */
final class SelectionKernels {
    private SelectionKernels() {
    }

    static void register() {
        UniqueKernel.register();
        DiagKernel.register();
        MultinomialKernel.register();
        EinsumKernel.register();
        ScatterKernels.register();
        SearchKernels.register();
        SparseKernels.register();
        BroadcastArgsKernel.register();
    }
}
