package dev.samovar.cpu.kernels;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Concat (attr {@code axis}, already normalized and checked) and Pack (attr {@code axis} in
 * [0, rank]: stacks along a new dimension). As in TF.js, the output has the first input's dtype and
 * other inputs' values are stored as that dtype's typed array would store them; a single non-empty
 * input is returned as is (sharing its buffer, with its own dtype).
 */
public final class ConcatKernel {
    private ConcatKernel() {
    }

    static void register() {
        KernelRegistry.register("Concat", CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {concat(inputs, attrs.getInt("axis"), backend)});
        KernelRegistry.register("Pack", CpuBackend.NAME, (inputs, attrs, backend) -> {
            int axis = attrs.getInt("axis");
            int[] shape = inputs[0].shapeRef();
            int[] outShape = Cpu.newInts(shape.length + 1);
            for (int i = 0, j = 0; i < outShape.length; i++) {
                outShape[i] = i == axis ? inputs.length : shape[j++];
            }
            if (inputs.length == 1) {
                return new Tensor[] {Engine.get().makeTensorFromDataId(inputs[0].dataId(), outShape, inputs[0].dtype())};
            }
            Object[] values = new Object[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                values[k] = inputs[k].dataId().payload;
            }
            int outer = 1;
            for (int i = 0; i < axis; i++) {
                outer *= shape[i];
            }
            int inner = inputs[0].size() / Math.max(outer, 1);
            int[] inners = Cpu.newInts(inputs.length);
            java.util.Arrays.fill(inners, outer == 0 ? 0 : inner);
            Object out = join(values, inners, outer, Shapes.sizeFromShape(outShape));
            return new Tensor[] {Engine.get().makeTensor(out, outShape, inputs[0].dtype(), backend)};
        });
    }

    static Tensor concat(Tensor[] inputs, int axis, Backend backend) {
        DType dtype = inputs[0].dtype();
        int[] outShape = inputs[0].shape();
        for (int k = 1; k < inputs.length; k++) {
            outShape[axis] += inputs[k].shapeRef()[axis];
        }
        int size = Shapes.sizeFromShape(outShape);
        if (size == 0) {
            Object empty = dtype == DType.FLOAT32 ? Cpu.newFloats(0) : Cpu.newInts(0);
            return Engine.get().makeTensor(empty, outShape, dtype, backend);
        }
        int nonEmpty = 0;
        Tensor only = null;
        for (Tensor t : inputs) {
            if (t.size() > 0) {
                nonEmpty++;
                only = t;
            }
        }
        if (nonEmpty == 1) {
            return Engine.get().makeTensorFromDataId(only.dataId(), only.shapeRef(), only.dtype());
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= outShape[i];
        }
        Object[] values = new Object[nonEmpty];
        int[] inners = Cpu.newInts(nonEmpty);
        int k = 0;
        for (Tensor t : inputs) {
            if (t.size() > 0) {
                values[k] = Layout.convert(t.dataId().payload, dtype);
                inners[k] = t.size() / outer;
                k++;
            }
        }
        Object out = join(values, inners, outer, size);
        return Engine.get().makeTensor(out, outShape, dtype, backend);
    }

    /** Interleaves {@code outer} rows: row r of the output is row r of each input in turn. */
    private static Object join(Object[] values, int[] inners, int outer, int size) {
        Object out = Layout.alloc(values[0], size);
        int rowLen = 0;
        for (int n : inners) {
            rowLen += n;
        }
        int col = 0;
        for (int k = 0; k < values.length; k++) {
            int n = inners[k];
            if (n >= 16) {
                for (int r = 0; r < outer; r++) {
                    System.arraycopy(values[k], r * n, out, r * rowLen + col, n);
                }
            } else if (n > 0 && out instanceof float[]) {
                float[] src = (float[]) values[k];
                float[] dst = (float[]) out;
                for (int r = 0, s = 0; r < outer; r++) {
                    for (int j = 0, d = r * rowLen + col; j < n; j++) {
                        dst[d++] = src[s++];
                    }
                }
            } else if (n > 0) {
                int[] src = (int[]) values[k];
                int[] dst = (int[]) out;
                for (int r = 0, s = 0; r < outer; r++) {
                    for (int j = 0, d = r * rowLen + col; j < n; j++) {
                        dst[d++] = src[s++];
                    }
                }
            }
            col += n;
        }
        return out;
    }
}
