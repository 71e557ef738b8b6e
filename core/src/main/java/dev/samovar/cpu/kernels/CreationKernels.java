package dev.samovar.cpu.kernels;

/** Registers the CPU backend's creation and random kernels (Fill-like, Range, LinSpace, OneHot). */
final class CreationKernels {
    private CreationKernels() {
    }

    static void register() {
        FillLikeKernels.register();
    }
}
