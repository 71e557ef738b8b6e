package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
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

    /** A tensor of the given shape and dtype with every element {@code value}, as tf.fill. */
    public static Tensor fill(int[] shape, double value, DType dtype) {
        int size = Shapes.sizeFromShape(shape);
        if (dtype == DType.FLOAT32) {
            float[] v = new float[size];
            java.util.Arrays.fill(v, (float) value);
            return Engine.get().makeTensor(v, shape, dtype);
        }
        int[] v = new int[size];
        java.util.Arrays.fill(v, dtype == DType.BOOL ? (value != 0 ? 1 : 0) : dev.samovar.core.JsNumber.toInt32(value));
        return Engine.get().makeTensor(v, shape, dtype);
    }

    public static Tensor fill(int[] shape, float value) {
        return fill(shape, value, DType.FLOAT32);
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

    public static Tensor zerosLike(Tensor x) {
        OpSupport.check(x, "x", "zerosLike");
        return OpSupport.run("ZerosLike", Attrs.EMPTY, x);
    }

    public static Tensor onesLike(Tensor x) {
        OpSupport.check(x, "x", "onesLike");
        return OpSupport.run("OnesLike", Attrs.EMPTY, x);
    }
}
