package dev.samovar.cpu.kernels;

/** Registers the CPU backend's shape and layout kernels. */
final class TransformKernels {
    private TransformKernels() {
    }

    static void register() {
        ReshapeKernel.register();
        IdentityKernel.register();
        TransposeKernel.register();
        ConcatKernel.register();
        SliceKernel.register();
        GatherKernel.register();
        PadKernel.register();
        TileKernel.register();
        SpaceKernel.register();
    }
}
