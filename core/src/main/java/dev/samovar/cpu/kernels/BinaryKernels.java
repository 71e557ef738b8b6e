package dev.samovar.cpu.kernels;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * Elementwise binary kernels with broadcasting. As in TF.js's CPU backend, each element is computed
 * in double precision and stored once in the output dtype (int32 wraps as an Int32Array does).
 */
public final class BinaryKernels {
    /** The scalar function of a binary kernel. */
    @FunctionalInterface
    public interface Op {
        double apply(double a, double b);
    }

    private BinaryKernels() {
    }

    static void register() {
        register("Add", (a, b) -> a + b, null);
        register("Sub", (a, b) -> a - b, null);
        register("Multiply", (a, b) -> a * b, null);
        register("RealDiv", (a, b) -> a / b, null);
    }

    /**
     * Registers a CPU binary kernel; {@code outDtype} null means "the inputs' dtype" (the op has
     * already made the input dtypes match).
     */
    public static void register(String name, Op op, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {compute(backend, inputs[0], inputs[1], op, outDtype)});
    }

    /** Computes {@code op} elementwise over the broadcast of {@code a} and {@code b}. */
    public static Tensor compute(Backend backend, Tensor a, Tensor b, Op op, DType outDtype) {
        int[] outShape = Shapes.broadcastShapes(a.shapeRef(), b.shapeRef());
        int size = Shapes.sizeFromShape(outShape);
        DType dtype = outDtype != null ? outDtype : a.dtype();
        Object av = a.dataId().payload;
        Object bv = b.dataId().payload;
        int[] ai = null;
        int[] bi = null;
        if (a.size() != size || !Shapes.equal(a.shapeRef(), outShape)) {
            ai = Broadcast.indexMap(a.shapeRef(), outShape, size);
        }
        if (b.size() != size || !Shapes.equal(b.shapeRef(), outShape)) {
            bi = Broadcast.indexMap(b.shapeRef(), outShape, size);
        }
        Object out;
        if (dtype == DType.FLOAT32) {
            float[] o = new float[size];
            if (av instanceof float[] && bv instanceof float[]) {
                float[] x = (float[]) av;
                float[] y = (float[]) bv;
                for (int i = 0; i < size; i++) {
                    o[i] = (float) op.apply(x[ai == null ? i : ai[i]], y[bi == null ? i : bi[i]]);
                }
            } else {
                for (int i = 0; i < size; i++) {
                    o[i] = (float) op.apply(at(av, ai == null ? i : ai[i]), at(bv, bi == null ? i : bi[i]));
                }
            }
            out = o;
        } else {
            int[] o = new int[size];
            boolean isBool = dtype == DType.BOOL;
            if (av instanceof int[] && bv instanceof int[]) {
                int[] x = (int[]) av;
                int[] y = (int[]) bv;
                for (int i = 0; i < size; i++) {
                    double r = op.apply(x[ai == null ? i : ai[i]], y[bi == null ? i : bi[i]]);
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
            } else {
                for (int i = 0; i < size; i++) {
                    double r = op.apply(at(av, ai == null ? i : ai[i]), at(bv, bi == null ? i : bi[i]));
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
            }
            out = o;
        }
        return Engine.get().makeTensor(out, outShape, dtype, backend);
    }

    private static double at(Object values, int i) {
        return values instanceof float[] ? ((float[]) values)[i] : ((int[]) values)[i];
    }
}
