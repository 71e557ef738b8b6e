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

    /**
     * {@link #cast(Tensor, DType)} from a TF.js dtype name, with TF.js's messages for unknown
     * names and for string; complex64 is not supported.
     */
    public static Tensor cast(Tensor x, String dtype) {
        OpSupport.check(x, "x", "cast");
        if (!"float32".equals(dtype) && !"int32".equals(dtype) && !"bool".equals(dtype)
                && !"complex64".equals(dtype) && !"string".equals(dtype)) {
            throw new IllegalArgumentException("Failed to cast to unknown dtype " + dtype);
        }
        if ("string".equals(dtype)) {
            throw new IllegalArgumentException("Only strings can be casted to strings");
        }
        if ("complex64".equals(dtype)) {
            throw new IllegalArgumentException(
                    "complex64 tensors are not supported by samovar yet: use float32, int32 or bool");
        }
        return cast(x, DType.of(dtype));
    }

    /**
     * TF.js's tf.clone: a new tensor sharing x's buffer, made by the Identity kernel so that a
     * gradient flows through it (Tensor.clone() is not recorded).
     */
    public static Tensor clone(Tensor x) {
        OpSupport.check(x, "x", "clone");
        return OpSupport.run("Identity", Attrs.EMPTY, x);
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

    /** Reverses the order of the dimensions. */
    public static Tensor transpose(Tensor x) {
        return transpose(x, (int[]) null);
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
            return clone(x);
        }
        return OpSupport.run("Transpose", Attrs.of().put("perm", perm.clone()), x);
    }

    // ------------------------------------------------------------------ dimensions of size 1

    /** Inserts a dimension of size 1 at {@code axis} (negative counts from the end). */
    public static Tensor expandDims(Tensor x, int axis) {
        OpSupport.check(x, "x", "expandDims");
        OpSupport.require(axis <= x.rank(), "Axis must be <= rank of the tensor");
        checkExpandAxis(axis, x.rank());
        return OpSupport.run("ExpandDims", Attrs.of().put("dim", axis), x);
    }

    /** TF.js's ExpandDims kernel check of a negative axis. */
    private static void checkExpandAxis(int axis, int rank) {
        if (axis < 0) {
            OpSupport.require(-(rank + 1) <= axis,
                    "Axis must be in the interval [" + (-(rank + 1)) + ", " + rank + "]");
        }
    }

    /** Removes every dimension of size 1. */
    public static Tensor squeeze(Tensor x) {
        return squeeze(x, null);
    }

    /** Removes the dimensions {@code axis} (each must be 1); null or empty removes every 1. */
    public static Tensor squeeze(Tensor x, int[] axis) {
        OpSupport.check(x, "x", "squeeze");
        return reshape(x, squeezeShape(x.shapeRef(), axis));
    }

    /** TF.js's squeezeShape, including its string sort of the axes. */
    static int[] squeezeShape(int[] shape, int[] axis) {
        int[] axes = axis == null || axis.length == 0 ? null : Shapes.parseAxes(axis, shape.length);
        if (axes != null) {
            // JavaScript's default sort compares the numbers as strings.
            for (int i = 1; i < axes.length; i++) {
                int v = axes[i];
                int j = i - 1;
                while (j >= 0 && String.valueOf(axes[j]).compareTo(String.valueOf(v)) > 0) {
                    axes[j + 1] = axes[j];
                    j--;
                }
                axes[j + 1] = v;
            }
        }
        int[] out = new int[shape.length];
        int n = 0;
        int j = 0;
        for (int i = 0; i < shape.length; ++i) {
            if (axes != null) {
                boolean defined = j < axes.length;
                if (defined && axes[j] == i && shape[i] != 1) {
                    throw new IllegalArgumentException(
                            "Can't squeeze axis " + i + " since its dim '" + shape[i] + "' is not 1");
                }
                if ((!defined || axes[j] > i) && shape[i] == 1) {
                    out[n++] = shape[i];
                }
                if (defined && axes[j] <= i) {
                    j++;
                }
            }
            if (shape[i] != 1) {
                out[n++] = shape[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    // ------------------------------------------------------------------ joining and splitting

    /** Joins tensors along {@code axis}; the result has the first tensor's dtype, as in TF.js. */
    public static Tensor concat(Tensor[] tensors, int axis) {
        OpSupport.require(tensors != null && tensors.length >= 1, "Pass at least one tensor to concat");
        for (int i = 0; i < tensors.length; i++) {
            OpSupport.check(tensors[i], "tensors[" + i + "]", "concat");
        }
        if (tensors.length == 1) {
            return clone(tensors[0]);
        }
        int rank = tensors[0].rank();
        int ax = Shapes.parseAxis(axis, rank);
        int[] first = tensors[0].shapeRef();
        for (int i = 0; i < tensors.length; i++) {
            OpSupport.require(tensors[i].rank() == rank, "Error in concat" + rank + "D: rank of tensors[" + i
                    + "] must be the same as the rank of the rest (" + rank + ")");
        }
        for (int i = 0; i < tensors.length; i++) {
            int[] shape = tensors[i].shapeRef();
            for (int r = 0; r < rank; r++) {
                OpSupport.require(r == ax || shape[r] == first[r], "Error in concat" + rank + "D: Shape of tensors["
                        + i + "] (" + Shapes.join(shape) + ") does not match the shape of the rest ("
                        + Shapes.join(first) + ") along the non-concatenated axis " + i + ".");
            }
        }
        long total = 0;
        for (Tensor t : tensors) {
            total += t.shapeRef()[ax];
        }
        int[] outShape = first.clone();
        outShape[ax] = (int) Math.min(total, Integer.MAX_VALUE);
        Shapes.sizeFromShape(outShape);
        return OpSupport.run("Concat", Attrs.of().put("axis", ax), tensors);
    }

    /** {@code concat(tensors, 0)} */
    public static Tensor concat(Tensor... tensors) {
        return concat(tensors, 0);
    }

    /** tf.concat1d: concat along axis 0. */
    public static Tensor concat1d(Tensor[] tensors) {
        return concat(tensors, 0);
    }

    /** tf.concat2d. */
    public static Tensor concat2d(Tensor[] tensors, int axis) {
        return concat(tensors, axis);
    }

    /** tf.concat3d. */
    public static Tensor concat3d(Tensor[] tensors, int axis) {
        return concat(tensors, axis);
    }

    /** tf.concat4d. */
    public static Tensor concat4d(Tensor[] tensors, int axis) {
        return concat(tensors, axis);
    }

    /** Stacks tensors of one shape and dtype along a new dimension {@code axis}. */
    public static Tensor stack(Tensor[] tensors, int axis) {
        OpSupport.require(tensors != null, "Argument tensors passed to stack must be a `Tensor[]` or `TensorLike[]`");
        for (int i = 0; i < tensors.length; i++) {
            OpSupport.check(tensors[i], "tensors[" + i + "]", "stack");
        }
        OpSupport.require(tensors.length >= 1, "Pass at least one tensor to tf.stack");
        OpSupport.require(axis <= tensors[0].rank(), "Axis must be <= rank of the tensor");
        int[] shape = tensors[0].shapeRef();
        DType dtype = tensors[0].dtype();
        if (tensors.length > 1) {
            for (Tensor t : tensors) {
                Shapes.assertShapesMatch(shape, t.shapeRef(), "All tensors passed to stack must have matching shapes");
                OpSupport.require(dtype == t.dtype(), "All tensors passed to stack must have matching dtypes");
            }
        }
        int rank = shape.length;
        checkExpandAxis(axis, rank);
        int ax = axis < 0 ? axis + rank + 1 : axis;
        int[] outShape = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            outShape[i] = i == ax ? tensors.length : shape[j++];
        }
        Shapes.sizeFromShape(outShape);
        return OpSupport.run("Pack", Attrs.of().put("axis", ax), tensors);
    }

    /** {@code stack(tensors, 0)} */
    public static Tensor stack(Tensor... tensors) {
        return stack(tensors, 0);
    }

    /** Splits {@code x} along {@code axis} into its slices, each without that dimension. */
    public static Tensor[] unstack(Tensor x, int axis) {
        OpSupport.check(x, "x", "unstack");
        int rank = x.rank();
        OpSupport.require(axis >= -rank && axis < rank,
                "Axis = " + axis + " is not in [-" + rank + ", " + rank + ")");
        return OpSupport.runMulti("Unpack", Attrs.of().put("axis", axis < 0 ? axis + rank : axis), x);
    }

    /** {@code unstack(x, 0)} */
    public static Tensor[] unstack(Tensor x) {
        return unstack(x, 0);
    }

    /** Splits {@code x} along {@code axis} into {@code numSplits} equal parts. */
    public static Tensor[] split(Tensor x, int numSplits, int axis) {
        OpSupport.check(x, "x", "split");
        int ax = Shapes.parseAxis(axis, x.rank());
        int dim = x.shapeRef()[ax];
        OpSupport.require(numSplits != 0 && dim % numSplits == 0, "Number of splits must evenly divide the axis.");
        OpSupport.require(numSplits > 0, "Invalid array length");
        int[] sizes = new int[numSplits];
        java.util.Arrays.fill(sizes, dim / numSplits);
        return splitBySizes(x, sizes, ax);
    }

    /** Splits {@code x} along {@code axis} into parts of the given sizes; one size may be -1 (the rest). */
    public static Tensor[] split(Tensor x, int[] sizeSplits, int axis) {
        OpSupport.check(x, "x", "split");
        int ax = Shapes.parseAxis(axis, x.rank());
        int dim = x.shapeRef()[ax];
        int[] sizes = sizeSplits.clone();
        int negatives = 0;
        int negIndex = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                negatives++;
                if (negIndex < 0) {
                    negIndex = i;
                }
            }
        }
        OpSupport.require(negatives <= 1, "There should be only one negative value in split array.");
        if (negIndex != -1) {
            // TF.js sums the positive sizes after the first, starting from the first whatever its sign.
            long total = sizes[0];
            for (int i = 1; i < sizes.length; i++) {
                if (sizes[i] > 0) {
                    total += sizes[i];
                }
            }
            sizes[negIndex] = (int) (dim - total);
        }
        OpSupport.require(sizes.length > 0, "Reduce of empty array with no initial value");
        long sum = 0;
        for (int s : sizes) {
            sum += s;
        }
        OpSupport.require(sum == dim, "The sum of sizes must match the size of the axis dimension.");
        return splitBySizes(x, sizes, ax);
    }

    /** SplitV: each part is a slice, checked as TF.js's slice kernel checks it. */
    private static Tensor[] splitBySizes(Tensor x, int[] sizes, int ax) {
        int rank = x.rank();
        int[] shape = x.shapeRef();
        int[] begins = new int[sizes.length];
        int[] resolved = new int[sizes.length];
        long at = 0;
        for (int k = 0; k < sizes.length; k++) {
            double[] begin = new double[rank];
            double[] size = SliceUtil.toDoubles(shape);
            begin[ax] = at;
            size[ax] = sizes[k];
            SliceUtil.Plan plan = SliceUtil.plan(shape, begin, size);
            if (plan.flat != SliceUtil.NO_FLAT) {
                throw new IllegalArgumentException("Requested out of range element at " + Shapes.join(plan.begin)
                        + ".   Buffer shape=" + Shapes.join(shape));
            }
            begins[k] = plan.begin[ax];
            resolved[k] = plan.size[ax];
            at += sizes[k];
        }
        return OpSupport.runMulti("SplitV", Attrs.of().put("axis", ax).put("begins", begins).put("sizes", resolved), x);
    }

    /** {@code split(x, numSplits, 0)} */
    public static Tensor[] split(Tensor x, int numSplits) {
        return split(x, numSplits, 0);
    }

    // ------------------------------------------------------------------------------ slicing

    /**
     * The part of {@code x} starting at {@code begin} with {@code size} (null: the rest); missing
     * trailing entries of begin are 0 and of size -1, and a size of -1 takes the rest of its
     * dimension.
     */
    public static Tensor slice(Tensor x, int[] begin, int[] size) {
        OpSupport.check(x, "x", "slice");
        if (x.rank() == 0) {
            throw new IllegalArgumentException("Slicing scalar is not possible");
        }
        OpSupport.require(begin != null, "Cannot read properties of null (reading 'length')");
        SliceUtil.Plan plan = SliceUtil.plan(x.shapeRef(), SliceUtil.toDoubles(begin), SliceUtil.toDoubles(size));
        Attrs attrs = Attrs.of().put("begin", plan.begin).put("size", plan.size);
        if (plan.flat != SliceUtil.NO_FLAT) {
            attrs.put("flat", plan.flat);
        }
        return OpSupport.run("Slice", attrs, x);
    }

    /** {@code slice(x, begin, null)}: from {@code begin} to the end of every dimension. */
    public static Tensor slice(Tensor x, int... begin) {
        return slice(x, begin, null);
    }

    /** tf.slice1d. */
    public static Tensor slice1d(Tensor x, int begin, int size) {
        OpSupport.check(x, "x", "slice1d");
        OpSupport.require(x.rank() == 1, "slice1d expects a rank-1 tensor, but got a rank-" + x.rank() + " tensor");
        return slice(x, new int[] {begin}, new int[] {size});
    }

    /** tf.slice2d. */
    public static Tensor slice2d(Tensor x, int[] begin, int[] size) {
        return sliceNd(x, begin, size, 2);
    }

    /** tf.slice3d. */
    public static Tensor slice3d(Tensor x, int[] begin, int[] size) {
        return sliceNd(x, begin, size, 3);
    }

    /** tf.slice4d. */
    public static Tensor slice4d(Tensor x, int[] begin, int[] size) {
        return sliceNd(x, begin, size, 4);
    }

    private static Tensor sliceNd(Tensor x, int[] begin, int[] size, int rank) {
        String name = "slice" + rank + "d";
        OpSupport.check(x, "x", name);
        OpSupport.require(x.rank() == rank,
                name + " expects a rank-" + rank + " tensor, but got a rank-" + x.rank() + " tensor");
        return slice(x, begin, size);
    }

    /**
     * TF.js's tf.stridedSlice with its masks: bit i of {@code beginMask} / {@code endMask} ignores
     * begin[i] / end[i]; {@code ellipsisMask} (one bit) stands for the dimensions not named;
     * {@code newAxisMask} inserts a dimension of 1; {@code shrinkAxisMask} takes one index and
     * drops the dimension. {@code strides} null means all 1.
     */
    public static Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides, int beginMask, int endMask,
            int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        OpSupport.check(x, "x", "stridedSlice");
        int[] shape = x.shapeRef();
        SliceUtil.StridedInfo info = SliceUtil.stridedInfo(shape, begin, end, strides, beginMask, endMask,
                ellipsisMask, newAxisMask, shrinkAxisMask);
        int rank = shape.length;
        int[] finalShape = new int[info.finalShape.length];
        Attrs attrs = Attrs.of();
        if (info.isIdentity) {
            for (int i = 0; i < finalShape.length; i++) {
                finalShape[i] = (int) info.finalShape[i];
            }
            attrs.put("identity", true);
        } else if (info.isSimpleSlice) {
            // TF.js slices begin .. end (a negative extent reads as -1: the rest of the dimension)
            // and reshapes the slice to the final shape.
            double[] size = new double[rank];
            for (int i = 0; i < rank; i++) {
                size[i] = Math.ceil(info.end[i] - info.begin[i]);
            }
            SliceUtil.Plan plan = SliceUtil.plan(shape, info.begin, size);
            int sliced = Shapes.sizeFromShape(plan.size);
            double prod = 1;
            for (double d : info.finalShape) {
                prod *= d;
            }
            String joined = SliceUtil.join(info.finalShape);
            OpSupport.require(!(sliced > 0 && sliced != prod),
                    "Size(" + sliced + ") must match the product of shape " + joined);
            OpSupport.require(sliced == prod, "The new shape (" + joined + ") has " + SliceUtil.num(prod)
                    + " elements and the old shape (" + Shapes.join(plan.size) + ") has " + sliced
                    + " elements. The new shape and old shape must have the same number of elements.");
            for (int i = 0; i < finalShape.length; i++) {
                finalShape[i] = (int) info.finalShape[i];
            }
            if (plan.flat != SliceUtil.NO_FLAT) {
                throw new IllegalArgumentException("Requested out of range element at " + Shapes.join(plan.begin)
                        + ".   Buffer shape=" + Shapes.join(shape));
            }
            attrs.put("begin", plan.begin).put("strides", ones(rank)).put("shape", plan.size);
        } else {
            for (int i = 0; i < rank; i++) {
                if (Double.isNaN(info.begin[i]) || Double.isNaN(info.end[i])) {
                    throw new IllegalArgumentException("Negative size values should be exactly -1 but got NaN"
                            + " for the slice() size at index " + i + ".");
                }
            }
            for (int i = 0; i < finalShape.length; i++) {
                finalShape[i] = (int) info.finalShape[i];
            }
            int[] b = new int[rank];
            for (int i = 0; i < rank; i++) {
                b[i] = (int) info.begin[i];
            }
            attrs.put("begin", b).put("strides", info.strides.clone()).put("shape", info.finalShapeSparse);
            if (info.anyShrink || info.finalShapeSparse.length != rank) {
                // TF.js writes into a buffer of finalShapeSparse; one of rank 0 rejects its location.
                OpSupport.require(info.finalShapeSparse.length > 0,
                        "The number of provided coordinates (1) must match the rank (0)");
                attrs.put("locs", true);
            }
        }
        attrs.put("finalShape", finalShape);
        return OpSupport.run("StridedSlice", attrs, x);
    }

    /** {@code stridedSlice} without masks. */
    public static Tensor stridedSlice(Tensor x, int[] begin, int[] end, int[] strides) {
        return stridedSlice(x, begin, end, strides, 0, 0, 0, 0, 0);
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    // ------------------------------------------------------------------------------ gathering

    /**
     * Values of {@code x} at {@code indices} (int32) along {@code axis}; the first
     * {@code batchDims} dimensions of x and indices are batch dimensions.
     */
    public static Tensor gather(Tensor x, Tensor indices, int axis, int batchDims) {
        OpSupport.check(x, "x", "gather");
        OpSupport.checkDtype(indices, "indices", "gather", DType.INT32);
        int ax = Shapes.parseAxis(axis, x.rank());
        return OpSupport.run("GatherV2", Attrs.of().put("axis", ax).put("batchDims", batchDims), x, indices);
    }

    /** {@code gather(x, indices, axis, 0)} */
    public static Tensor gather(Tensor x, Tensor indices, int axis) {
        return gather(x, indices, axis, 0);
    }

    /** {@code gather(x, indices, 0, 0)} */
    public static Tensor gather(Tensor x, Tensor indices) {
        return gather(x, indices, 0, 0);
    }

    /** Slices of {@code x} at the index tuples in the last dimension of {@code indices} (int32). */
    public static Tensor gatherND(Tensor x, Tensor indices) {
        OpSupport.checkDtype(indices, "indices", "gatherND", DType.INT32);
        OpSupport.check(x, "x", "gatherND");
        return OpSupport.run("GatherNd", Attrs.EMPTY, x, indices);
    }

    // -------------------------------------------------------------------------------- padding

    /** Pads each dimension i with paddings[i][0] values before and paddings[i][1] after. */
    public static Tensor pad(Tensor x, int[][] paddings, double constantValue) {
        OpSupport.check(x, "x", "pad");
        if (x.rank() == 0) {
            throw new IllegalArgumentException("pad(scalar) is not defined. Pass non-scalar to pad");
        }
        int[][] p = checkPaddingRows(paddings, x.rank());
        checkPadShape(padShape(x.shapeRef(), p));
        return OpSupport.run("PadV2", Attrs.of().put("paddings", p).put("constantValue", constantValue), x);
    }

    /** {@code pad(x, paddings, 0)} */
    public static Tensor pad(Tensor x, int[][] paddings) {
        return pad(x, paddings, 0);
    }

    /** tf.pad1d: paddings is [before, after]. */
    public static Tensor pad1d(Tensor x, int[] paddings, double constantValue) {
        OpSupport.require(paddings != null && paddings.length == 2, "Invalid number of paddings. Must be length of 2.");
        return pad(x, new int[][] {paddings}, constantValue);
    }

    /** tf.pad2d. */
    public static Tensor pad2d(Tensor x, int[][] paddings, double constantValue) {
        return padNd(x, paddings, constantValue, 2);
    }

    /** tf.pad3d. */
    public static Tensor pad3d(Tensor x, int[][] paddings, double constantValue) {
        return padNd(x, paddings, constantValue, 3);
    }

    /** tf.pad4d. */
    public static Tensor pad4d(Tensor x, int[][] paddings, double constantValue) {
        return padNd(x, paddings, constantValue, 4);
    }

    private static Tensor padNd(Tensor x, int[][] paddings, double constantValue, int rank) {
        boolean ok = paddings != null && paddings.length == rank;
        for (int i = 0; ok && i < rank; i++) {
            ok = paddings[i] != null && paddings[i].length == 2;
        }
        OpSupport.require(ok, "Invalid number of paddings. Must be length of 2 each.");
        return pad(x, paddings, constantValue);
    }

    /**
     * Paddings as TF.js's pad kernel reads them: one [before, after] per dimension (TF.js gives
     * NaN shapes otherwise, which samovar rejects with mirrorPad's messages).
     */
    private static int[][] checkPaddingRows(int[][] paddings, int rank) {
        OpSupport.require(paddings != null && paddings.length == rank,
                "Padding doesn't match input. Must be " + rank + ". Got " + (paddings == null ? 0 : paddings.length) + ".");
        int[][] p = new int[rank][];
        for (int i = 0; i < rank; i++) {
            OpSupport.require(paddings[i] != null && paddings[i].length >= 2,
                    "Invalid number of paddings. Must be length of 2 each.");
            p[i] = new int[] {paddings[i][0], paddings[i][1]};
        }
        return p;
    }

    /** TF.js's pad kernel allocates the product of the padded shape: negative fails there. */
    private static void checkPadShape(int[] padded) {
        double prod = 1;
        for (int d : padded) {
            prod *= d;
        }
        if (prod < 0) {
            throw new IllegalArgumentException("Invalid typed array length: " + SliceUtil.num(prod));
        }
        Shapes.sizeFromShape(padded);
    }

    private static int[] padShape(int[] shape, int[][] p) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = p[i][0] + shape[i] + p[i][1];
        }
        return out;
    }

    /**
     * Pads with mirrored values: {@code reflect} leaves the edge out, {@code symmetric} repeats
     * it; paddings may not exceed the dimension (minus 1 for reflect).
     */
    public static Tensor mirrorPad(Tensor x, int[][] paddings, String mode) {
        OpSupport.require("reflect".equals(mode) || "symmetric".equals(mode),
                "Invalid mode. Mode must be either reflect or symmetric. Got " + mode + ".");
        OpSupport.check(x, "x", "mirrorPad");
        int rank = x.rank();
        if (rank == 0) {
            throw new IllegalArgumentException("mirrorPad(scalar) is not defined. Pass non-scalar to mirrorPad");
        }
        int n = paddings == null ? 0 : paddings.length;
        OpSupport.require(n == rank, "Padding doesn't match input. Must be " + rank + ". Got " + n + ".");
        int offset = "reflect".equals(mode) ? 1 : 0;
        int[] shape = x.shapeRef();
        int[][] p = new int[rank][];
        for (int i = 0; i < rank; i++) {
            OpSupport.require(paddings[i] != null && paddings[i].length == 2,
                    "Invalid number of paddings. Must be length of 2 each.");
            int max = shape[i] - offset;
            OpSupport.require(paddings[i][0] >= 0 && paddings[i][0] <= max && paddings[i][1] >= 0
                    && paddings[i][1] <= max, "Padding in dimension " + i + " cannot be greater than or equal to "
                    + max + " or less than 0 for input of shape " + Shapes.join(shape));
            p[i] = paddings[i].clone();
        }
        return OpSupport.run("MirrorPad", Attrs.of().put("paddings", p).put("mode", mode), x);
    }

    // ------------------------------------------------------------------- tiling and reversing

    /** Repeats {@code x} reps[i] times along dimension i. */
    public static Tensor tile(Tensor x, int... reps) {
        OpSupport.check(x, "x", "tile");
        int rank = x.rank();
        OpSupport.require(reps != null && reps.length == rank, "Error in transpose: rank of input " + rank
                + " must match length of reps " + (reps == null ? "" : Shapes.join(reps)) + ".");
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = x.shapeRef()[i] * reps[i];
        }
        Shapes.sizeFromShape(outShape);
        return OpSupport.run("Tile", Attrs.of().put("reps", reps.clone()), x);
    }

    /** Reverses every dimension. */
    public static Tensor reverse(Tensor x) {
        return reverse(x, null);
    }

    /** Reverses the dimensions {@code axis} (null: all; negative counts from the end). */
    public static Tensor reverse(Tensor x, int[] axis) {
        OpSupport.check(x, "x", "reverse");
        int[] dims = Shapes.parseAxes(axis, x.rank());
        if (x.rank() == 0) {
            return clone(x);
        }
        return OpSupport.run("Reverse", Attrs.of().put("dims", dims), x);
    }

    /** tf.reverse1d. */
    public static Tensor reverse1d(Tensor x) {
        OpSupport.check(x, "x", "reverse");
        OpSupport.require(x.rank() == 1, "Error in reverse1D: x must be rank 1 but got rank " + x.rank() + ".");
        return reverse(x, new int[] {0});
    }

    /** tf.reverse2d. */
    public static Tensor reverse2d(Tensor x, int[] axis) {
        return reverseNd(x, axis, 2);
    }

    /** tf.reverse3d. */
    public static Tensor reverse3d(Tensor x, int[] axis) {
        return reverseNd(x, axis, 3);
    }

    /** tf.reverse4d. */
    public static Tensor reverse4d(Tensor x, int[] axis) {
        return reverseNd(x, axis, 4);
    }

    private static Tensor reverseNd(Tensor x, int[] axis, int rank) {
        OpSupport.check(x, "x", "reverse");
        OpSupport.require(x.rank() == rank,
                "Error in reverse" + rank + "D: x must be rank " + rank + " but got rank " + x.rank() + ".");
        return reverse(x, axis);
    }

    // ---------------------------------------------------------------- blocks of space and depth

    /**
     * Moves blocks of the batch dimension into the spatial dimensions 1..M (M =
     * blockShape.length), then crops each: crops[i] = [start, end].
     */
    public static Tensor batchToSpaceND(Tensor x, int[] blockShape, int[][] crops) {
        OpSupport.check(x, "x", "batchToSpaceND");
        OpSupport.require(blockShape != null && blockShape.length > 0, "Reduce of empty array with no initial value");
        int[] shape = x.shapeRef();
        int m = blockShape.length;
        long prod = 1;
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < m; i++) {
            prod *= blockShape[i];
            joined.append(i > 0 ? " * " : "").append(blockShape[i]);
        }
        OpSupport.require(x.rank() >= 1 + m,
                "input rank is " + x.rank() + " but should be > than blockShape.length " + m);
        int nCrops = crops == null ? 0 : crops.length;
        OpSupport.require(nCrops == m, "crops.length is " + nCrops + " but should be equal to blockShape.length  " + m);
        OpSupport.require(prod != 0 && shape[0] % prod == 0, "input tensor batch is " + shape[0]
                + " but is not divisible by the product of the elements of blockShape " + joined + " === " + prod);
        int[] reshaped = new int[m + shape.length];
        System.arraycopy(blockShape, 0, reshaped, 0, m);
        reshaped[m] = (int) (shape[0] / prod);
        System.arraycopy(shape, 1, reshaped, m + 1, shape.length - 1);
        Shapes.sizeFromShape(reshaped);
        // The final slice of TF.js's kernel, checked as its slice kernel checks it.
        int[] uncropped = new int[shape.length];
        uncropped[0] = reshaped[m];
        for (int i = 1; i < shape.length; i++) {
            uncropped[i] = i <= m ? blockShape[i - 1] * shape[i] : shape[i];
        }
        double[] begin = new double[m + 1];
        double[] size = new double[m + 1];
        size[0] = uncropped[0];
        for (int i = 0; i < m; i++) {
            int[] c = crops[i];
            int len = c == null ? 0 : c.length;
            begin[i + 1] = len > 0 ? c[0] : Double.NaN;
            size[i + 1] = len > 1 ? uncropped[i + 1] - (double) c[0] - c[1] : Double.NaN;
        }
        SliceUtil.Plan plan = SliceUtil.plan(uncropped, begin, size);
        int[][] cropsCopy = new int[m][];
        for (int i = 0; i < m; i++) {
            cropsCopy[i] = crops[i] == null ? new int[0] : crops[i].clone();
        }
        // crops as given: the gradient pads with them, as TF.js's.
        Attrs attrs = Attrs.of().put("blockShape", blockShape.clone()).put("begin", plan.begin).put("size", plan.size)
                .put("crops", cropsCopy);
        if (plan.flat != SliceUtil.NO_FLAT) {
            attrs.put("flat", plan.flat);
        }
        return OpSupport.run("BatchToSpaceND", attrs, x);
    }

    /**
     * Pads the spatial dimensions 1..M (paddings[i] = [before, after]) and moves blocks of them
     * into the batch dimension.
     */
    public static Tensor spaceToBatchND(Tensor x, int[] blockShape, int[][] paddings) {
        OpSupport.check(x, "x", "spaceToBatchND");
        int m = blockShape.length;
        int[] shape = x.shapeRef();
        OpSupport.require(x.rank() >= 1 + m, "input rank " + x.rank() + " should be > than [blockShape] " + m);
        int nPad = paddings == null ? 0 : paddings.length;
        OpSupport.require(nPad == m, "paddings.shape[0] " + nPad + " must be equal to [blockShape] " + m);
        boolean divisible = true;
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < m; i++) {
            int[] p = paddings[i];
            flat.append(i > 0 ? "," : "").append(p == null ? "" : Shapes.join(p));
            if (p == null || p.length < 2 || blockShape[i] == 0
                    || ((long) shape[i + 1] + p[0] + p[1]) % blockShape[i] != 0) {
                divisible = false;
            }
        }
        int[] spatial = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        OpSupport.require(divisible, "input spatial dimensions " + Shapes.join(spatial) + " with paddings " + flat
                + " must be divisible by blockShapes " + Shapes.join(blockShape));
        int[][] complete = new int[shape.length][];
        complete[0] = new int[2];
        for (int i = 1; i < shape.length; i++) {
            complete[i] = i <= m ? new int[] {paddings[i - 1][0], paddings[i - 1][1]} : new int[2];
        }
        int[] padded = padShape(shape, complete);
        checkPadShape(padded);
        for (int i = 0; i < m; i++) {
            OpSupport.require(blockShape[i] > 0, "Tensor must have a shape comprised of positive integers but got shape ["
                    + Shapes.join(blockShape) + "].");
        }
        return OpSupport.run("SpaceToBatchND",
                Attrs.of().put("blockShape", blockShape.clone()).put("paddings", complete), x);
    }

    /** Moves depth blocks into height and width: [b, h, w, d] to [b, h*bs, w*bs, d/(bs*bs)]. */
    public static Tensor depthToSpace(Tensor x, int blockSize, String dataFormat) {
        OpSupport.checkDtype(x, "x", "depthToSpace", DType.FLOAT32);
        boolean nhwc = "NHWC".equals(dataFormat);
        int[] s = x.shapeRef();
        String h = dimText(s, nhwc ? 1 : 2);
        String w = dimText(s, nhwc ? 2 : 3);
        String d = dimText(s, nhwc ? 3 : 1);
        OpSupport.require(blockSize > 1, "blockSize should be > 1 for depthToSpace, but was: " + blockSize);
        OpSupport.require(!h.equals("undefined"), "Negative dimension size caused by overflow when multiplying\n    "
                + h + " and " + blockSize + "  for depthToSpace with input shape\n    " + Shapes.join(s));
        OpSupport.require(!w.equals("undefined"), "Negative dimension size caused by overflow when multiplying\n    "
                + w + " and " + blockSize + " for depthToSpace with input shape\n        " + Shapes.join(s));
        long sq = (long) blockSize * blockSize;
        OpSupport.require(!d.equals("undefined") && Long.parseLong(d) % sq == 0, "Dimension size must be evenly "
                + "divisible by " + sq + " but is " + d + " for depthToSpace with input shape " + Shapes.join(s));
        OpSupport.require(nhwc, "Only NHWC dataFormat supported on CPU for depthToSpace. Got " + dataFormat);
        return OpSupport.run("DepthToSpace", Attrs.of().put("blockSize", blockSize).put("dataFormat", dataFormat), x);
    }

    /** {@code depthToSpace(x, blockSize, "NHWC")} */
    public static Tensor depthToSpace(Tensor x, int blockSize) {
        return depthToSpace(x, blockSize, "NHWC");
    }

    private static String dimText(int[] shape, int i) {
        return i < shape.length ? String.valueOf(shape[i]) : "undefined";
    }

    // ------------------------------------------------------------------------- broadcasting

    /**
     * Broadcasts {@code x} to {@code shape} (NumPy rules: size-1 dimensions repeat, missing leading
     * dimensions are added); as in TF.js, a target size of 0 on a size-1 dimension keeps the 1.
     */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        OpSupport.check(x, "broadcastTo", "x");
        for (int d : shape) {
            OpSupport.require(d >= 0, "Tensor must have a shape comprised of positive integers but got shape ["
                    + Shapes.join(shape) + "].");
        }
        int rank = x.rank();
        if (shape.length < rank) {
            throw new IllegalArgumentException("broadcastTo(): shape.length=" + shape.length + " < input.rank=" + rank + ".");
        }
        int[] xShape = x.shapeRef();
        int[] inShape = new int[shape.length];
        java.util.Arrays.fill(inShape, 1);
        System.arraycopy(xShape, 0, inShape, shape.length - rank, rank);
        int[] reps = shape.clone();
        boolean tile = false;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (inShape[i] == shape[i]) {
                reps[i] = 1;
            } else if (inShape[i] != 1) {
                throw new IllegalArgumentException("broadcastTo(): [" + Shapes.join(xShape) + "] cannot be broadcast to ["
                        + Shapes.join(shape) + "].");
            }
        }
        for (int r : reps) {
            tile |= r > 1;
        }
        boolean doTile = tile;
        return OpSupport.op("broadcastTo", () -> {
            Tensor input = shape.length > rank ? reshape(x, inShape) : x;
            if (!doTile) {
                return input == x ? clone(x) : input;
            }
            return OpSupport.run("Tile", Attrs.of().put("reps", reps), input);
        });
    }
}
