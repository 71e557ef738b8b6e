package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/** Transpose: attr {@code perm}; output dimension i is input dimension perm[i]. */
public final class TransposeKernel {
    private TransposeKernel() {
    }

    static void register() {
        KernelRegistry.register("Transpose", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] perm = attrs.getInts("perm");
            int[] outShape = permuteShape(x.shapeRef(), perm);
            Object out = transpose(x.dataId().payload, x.shapeRef(), perm);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
    }

    static int[] permuteShape(int[] shape, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** Transposes a float[] or int[] buffer of the given shape. */
    public static Object transpose(Object values, int[] shape, int[] perm) {
        int rank = shape.length;
        int size = Shapes.sizeFromShape(shape);
        int[] outShape = permuteShape(shape, perm);
        int[] inStrides = Shapes.fullStrides(shape);
        // Stride in the input for a step along each output dimension.
        int[] step = new int[rank];
        for (int i = 0; i < rank; i++) {
            step[i] = inStrides[perm[i]];
        }
        int[] src = new int[size];
        if (size > 0) {
            int[] counter = new int[rank];
            int off = 0;
            for (int p = 0; p < size; p++) {
                src[p] = off;
                for (int d = rank - 1; d >= 0; d--) {
                    counter[d]++;
                    off += step[d];
                    if (counter[d] < outShape[d]) {
                        break;
                    }
                    off -= step[d] * outShape[d];
                    counter[d] = 0;
                }
            }
        }
        if (values instanceof float[]) {
            float[] v = (float[]) values;
            float[] out = new float[size];
            for (int p = 0; p < size; p++) {
                out[p] = v[src[p]];
            }
            return out;
        }
        int[] v = (int[]) values;
        int[] out = new int[size];
        for (int p = 0; p < size; p++) {
            out[p] = v[src[p]];
        }
        return out;
    }
}
