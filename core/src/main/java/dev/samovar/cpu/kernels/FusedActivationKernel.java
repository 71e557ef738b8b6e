package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * _FusedActivation (Samovar's): the activation step of the fused kernels on its own. inputs: x,
 * optional PReLU weights; attrs {@code activation}, {@code leakyreluAlpha}, {@code nchw} (1-D
 * weights align with axis 1). The fused ops run it after their kernel (with a linear activation)
 * while a gradient is recorded, where TF.js runs the unfused activation op; values are those of
 * the fused kernel.
 */
public final class FusedActivationKernel {
    private FusedActivationKernel() {
    }

    static void register() {
        KernelRegistry.register("_FusedActivation", CpuBackend.NAME, FusedActivationKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor prelu = inputs.length > 1 ? inputs[1] : null;
        Object alpha = attrs.get("leakyreluAlpha");
        String activation = attrs.getString("activation", "linear");
        if (activation.equals("linear")) {
            return new Tensor[] {x.clone()};
        }
        return new Tensor[] {FusedActivation.apply(backend, x.dataId().payload, x.shapeRef(), x.dtype(), null, prelu,
                activation, alpha == null ? 0.2 : ((Number) alpha).doubleValue(),
                attrs.getBool("nchw", false))};
    }
}
