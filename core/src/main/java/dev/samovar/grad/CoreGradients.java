package dev.samovar.grad;

import dev.samovar.core.GradientProvider;

/** Registers every kernel gradient (found by the engine through ServiceLoader). One list per family. */
public final class CoreGradients implements GradientProvider {
    @Override
    public void registerGradients() {
        ElementwiseGradients.register();
        CreationGradients.register();
        ReductionGradients.register();
        TransformGradients.register();
        NnGradients.register();
        ImageGradients.register();
    }
}
