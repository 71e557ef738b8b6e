package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;
import java.util.HashMap;

/**
 * Unique (attr {@code axis}): outputs [values, indices]. The slices of x along the axis are
 * compared as TF.js's CPU kernel compares them (by their values' JavaScript text: NaN equals NaN,
 * -0 equals 0); values keeps the first occurrence of each, in order, in x's dtype; indices (int32,
 * one per position along the axis) says which unique slice each position holds.
 */
final class UniqueKernel {
    private UniqueKernel() {
    }

    /** An element's identity as TF.js's toString() sees it. */
    private static int keyOf(Object raw, int i) {
        if (raw instanceof float[]) {
            float v = ((float[]) raw)[i];
            return v == 0 ? 0 : Float.floatToIntBits(v);
        }
        return ((int[]) raw)[i];
    }

    static void register() {
        KernelRegistry.register("Unique", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] shape = x.shape();
            int axis = Shapes.parseAxis(attrs.getInt("axis", 0), shape.length);
            int outer = 1;
            for (int i = 0; i < axis; i++) {
                outer *= shape[i];
            }
            int n = shape[axis];
            int inner = 1;
            for (int i = axis + 1; i < shape.length; i++) {
                inner *= shape[i];
            }
            Object raw = Cpu.raw(x);
            HashMap<String, Integer> seen = new HashMap<>();
            int[] indices = Cpu.newInts(n);
            int[] firsts = Cpu.newInts(n);
            int count = 0;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (int m = 0; m < outer; m++) {
                    for (int k = 0; k < inner; k++) {
                        sb.append(keyOf(raw, (m * n + i) * inner + k)).append(',');
                    }
                }
                String key = sb.toString();
                Integer prev = seen.get(key);
                if (prev != null) {
                    indices[i] = prev;
                } else {
                    seen.put(key, count);
                    indices[i] = count;
                    firsts[count++] = i;
                }
            }
            int size = outer * count * inner;
            boolean isFloat = raw instanceof float[];
            float[] fOut = isFloat ? Cpu.newFloats(size) : null;
            int[] iOut = isFloat ? null : Cpu.newInts(size);
            for (int u = 0; u < count; u++) {
                int src = firsts[u];
                for (int m = 0; m < outer; m++) {
                    for (int k = 0; k < inner; k++) {
                        int from = (m * n + src) * inner + k;
                        int to = (m * count + u) * inner + k;
                        if (isFloat) {
                            fOut[to] = ((float[]) raw)[from];
                        } else {
                            iOut[to] = ((int[]) raw)[from];
                        }
                    }
                }
            }
            int[] outShape = shape.clone();
            outShape[axis] = count;
            DType dtype = x.dtype();
            return new Tensor[] {Cpu.out(backend, isFloat ? fOut : iOut, outShape, dtype),
                Cpu.out(backend, indices, new int[] {n}, DType.INT32)};
        });
    }
}
