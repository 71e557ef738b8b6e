package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Fill (attrs {@code shape}, {@code value}, {@code dtype}), ZerosLike and OnesLike: a tensor of one
 * value, stored as a typed array of the dtype stores it.
 */
public final class FillLikeKernels {
    private FillLikeKernels() {
    }

    static void register() {
        KernelRegistry.register("Fill", CpuBackend.NAME, (inputs, attrs, backend) -> {
            int[] shape = attrs.getInts("shape");
            DType dtype = attrs.getDType("dtype");
            Object out = filled(Shapes.sizeFromShape(shape), attrs.getDouble("value"), dtype);
            return new Tensor[] {Engine.get().makeTensor(out, shape, dtype, backend)};
        });
        registerFill("ZerosLike", 0);
        registerFill("OnesLike", 1);
    }

    /** A float[] (float32) or int[] (int32, bool) of {@code size} copies of {@code value}. */
    public static Object filled(int size, double value, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float[] o = Cpu.newFloats(size);
            java.util.Arrays.fill(o, (float) value);
            return o;
        }
        int[] o = Cpu.newInts(size);
        int v = dtype == DType.BOOL ? JsNumber.toUint8(value) : JsNumber.toInt32(value);
        if (v != 0) {
            java.util.Arrays.fill(o, v);
        }
        return o;
    }

    private static void registerFill(String name, int value) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            Object out = filled(x.size(), value, x.dtype());
            return new Tensor[] {Engine.get().makeTensor(out, x.shapeRef(), x.dtype(), backend)};
        });
    }
}
