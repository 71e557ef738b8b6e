package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * The elementwise steps of tf.norm, as Samovar-internal kernels (named apart from the unary
 * family's): NormAbs and NormSquare keep the dtype and, like TF.js's Abs and Square kernels, pass
 * every result through float32 first; NormSqrt takes float32 only.
 */
public final class NormKernels {
    private NormKernels() {
    }

    static void register() {
        KernelRegistry.register("NormAbs", CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {map(inputs[0], 0, backend)});
        KernelRegistry.register("NormSquare", CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {map(inputs[0], 1, backend)});
        KernelRegistry.register("NormSqrt", CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {map(inputs[0], 2, backend)});
    }

    private static Tensor map(Tensor x, int fn, dev.samovar.core.Backend backend) {
        int n = x.size();
        Object xv = x.dataId().payload;
        float[] f = new float[n];
        if (xv instanceof float[]) {
            float[] v = (float[]) xv;
            for (int i = 0; i < n; i++) {
                f[i] = (float) apply(fn, v[i]);
            }
            return Engine.get().makeTensor(f, x.shapeRef(), DType.FLOAT32, backend);
        }
        int[] v = (int[]) xv;
        for (int i = 0; i < n; i++) {
            f[i] = (float) apply(fn, v[i]);
        }
        boolean isBool = x.dtype() == DType.BOOL;
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = isBool ? JsNumber.toUint8(f[i]) : JsNumber.toInt32(f[i]);
        }
        return Engine.get().makeTensor(o, x.shapeRef(), x.dtype(), backend);
    }

    private static double apply(int fn, double x) {
        switch (fn) {
            case 0:
                return Math.abs(x);
            case 1:
                return x * x;
            default:
                return Math.sqrt(x);
        }
    }
}
