package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Cast: attr {@code dtype}. To int32: truncation as an Int32Array store (NaN to 0); to bool:
 * {@code x != 0} (NaN is true); to float32: exact for int32 and bool.
 */
public final class CastKernel {
    private CastKernel() {
    }

    static void register() {
        KernelRegistry.register("Cast", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            DType to = attrs.getDType("dtype");
            Object v = x.dataId().payload;
            if (to == x.dtype() || (to == DType.INT32 && x.dtype() == DType.BOOL)) {
                return new Tensor[] {Engine.get().makeTensorFromDataId(x.dataId(), x.shapeRef(), to)};
            }
            int n = x.size();
            Object out;
            if (to == DType.FLOAT32) {
                int[] iv = (int[]) v;
                float[] o = Cpu.newFloats(n);
                for (int i = 0; i < n; i++) {
                    o[i] = iv[i];
                }
                out = o;
            } else if (v instanceof float[]) {
                float[] fv = (float[]) v;
                int[] o = Cpu.newInts(n);
                for (int i = 0; i < n; i++) {
                    o[i] = to == DType.BOOL ? (fv[i] != 0 ? 1 : 0) : JsNumber.toInt32(fv[i]);
                }
                out = o;
            } else {
                int[] iv = (int[]) v;
                int[] o = Cpu.newInts(n);
                for (int i = 0; i < n; i++) {
                    o[i] = iv[i] != 0 ? 1 : 0;
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, x.shapeRef(), to, backend)};
        });
    }
}
