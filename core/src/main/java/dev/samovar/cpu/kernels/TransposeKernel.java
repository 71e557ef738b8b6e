package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
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
            Object out = isPermutation(perm) ? transpose(x.dataId().payload, x.shapeRef(), perm)
                    : scatter(x.dataId().payload, x.shapeRef(), perm, outShape);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
    }

    static int[] permuteShape(int[] shape, int[] perm) {
        int[] out = Cpu.newInts(perm.length);
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    private static boolean isPermutation(int[] perm) {
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (seen[p]) {
                return false;
            }
            seen[p] = true;
        }
        return true;
    }

    /**
     * TF.js's transpose for a perm that repeats an axis (which it accepts): each input value goes
     * to the flat output index of its permuted coordinates, when that index is in range.
     */
    private static Object scatter(Object values, int[] shape, int[] perm, int[] outShape) {
        int rank = shape.length;
        int size = Shapes.sizeFromShape(shape);
        int n = Shapes.sizeFromShape(outShape);
        int[] outStrides = Shapes.fullStrides(outShape);
        Object out = values instanceof float[] ? Cpu.newFloats(n) : Cpu.newInts(n);
        int[] loc = Cpu.newInts(rank);
        for (int i = 0; i < size; i++) {
            long index = 0;
            for (int d = 0; d < rank; d++) {
                index += (long) loc[perm[d]] * outStrides[d];
            }
            if (index >= 0 && index < n) {
                System.arraycopy(values, i, out, (int) index, 1);
            }
            for (int d = rank - 1; d >= 0; d--) {
                if (++loc[d] < shape[d]) {
                    break;
                }
                loc[d] = 0;
            }
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
        int[] step = Cpu.newInts(rank);
        for (int i = 0; i < rank; i++) {
            step[i] = inStrides[perm[i]];
        }
        int[] src = Cpu.newInts(size);
        if (size > 0) {
            int[] counter = Cpu.newInts(rank);
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
            float[] out = Cpu.newFloats(size);
            for (int p = 0; p < size; p++) {
                out[p] = v[src[p]];
            }
            return out;
        }
        int[] v = (int[]) values;
        int[] out = Cpu.newInts(size);
        for (int p = 0; p < size; p++) {
            out[p] = v[src[p]];
        }
        return out;
    }
}
