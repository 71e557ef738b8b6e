package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/** Shape and layout: tf.reshape, transpose, cast, ... */
public final class Transform {
    private Transform() {
    }

    /** A tensor of another dtype (int32: truncate; bool: x != 0). */
    public static Tensor cast(Tensor x, DType dtype) {
        OpSupport.check(x, "x", "cast");
        return OpSupport.run("Cast", Attrs.of().put("dtype", dtype), x);
    }

    /** The same values in a new shape; one dimension may be -1 (inferred). Shares the buffer. */
    public static Tensor reshape(Tensor x, int... shape) {
        OpSupport.check(x, "x", "reshape");
        int[] resolved = inferImplicitShape(shape, x.size());
        int newSize = Shapes.sizeFromShape(resolved);
        if (newSize != x.size()) {
            throw new IllegalArgumentException("The new shape (" + Shapes.join(resolved) + ") has " + newSize
                    + " elements and the old shape (" + Shapes.join(x.shapeRef()) + ") has " + x.size()
                    + " elements. The new shape and old shape must have the same number of elements.");
        }
        return OpSupport.run("Reshape", Attrs.of().put("shape", resolved), x);
    }

    /** TF.js's inferFromImplicitShape, with its messages. */
    static int[] inferImplicitShape(int[] shape, int size) {
        long prod = 1;
        int implicit = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0) {
                prod *= shape[i];
            } else if (shape[i] == -1) {
                if (implicit != -1) {
                    throw new IllegalArgumentException(
                            "Shapes can only have 1 implicit size. Found -1 at dim " + implicit + " and dim " + i);
                }
                implicit = i;
            } else {
                throw new IllegalArgumentException("Shapes can not be < 0. Found " + shape[i] + " at dim " + i);
            }
        }
        if (implicit == -1) {
            if (size > 0 && size != prod) {
                throw new IllegalArgumentException("Size(" + size + ") must match the product of shape " + Shapes.join(shape));
            }
            return shape.clone();
        }
        if (prod == 0) {
            throw new IllegalArgumentException(
                    "Cannot infer the missing size in [" + Shapes.join(shape) + "] when there are 0 elements");
        }
        if (size % prod != 0) {
            throw new IllegalArgumentException(
                    "The implicit shape can't be a fractional number. Got " + size + " / " + prod);
        }
        int[] out = shape.clone();
        out[implicit] = (int) (size / prod);
        return out;
    }

    /** Permutes the dimensions; {@code perm} null reverses them. */
    public static Tensor transpose(Tensor x, int... perm) {
        OpSupport.check(x, "x", "transpose");
        int rank = x.rank();
        if (perm == null) {
            perm = new int[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
        }
        if (perm.length != rank) {
            throw new IllegalArgumentException(
                    "Error in transpose: rank of input " + rank + " must match length of perm " + Shapes.join(perm) + ".");
        }
        for (int axis : perm) {
            if (axis < 0 || axis >= rank) {
                throw new IllegalArgumentException("All entries in 'perm' must be between 0 and " + (rank - 1)
                        + " but got " + Shapes.join(perm));
            }
        }
        if (rank <= 1) {
            return x.clone();
        }
        return OpSupport.run("Transpose", Attrs.of().put("perm", perm.clone()), x);
    }
}
