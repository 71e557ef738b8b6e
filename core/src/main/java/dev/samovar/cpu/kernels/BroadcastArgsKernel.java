package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/** BroadcastArgs: the broadcast shape of two int32 shape vectors (int32), with TF.js's message. */
final class BroadcastArgsKernel {
    private BroadcastArgsKernel() {
    }

    static void register() {
        KernelRegistry.register("BroadcastArgs", CpuBackend.NAME, (inputs, attrs, backend) -> {
            int[] shape = Shapes.broadcastShapes(Cpu.ints(inputs[0]).clone(), Cpu.ints(inputs[1]).clone());
            return Cpu.one(Cpu.out(backend, shape.clone(), new int[] {shape.length}, DType.INT32));
        });
    }
}
