package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * UnsortedSegmentSum (inputs x and 1-D int32 segmentIds of length x.shape[0], attr
 * {@code numSegments}): out[s] = the sum of the rows x[r] with segmentIds[r] == s, float32 of shape
 * [numSegments, ...x.shape[1:]]. As TF.js's CPU kernel, which sums mask * x over the rows for each
 * segment: each sum is taken in double in row order and stored once; ids outside
 * [0, numSegments) are dropped; a NaN or infinity in a row makes the same column NaN in every
 * other segment (0 * Infinity is NaN there).
 */
public final class SegmentKernels {
    private SegmentKernels() {
    }

    static void register() {
        KernelRegistry.register("UnsortedSegmentSum", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] ids = Cpu.ints(inputs[1]);
            int numSegments = attrs.getInt("numSegments");
            int[] xShape = x.shapeRef();
            if (xShape.length == 0 || ids.length != xShape[0] || numSegments < 0) {
                throw new IllegalArgumentException("UnsortedSegmentSum needs one segment id per row of x and "
                        + "numSegments >= 0");
            }
            int rows = xShape[0];
            int inner = 1;
            for (int i = 1; i < xShape.length; i++) {
                inner *= xShape[i];
            }
            int[] outShape = xShape.clone();
            outShape[0] = numSegments;
            float[] out = sum(Cpu.floats(x), ids, rows, inner, numSegments);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, DType.FLOAT32, backend)};
        });
    }

    private static float[] sum(float[] x, int[] ids, int rows, int inner, int numSegments) {
        double[] acc = new double[numSegments * inner];
        // Per column: the segment of the first non-finite value (-1: none; -2: values in two segments
        // or out of range), which poisons every other segment's sum.
        int[] poison = null;
        for (int r = 0; r < rows; r++) {
            int s = ids[r];
            boolean valid = s >= 0 && s < numSegments;
            int src = r * inner;
            int dst = valid ? s * inner : 0;
            for (int j = 0; j < inner; j++) {
                double v = x[src + j];
                if (valid) {
                    acc[dst + j] += v;
                }
                if (v - v != 0) {
                    if (poison == null) {
                        poison = new int[inner];
                        java.util.Arrays.fill(poison, -1);
                    }
                    int p = poison[j];
                    poison[j] = !valid ? -2 : p == -1 ? s : p == s ? p : -2;
                }
            }
        }
        float[] out = Cpu.newFloats(numSegments * inner);
        for (int s = 0; s < numSegments; s++) {
            int off = s * inner;
            for (int j = 0; j < inner; j++) {
                boolean nan = poison != null && poison[j] != -1 && poison[j] != s;
                out[off + j] = nan ? Float.NaN : (float) acc[off + j];
            }
        }
        return out;
    }
}
