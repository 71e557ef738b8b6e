package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * EluGrad (inputs dy, y = elu(x)): dy where y &gt;= 0, else dy * (y + 1), computed in double and
 * stored once, as TF.js's CPU kernel. The fused kernels' elu gradient needs it; it is registered
 * here only when the elementwise family (Elu's gradient) has not registered it already.
 */
public final class EluGradKernel {
    private EluGradKernel() {
    }

    static void register() {
        if (KernelRegistry.get("EluGrad", CpuBackend.NAME) == null) {
            KernelRegistry.register("EluGrad", CpuBackend.NAME, EluGradKernel::run);
        }
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        float[] dy = Cpu.floats(inputs[0]);
        float[] y = Cpu.floats(inputs[1]);
        float[] out = Cpu.newFloats(y.length);
        int n = Math.min(y.length, dy.length);
        for (int i = 0; i < n; i++) {
            double v = y[i];
            out[i] = v >= 0 ? dy[i] : (float) (dy[i] * (v + 1));
        }
        return new Tensor[] {Engine.get().makeTensor(out, inputs[1].shape(), DType.FLOAT32, backend)};
    }
}
