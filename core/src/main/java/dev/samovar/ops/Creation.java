package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/** Making tensors: tf.tensor, scalar, zeros, ones, fill, zerosLike, onesLike, range, linspace, eye, oneHot. */
public final class Creation {
    private Creation() {
    }

    /** A float32 tensor of the given shape; the values array is copied. */
    public static Tensor tensor(float[] values, int... shape) {
        return Engine.get().makeTensor(values.clone(), shape, DType.FLOAT32);
    }

    /** An int32 or bool tensor (bool values must be 0 or 1); the values array is copied. */
    public static Tensor tensor(int[] values, int[] shape, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = values[i];
            }
            return Engine.get().makeTensor(f, shape, dtype);
        }
        int[] v = values.clone();
        if (dtype == DType.BOOL) {
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] != 0 ? 1 : 0;
            }
        }
        return Engine.get().makeTensor(v, shape, dtype);
    }

    /** A bool tensor. */
    public static Tensor tensor(boolean[] values, int... shape) {
        int[] v = new int[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] ? 1 : 0;
        }
        return Engine.get().makeTensor(v, shape, DType.BOOL);
    }

    /** A 1-D float32 tensor. */
    public static Tensor tensor1d(float... values) {
        return tensor(values, values.length);
    }

    /** A float32 scalar. */
    public static Tensor scalar(float value) {
        return Engine.get().makeTensor(new float[] {value}, new int[0], DType.FLOAT32);
    }

    /** A scalar of the given dtype (values are converted as TF.js converts numbers). */
    public static Tensor scalar(double value, DType dtype) {
        return fill(new int[0], value, dtype);
    }

    /**
     * A tensor of the given shape and dtype with every element {@code value}, as tf.fill: the value
     * is stored as a typed array stores it (float32 rounds, int32 truncates and wraps, bool keeps
     * the low byte, so {@code fill([2], 2, 'bool')} holds 2 as in TF.js).
     */
    public static Tensor fill(int[] shape, double value, DType dtype) {
        Shapes.sizeFromShape(shape);
        return OpSupport.run("Fill", Attrs.of().put("shape", shape.clone()).put("value", value).put("dtype", dtype));
    }

    /** A float32 tensor filled with {@code value}. */
    public static Tensor fill(int[] shape, float value) {
        return fill(shape, value, DType.FLOAT32);
    }

    /** A bool tensor filled with {@code value} (TF.js infers bool from a boolean value). */
    public static Tensor fill(int[] shape, boolean value) {
        return fill(shape, value ? 1 : 0, DType.BOOL);
    }

    public static Tensor zeros(int... shape) {
        return fill(shape, 0, DType.FLOAT32);
    }

    public static Tensor zeros(int[] shape, DType dtype) {
        return fill(shape, 0, dtype);
    }

    public static Tensor ones(int... shape) {
        return fill(shape, 1, DType.FLOAT32);
    }

    public static Tensor ones(int[] shape, DType dtype) {
        return fill(shape, 1, dtype);
    }

    /** Zeros of x's shape and dtype. */
    public static Tensor zerosLike(Tensor x) {
        OpSupport.check(x, "x", "zerosLike");
        return OpSupport.op("zerosLike", () -> OpSupport.run("ZerosLike", Attrs.EMPTY, x));
    }

    /** Ones of x's shape and dtype. */
    public static Tensor onesLike(Tensor x) {
        OpSupport.check(x, "x", "onesLike");
        return OpSupport.op("onesLike", () -> OpSupport.run("OnesLike", Attrs.EMPTY, x));
    }

    // ------------------------------------------------------------------------------ range

    /** tf.range(start, stop): float32, step 1 (or -1 when stop &lt; start). */
    public static Tensor range(double start, double stop) {
        return range(start, stop, 1, DType.FLOAT32);
    }

    /** tf.range(start, stop, step): float32. */
    public static Tensor range(double start, double stop, double step) {
        return range(start, stop, step, DType.FLOAT32);
    }

    /**
     * tf.range: {@code start, start + step, ...} up to but excluding {@code stop}. As in TF.js each
     * value is the previous stored value plus {@code step}, stored in the output dtype (so an int32
     * range of a fractional step truncates at every step), and a step of 1 is turned to -1 when
     * {@code stop < start}.
     */
    public static Tensor range(double start, double stop, double step, DType dtype) {
        if (step == 0) {
            throw new IllegalArgumentException("Cannot have a step of zero");
        }
        return OpSupport.run("Range", Attrs.of().put("start", start).put("stop", stop).put("step", step)
                .put("dtype", dtype));
    }

    // --------------------------------------------------------------------------- linspace

    /** tf.linspace: {@code num} evenly spaced float32 values from start to stop (inclusive). */
    public static Tensor linspace(double start, double stop, int num) {
        return linspace(start, stop, (double) num);
    }

    /**
     * tf.linspace with a JavaScript number of values: as in TF.js a fractional count is truncated
     * (but still sets the step) and NaN gives an empty tensor.
     */
    public static Tensor linspace(double start, double stop, double num) {
        if (num <= 0) {
            throw new IllegalArgumentException("The number of values should be positive.");
        }
        if (num > Shapes.MAX_SIZE) {
            throw new IllegalArgumentException("Invalid typed array length: " + JsNumber.toString(num));
        }
        return OpSupport.run("LinSpace", Attrs.of().put("start", start).put("stop", stop).put("num", num));
    }

    // -------------------------------------------------------------------------------- eye

    /** A float32 identity matrix of numRows x numRows. */
    public static Tensor eye(int numRows) {
        return eye(numRows, numRows, null, DType.FLOAT32);
    }

    /** A float32 numRows x numColumns matrix with ones on the diagonal. */
    public static Tensor eye(int numRows, int numColumns) {
        return eye(numRows, numColumns, null, DType.FLOAT32);
    }

    /**
     * tf.eye: a numRows x numColumns matrix with ones on the main diagonal, repeated over
     * {@code batchShape} (null for none; 1 to 3 dimensions, as TF.js supports).
     */
    public static Tensor eye(int numRows, int numColumns, int[] batchShape, DType dtype) {
        int[] matrix = {numRows, numColumns};
        if (numRows < 0 || numColumns < 0) {
            throw new IllegalArgumentException("Tensor must have a shape comprised of positive integers but got shape ["
                    + Shapes.join(matrix) + "].");
        }
        int[] shape = matrix;
        if (batchShape != null) {
            if (batchShape.length < 1 || batchShape.length > 3) {
                throw new IllegalArgumentException("eye() currently supports only 1D and 2D batchShapes, but received "
                        + batchShape.length + "D.");
            }
            shape = Shapes.concat(batchShape, matrix);
        }
        int size = Shapes.sizeFromShape(shape);
        int n = Math.min(numRows, numColumns);
        int matSize = size == 0 ? 0 : numRows * numColumns;
        int batches = size == 0 ? 0 : size / matSize;
        if (dtype == DType.FLOAT32) {
            float[] v = new float[size];
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < n; i++) {
                    v[b * matSize + i * numColumns + i] = 1;
                }
            }
            return Engine.get().makeTensor(v, shape, dtype);
        }
        int[] v = new int[size];
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < n; i++) {
                v[b * matSize + i * numColumns + i] = 1;
            }
        }
        return Engine.get().makeTensor(v, shape, dtype);
    }

    // ----------------------------------------------------------------------------- oneHot

    /** tf.oneHot(indices, depth): int32 with 1 at each index and 0 elsewhere. */
    public static Tensor oneHot(Tensor indices, int depth) {
        return oneHot(indices, depth, 1, 0, DType.INT32);
    }

    /**
     * tf.oneHot: for int32 {@code indices} of shape S, a tensor of shape S + [depth] holding
     * {@code onValue} at each index (indices outside [0, depth) give a row of {@code offValue}).
     * The values pass through float32 first, as in TF.js's CPU kernel.
     */
    public static Tensor oneHot(Tensor indices, int depth, double onValue, double offValue, DType dtype) {
        if (depth < 2) {
            throw new IllegalArgumentException("Error in oneHot: depth must be >=2, but it is " + depth);
        }
        OpSupport.checkDtype(indices, "indices", "oneHot", DType.INT32);
        return OpSupport.op("oneHot", () -> OpSupport.run("OneHot",
                Attrs.of().put("depth", depth).put("onValue", onValue).put("offValue", offValue).put("dtype", dtype),
                indices));
    }
}
