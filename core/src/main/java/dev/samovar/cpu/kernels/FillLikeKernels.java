package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/** ZerosLike and OnesLike: a tensor of the input's shape and dtype. */
public final class FillLikeKernels {
    private FillLikeKernels() {
    }

    static void register() {
        registerFill("ZerosLike", 0);
        registerFill("OnesLike", 1);
    }

    private static void registerFill(String name, int value) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Object out;
            if (x.dtype() == DType.FLOAT32) {
                float[] o = new float[x.size()];
                java.util.Arrays.fill(o, value);
                out = o;
            } else {
                int[] o = new int[x.size()];
                java.util.Arrays.fill(o, value);
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, x.shapeRef(), x.dtype(), backend)};
        });
    }
}
