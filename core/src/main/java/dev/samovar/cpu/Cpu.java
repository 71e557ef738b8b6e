package dev.samovar.cpu;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/** What CPU kernels use to read inputs and make outputs. */
public final class Cpu {
    private Cpu() {
    }

    /** The float32 values of a tensor: its own buffer (do not modify) or a converted copy. */
    public static float[] floats(Tensor t) {
        Object v = t.dataId().payload;
        if (v instanceof float[]) {
            return (float[]) v;
        }
        int[] iv = (int[]) v;
        float[] out = new float[iv.length];
        for (int i = 0; i < iv.length; i++) {
            out[i] = iv[i];
        }
        return out;
    }

    /** The int values of an int32 / bool tensor (do not modify), or float32 values truncated. */
    public static int[] ints(Tensor t) {
        Object v = t.dataId().payload;
        if (v instanceof int[]) {
            return (int[]) v;
        }
        float[] fv = (float[]) v;
        int[] out = new int[fv.length];
        for (int i = 0; i < fv.length; i++) {
            out[i] = (int) fv[i];
        }
        return out;
    }

    /**
     * A zeroed float array for a kernel's output (or scratch): large ones are recycled from
     * disposed tensors, which saves the page faults of fresh memory. Same contract as
     * {@code new float[n]}.
     */
    public static float[] newFloats(int n) {
        return CpuBackend.POOL.newFloats(n);
    }

    /** A zeroed int array, as {@link #newFloats}. */
    public static int[] newInts(int n) {
        return CpuBackend.POOL.newInts(n);
    }

    /** The raw buffer: {@code float[]} or {@code int[]}. */
    public static Object raw(Tensor t) {
        return t.dataId().payload;
    }

    public static Tensor out(Backend b, float[] values, int[] shape) {
        return Engine.get().makeTensor(values, shape, DType.FLOAT32, b);
    }

    public static Tensor out(Backend b, int[] values, int[] shape, DType dtype) {
        return Engine.get().makeTensor(values, shape, dtype, b);
    }

    /** An output of the given dtype from a raw buffer ({@code float[]} or {@code int[]}). */
    public static Tensor out(Backend b, Object values, int[] shape, DType dtype) {
        return Engine.get().makeTensor(values, shape, dtype, b);
    }

    /** A one-element output array. */
    public static Tensor[] one(Tensor t) {
        return new Tensor[] {t};
    }
}
