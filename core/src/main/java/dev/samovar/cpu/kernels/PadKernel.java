package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * PadV2 (attrs {@code paddings}: int[rank][2], {@code constantValue}: a double stored as the
 * dtype's typed array stores it) and MirrorPad (attrs {@code paddings}, {@code mode}: reflect or
 * symmetric), with paddings checked by the ops.
 */
public final class PadKernel {
    private PadKernel() {
    }

    static void register() {
        KernelRegistry.register("PadV2", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[][] paddings = (int[][]) attrs.get("paddings");
            double c = attrs.getDouble("constantValue");
            int[] outShape = outShape(x.shapeRef(), paddings);
            Object out = pad(x.dataId().payload, x.shapeRef(), paddings, c, x.dtype());
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
        KernelRegistry.register("MirrorPad", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[][] paddings = (int[][]) attrs.get("paddings");
            int offset = "reflect".equals(attrs.getString("mode")) ? 0 : 1;
            int[] shape = x.shapeRef();
            int[] outShape = outShape(shape, paddings);
            int[][] maps = new int[shape.length][];
            for (int d = 0; d < shape.length; d++) {
                int start = paddings[d][0];
                int end = start + shape[d];
                int[] m = new int[outShape[d]];
                for (int c = 0; c < m.length; c++) {
                    int v = c;
                    if (v < start) {
                        v = start * 2 - v - offset;
                    } else if (v >= end) {
                        v = (end - 1) * 2 - v + offset;
                    }
                    m[c] = v - start;
                }
                maps[d] = m;
            }
            Object out = Layout.mapCopy(x.dataId().payload, shape, maps, outShape, null);
            return new Tensor[] {Engine.get().makeTensor(out, outShape, x.dtype(), backend)};
        });
    }

    static int[] outShape(int[] shape, int[][] paddings) {
        int[] out = Cpu.newInts(shape.length);
        for (int i = 0; i < shape.length; i++) {
            out[i] = paddings[i][0] + shape[i] + paddings[i][1];
        }
        return out;
    }

    /**
     * The padded values. Negative paddings are replayed as TF.js's CPU kernel does: each input
     * value goes to the flat index its shifted coordinates give, when that index is in range.
     */
    static Object pad(Object values, int[] shape, int[][] paddings, double constantValue, DType dtype) {
        int rank = shape.length;
        int[] outShape = outShape(shape, paddings);
        int n = Shapes.sizeFromShape(outShape);
        Object fill = Layout.fillValue(constantValue == 0 ? 0 : constantValue, dtype);
        boolean negative = false;
        for (int[] p : paddings) {
            negative |= p[0] < 0 || p[1] < 0;
        }
        if (!negative) {
            int[][] maps = new int[rank][];
            for (int d = 0; d < rank; d++) {
                int[] m = new int[outShape[d]];
                for (int c = 0; c < m.length; c++) {
                    int v = c - paddings[d][0];
                    m[c] = v < shape[d] ? v : -1;
                }
                maps[d] = m;
            }
            return Layout.mapCopy(values, shape, maps, outShape, fill);
        }
        Object out = Layout.alloc(values, n);
        if (constantValue != 0) {
            if (out instanceof float[]) {
                java.util.Arrays.fill((float[]) out, (Float) fill);
            } else {
                java.util.Arrays.fill((int[]) out, (Integer) fill);
            }
        }
        int size = Shapes.sizeFromShape(shape);
        int[] outStrides = Shapes.strides(outShape);
        int[] loc = Cpu.newInts(rank);
        for (int i = 0; i < size; i++) {
            long index;
            if (rank == 1) {
                index = loc[0] + paddings[0][0];
            } else {
                index = loc[rank - 1] + paddings[rank - 1][0];
                for (int d = 0; d < rank - 1; d++) {
                    index += (long) outStrides[d] * (loc[d] + paddings[d][0]);
                }
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
}
