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
 * OneHot: int32 indices, attrs {@code depth}, {@code onValue}, {@code offValue}, {@code dtype}. As in
 * TF.js the values are first stored as float32, then converted to the output dtype.
 */
public final class OneHotKernel {
    private OneHotKernel() {
    }

    static void register() {
        KernelRegistry.register("OneHot", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor indices = inputs[0];
            int depth = attrs.getInt("depth");
            DType dtype = attrs.getDType("dtype");
            double on = F32.round(attrs.getDouble("onValue"));
            double off = F32.round(attrs.getDouble("offValue"));
            int[] idx = (int[]) indices.dataId().payload;
            int n = indices.size();
            int[] shape = Shapes.concat(indices.shapeRef(), new int[] {depth});
            int size = Shapes.sizeFromShape(shape);
            Object out;
            if (dtype == DType.FLOAT32) {
                float[] o = Cpu.newFloats(size);
                java.util.Arrays.fill(o, (float) off);
                for (int e = 0; e < n; e++) {
                    int k = idx[e];
                    if (k >= 0 && k < depth) {
                        o[e * depth + k] = (float) on;
                    }
                }
                out = o;
            } else {
                boolean isBool = dtype == DType.BOOL;
                int onV = isBool ? JsNumber.toUint8(on) : JsNumber.toInt32(on);
                int offV = isBool ? JsNumber.toUint8(off) : JsNumber.toInt32(off);
                int[] o = Cpu.newInts(size);
                java.util.Arrays.fill(o, offV);
                for (int e = 0; e < n; e++) {
                    int k = idx[e];
                    if (k >= 0 && k < depth) {
                        o[e * depth + k] = onV;
                    }
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, shape, dtype, backend)};
        });
    }
}
