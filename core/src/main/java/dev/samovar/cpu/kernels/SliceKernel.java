package dev.samovar.cpu.kernels;

import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Slices, with parameters resolved and checked by the ops: Slice (attrs {@code begin},
 * {@code size}, optional {@code flat}: the flat start of a contiguous slice), SplitV (attrs
 * {@code axis}, {@code begins}, {@code sizes}: one output per split), Unpack (attr {@code axis}),
 * StridedSlice (see {@link #registerStrided}) and ExpandDims (attr {@code dim}).
 */
public final class SliceKernel {
    private SliceKernel() {
    }

    static void register() {
        KernelRegistry.register("Slice", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] begin = attrs.getInts("begin");
            int[] size = attrs.getInts("size");
            Object out;
            if (attrs.has("flat")) {
                out = Layout.alloc(x.dataId().payload, Shapes.sizeFromShape(size));
                System.arraycopy(x.dataId().payload, attrs.getInt("flat"), out, 0, Shapes.sizeFromShape(size));
            } else {
                out = slice(x.dataId().payload, x.shapeRef(), begin, size);
            }
            return new Tensor[] {Engine.get().makeTensor(out, size, x.dtype(), backend)};
        });
        KernelRegistry.register("SplitV", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int axis = attrs.getInt("axis");
            int[] begins = attrs.getInts("begins");
            int[] sizes = attrs.getInts("sizes");
            Tensor[] outs = new Tensor[sizes.length];
            int[] begin = Cpu.newInts(x.rank());
            for (int k = 0; k < sizes.length; k++) {
                int[] size = x.shape();
                size[axis] = sizes[k];
                begin[axis] = begins[k];
                Object out = slice(x.dataId().payload, x.shapeRef(), begin, size);
                outs[k] = Engine.get().makeTensor(out, size, x.dtype(), backend);
            }
            return outs;
        });
        KernelRegistry.register("Unpack", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int axis = attrs.getInt("axis");
            int[] shape = x.shapeRef();
            int num = shape[axis];
            int[] outShape = Cpu.newInts(shape.length - 1);
            for (int i = 0, j = 0; i < shape.length; i++) {
                if (i != axis) {
                    outShape[j++] = shape[i];
                }
            }
            int[] size = x.shape();
            size[axis] = 1;
            int[] begin = Cpu.newInts(shape.length);
            Tensor[] outs = new Tensor[num];
            for (int k = 0; k < num; k++) {
                begin[axis] = k;
                Object out = slice(x.dataId().payload, shape, begin, size);
                outs[k] = Engine.get().makeTensor(out, outShape, x.dtype(), backend);
            }
            return outs;
        });
        KernelRegistry.register("ExpandDims", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int rank = x.rank();
            int dim = attrs.getInt("dim");
            if (dim < 0) {
                dim += rank + 1;
            }
            int[] shape = Cpu.newInts(rank + 1);
            for (int i = 0, j = 0; i <= rank; i++) {
                shape[i] = i == dim ? 1 : x.shapeRef()[j++];
            }
            return new Tensor[] {Engine.get().makeTensorFromDataId(x.dataId(), shape, x.dtype())};
        });
        registerStrided();
    }

    /** The values of {@code x[begin : begin + size]} (begin non-negative and in range). */
    static Object slice(Object values, int[] shape, int[] begin, int[] size) {
        int[][] maps = new int[shape.length][];
        for (int d = 0; d < shape.length; d++) {
            if (begin[d] != 0 || size[d] != shape[d]) {
                int[] m = new int[size[d]];
                for (int c = 0; c < m.length; c++) {
                    m[c] = begin[d] + c;
                }
                maps[d] = m;
            }
        }
        return Layout.mapCopy(values, shape, maps, size, null);
    }

    /**
     * StridedSlice: attrs {@code begin}, {@code strides} (one per input dimension), {@code shape}
     * (the shape the values are gathered in, one entry per input dimension) and {@code finalShape};
     * {@code identity} shares the input's buffer. Attr {@code locs} set means TF.js's buffer-read
     * path with {@code shape} shorter or longer than the input's rank, replayed exactly.
     */
    static void registerStrided() {
        KernelRegistry.register("StridedSlice", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int[] finalShape = attrs.getInts("finalShape");
            if (attrs.getBool("identity", false)) {
                return new Tensor[] {Engine.get().makeTensorFromDataId(x.dataId(), finalShape, x.dtype())};
            }
            int[] begin = attrs.getInts("begin");
            int[] strides = attrs.getInts("strides");
            int[] shape = attrs.getInts("shape");
            Object out;
            if (attrs.getBool("locs", false)) {
                out = bufferRead(x.dataId().payload, x.shapeRef(), shape, begin, strides);
                int n = Shapes.sizeFromShape(shape);
                if (n != Shapes.sizeFromShape(finalShape)) {
                    // TF.js labels the buffer of finalShapeSparse with finalShape: a broken tensor.
                    throw new IllegalArgumentException("stridedSlice: with shrinkAxisMask, newAxisMask and strides"
                            + " other than 1, TF.js makes a tensor of " + n + " values for shape ["
                            + Shapes.join(finalShape) + "], which samovar does not reproduce");
                }
            } else {
                int[][] maps = new int[shape.length][];
                for (int d = 0; d < shape.length; d++) {
                    int[] m = new int[shape[d]];
                    for (int c = 0; c < m.length; c++) {
                        m[c] = begin[d] + c * strides[d];
                    }
                    maps[d] = m;
                }
                out = Layout.mapCopy(x.dataId().payload, x.shapeRef(), maps, shape, null);
            }
            return new Tensor[] {Engine.get().makeTensor(out, finalShape, x.dtype(), backend)};
        });
    }

    /**
     * TF.js's strided read through a TensorBuffer when the location has a different length from
     * the input's rank: each coordinate is checked against the dimension it lines up with (with
     * TF.js's message), and the flat index uses as many strides as there are coordinates; values
     * TF.js reads as undefined are NaN (float32) or 0.
     */
    private static Object bufferRead(Object values, int[] xShape, int[] outShape, int[] begin, int[] strides) {
        int n = Shapes.sizeFromShape(outShape);
        Object out = Layout.alloc(values, n);
        int len = outShape.length;
        int rank = xShape.length;
        int[] xStrides = Shapes.strides(xShape);
        int[] loc = Cpu.newInts(len);
        long[] at = new long[len];
        int total = values instanceof float[] ? ((float[]) values).length : ((int[]) values).length;
        boolean undefined = len > rank;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len && j < rank; j++) {
                at[j] = (long) loc[j] * strides[j] + begin[j];
            }
            for (int j = 0; j < len && j < rank; j++) {
                if (at[j] < 0 || at[j] >= xShape[j]) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < len; k++) {
                        sb.append(k > 0 ? "," : "").append(k < rank ? String.valueOf(at[k]) : "NaN");
                    }
                    throw new IllegalArgumentException("Requested out of range element at " + sb
                            + ".   Buffer shape=" + Shapes.join(xShape));
                }
            }
            long index = 0;
            if (len > 0 && !undefined) {
                index = at[len - 1];
                for (int j = 0; j < len - 1; j++) {
                    index += (long) xStrides[j] * at[j];
                }
            }
            boolean ok = !undefined && index >= 0 && index < total;
            if (values instanceof float[]) {
                ((float[]) out)[i] = ok ? ((float[]) values)[(int) index] : Float.NaN;
            } else {
                ((int[]) out)[i] = ok ? ((int[]) values)[(int) index] : 0;
            }
            for (int d = len - 1; d >= 0; d--) {
                if (++loc[d] < outShape[d]) {
                    break;
                }
                loc[d] = 0;
            }
        }
        return out;
    }
}
