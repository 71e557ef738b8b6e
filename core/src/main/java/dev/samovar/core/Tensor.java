package dev.samovar.core;

import java.util.Arrays;

/**
 * An immutable n-dimensional array of float32, int32 or bool values, stored by a backend.
 *
 * <p>A tensor belongs to the scope that was innermost when it was made; closing that scope
 * disposes it unless it was returned from {@link Engine#tidy} or kept with {@link Engine#keep}.
 * Ops live in the family classes of {@code dev.samovar.ops} ({@code Arithmetic.add(a, b)}, ...);
 * this class holds only what a tensor is, so that {@code core} does not depend on {@code ops}.
 */
public class Tensor {
    private final int id;
    private final int[] shape;
    private final DType dtype;
    private final int size;
    DataId dataId;
    boolean disposed;
    boolean kept;
    /** The scope that owns this tensor (0: none); results move to the enclosing scope. */
    int scopeId;

    Tensor(int id, int[] shape, DType dtype, DataId dataId) {
        this.id = id;
        this.shape = shape;
        this.dtype = dtype;
        this.size = Shapes.sizeFromShape(shape);
        this.dataId = dataId;
    }

    /** A unique id, as TF.js's {@code tensor.id}. */
    public int id() {
        return id;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension; a negative index counts from the end. */
    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    /** The shape array itself, for kernels: never modify it. */
    public int[] shapeRef() {
        return shape;
    }

    public DType dtype() {
        return dtype;
    }

    public int size() {
        return size;
    }

    public int rank() {
        return shape.length;
    }

    public DataId dataId() {
        return dataId;
    }

    public boolean isDisposed() {
        return disposed;
    }

    public boolean isKept() {
        return kept;
    }

    /** Throws the TF.js error if this tensor was disposed. */
    public void assertNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("Tensor is disposed.");
        }
    }

    /** Frees the tensor; its buffer is freed with the last tensor that shares it. Idempotent. */
    public void dispose() {
        Engine.get().disposeTensor(this);
    }

    /** The raw values: a fresh {@code float[]} (float32) or {@code int[]} (int32, bool 0/1). */
    public Object data() {
        assertNotDisposed();
        Object v = dataId.backend().readSync(dataId);
        return v instanceof float[] ? ((float[]) v).clone() : ((int[]) v).clone();
    }

    /** The values as floats (a fresh array, converted from int32 / bool where needed). */
    public float[] dataSync() {
        assertNotDisposed();
        Object v = dataId.backend().readSync(dataId);
        if (v instanceof float[]) {
            return ((float[]) v).clone();
        }
        int[] iv = (int[]) v;
        float[] out = new float[iv.length];
        for (int i = 0; i < iv.length; i++) {
            out[i] = iv[i];
        }
        return out;
    }

    /** The values as ints (a fresh array; float32 values are truncated toward zero). */
    public int[] dataSyncInt() {
        assertNotDisposed();
        Object v = dataId.backend().readSync(dataId);
        if (v instanceof int[]) {
            return ((int[]) v).clone();
        }
        float[] fv = (float[]) v;
        int[] out = new int[fv.length];
        for (int i = 0; i < fv.length; i++) {
            out[i] = (int) fv[i];
        }
        return out;
    }

    /** The values as booleans (non-zero is true). */
    public boolean[] dataSyncBool() {
        float[] f = dataSync();
        boolean[] out = new boolean[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i] != 0;
        }
        return out;
    }

    /** The first value as a float: for scalars. */
    public float item() {
        assertNotDisposed();
        if (size == 0) {
            throw new IllegalStateException("item() on an empty tensor of shape " + Arrays.toString(shape));
        }
        Object v = dataId.backend().readSync(dataId);
        return v instanceof float[] ? ((float[]) v)[0] : ((int[]) v)[0];
    }

    /**
     * The values as nested Java arrays, as TF.js's {@code arraySync()}: a {@code Float},
     * {@code Integer} or {@code Boolean} for a scalar, a {@code float[]} / {@code int[]} /
     * {@code boolean[]} for rank 1, {@code Object[]} of those above.
     */
    public Object arraySync() {
        assertNotDisposed();
        Object v = dataId.backend().readSync(dataId);
        return nest(v, 0, 0);
    }

    private Object nest(Object v, int axis, int offset) {
        if (shape.length == 0) {
            return scalarAt(v, 0);
        }
        int n = shape[axis];
        if (axis == shape.length - 1) {
            switch (dtype) {
                case FLOAT32:
                    return Arrays.copyOfRange((float[]) v, offset, offset + n);
                case INT32:
                    return Arrays.copyOfRange((int[]) v, offset, offset + n);
                default:
                    boolean[] b = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        b[i] = ((int[]) v)[offset + i] != 0;
                    }
                    return b;
            }
        }
        int stride = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            stride *= shape[i];
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = nest(v, axis + 1, offset + i * stride);
        }
        return out;
    }

    private Object scalarAt(Object v, int i) {
        switch (dtype) {
            case FLOAT32:
                return ((float[]) v)[i];
            case INT32:
                return ((int[]) v)[i];
            default:
                return ((int[]) v)[i] != 0;
        }
    }

    /** A new tensor sharing this tensor's buffer, as TF.js's {@code clone()} (differentiable). */
    @Override
    public Tensor clone() {
        return Engine.get().cloneTensor(this);
    }

    /** TF.js's {@code toString(verbose)}: the same text, digit for digit. */
    public String toString(boolean verbose) {
        assertNotDisposed();
        return TensorFormat.format(dataId.backend().readSync(dataId), shape, dtype, verbose);
    }

    @Override
    public String toString() {
        if (disposed) {
            return "Tensor (disposed) " + dtype + Arrays.toString(shape);
        }
        return toString(false);
    }

    /** Prints {@link #toString(boolean)} to standard output. */
    public void print(boolean verbose) {
        System.out.println(toString(verbose));
    }

    public void print() {
        print(false);
    }

    /** Marks this tensor as kept: no enclosing scope disposes it. */
    public Tensor keep() {
        return Engine.get().keep(this);
    }
}
