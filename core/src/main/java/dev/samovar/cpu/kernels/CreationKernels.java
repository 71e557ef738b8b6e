package dev.samovar.cpu.kernels;

/** Registers the CPU backend's creation kernels (Fill, ZerosLike, OnesLike, Range, LinSpace, OneHot). */
final class CreationKernels {
    private CreationKernels() {
    }

    static void register() {
        FillLikeKernels.register();
        RangeKernels.register();
        OneHotKernel.register();
    }
}
