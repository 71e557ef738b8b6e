package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * _FusedMatMul: BatchMatMul of a and b (rank 3; attrs {@code transposeA}, {@code transposeB}), then
 * bias and activation ({@code activation}, {@code leakyreluAlpha}; optional inputs flagged by
 * {@code hasBias}, {@code hasPrelu}), each step stored as TF.js's separate kernels store it.
 */
public final class FusedMatMulKernel {
    private FusedMatMulKernel() {
    }

    static void register() {
        KernelRegistry.register("_FusedMatMul", CpuBackend.NAME, FusedMatMulKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor product = BatchMatMulKernel.run(new Tensor[] {inputs[0], inputs[1]}, attrs, backend)[0];
        Tensor[] extra = FusedActivation.extras(inputs, 2, attrs);
        try {
            return new Tensor[] {FusedActivation.apply(backend, product.dataId().payload, product.shapeRef(),
                    product.dtype(), extra[0], extra[1], attrs.getString("activation", "linear"),
                    attrs.getDouble("leakyreluAlpha"), false)};
        } finally {
            product.dispose();
        }
    }
}
