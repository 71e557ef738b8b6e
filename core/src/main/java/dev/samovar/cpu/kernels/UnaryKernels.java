package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * Elementwise unary kernels: each element computed in double precision, stored once in the output
 * dtype, as TF.js's CPU backend does.
 */
public final class UnaryKernels {
    /** The scalar function of a unary kernel; attributes (alpha, clip bounds) come with it. */
    @FunctionalInterface
    public interface Op {
        double apply(double x, Attrs attrs);
    }

    private UnaryKernels() {
    }

    static void register() {
        register("Exp", (x, at) -> Math.exp(x), DType.FLOAT32);
        register("Relu", (x, at) -> x < 0 ? 0 : x, null);
    }

    /** Registers a CPU unary kernel; {@code outDtype} null means "the input's dtype". */
    public static void register(String name, Op op, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            DType dtype = outDtype != null ? outDtype : x.dtype();
            Object xv = x.dataId().payload;
            int n = x.size();
            Object out;
            if (dtype == DType.FLOAT32) {
                float[] o = new float[n];
                if (xv instanceof float[]) {
                    float[] v = (float[]) xv;
                    for (int i = 0; i < n; i++) {
                        o[i] = (float) op.apply(v[i], attrs);
                    }
                } else {
                    int[] v = (int[]) xv;
                    for (int i = 0; i < n; i++) {
                        o[i] = (float) op.apply(v[i], attrs);
                    }
                }
                out = o;
            } else {
                int[] o = new int[n];
                boolean isBool = dtype == DType.BOOL;
                for (int i = 0; i < n; i++) {
                    double v = xv instanceof float[] ? ((float[]) xv)[i] : ((int[]) xv)[i];
                    double r = op.apply(v, attrs);
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, x.shapeRef(), dtype, backend)};
        });
    }
}
