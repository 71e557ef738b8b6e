package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.NonMaxSuppression;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * NonMaxSuppressionV3 (selected indices), V4 (indices padded to maxOutputSize, and the count of
 * valid ones) and V5 (indices and soft-NMS scores), with TF.js's greedy algorithm
 * ({@link NonMaxSuppression}).
 */
final class NonMaxSuppressionKernels {
    private NonMaxSuppressionKernels() {
    }

    static void register() {
        KernelRegistry.register("NonMaxSuppressionV3", CpuBackend.NAME, (inputs, attrs, backend) -> {
            NonMaxSuppression.Result r = NonMaxSuppression.run(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]),
                    attrs.getInt("maxOutputSize"),
                    attrs.getDouble("iouThreshold"), attrs.getDouble("scoreThreshold"), 0, false);
            return new Tensor[] {Cpu.out(backend, r.indices, new int[] {r.indices.length}, DType.INT32)};
        });
        KernelRegistry.register("NonMaxSuppressionV4", CpuBackend.NAME, (inputs, attrs, backend) -> {
            NonMaxSuppression.Result r = NonMaxSuppression.run(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]),
                    attrs.getInt("maxOutputSize"),
                    attrs.getDouble("iouThreshold"), attrs.getDouble("scoreThreshold"), 0,
                    attrs.getBool("padToMaxOutputSize", false));
            return new Tensor[] {Cpu.out(backend, r.indices, new int[] {r.indices.length}, DType.INT32),
                Cpu.out(backend, new int[] {r.valid}, new int[0], DType.INT32)};
        });
        KernelRegistry.register("NonMaxSuppressionV5", CpuBackend.NAME, (inputs, attrs, backend) -> {
            NonMaxSuppression.Result r = NonMaxSuppression.run(Cpu.floats(inputs[0]), Cpu.floats(inputs[1]),
                    attrs.getInt("maxOutputSize"),
                    attrs.getDouble("iouThreshold"), attrs.getDouble("scoreThreshold"),
                    attrs.getDouble("softNmsSigma"), false);
            return new Tensor[] {Cpu.out(backend, r.indices, new int[] {r.indices.length}, DType.INT32),
                Cpu.out(backend, r.scores, new int[] {r.scores.length})};
        });
    }
}
