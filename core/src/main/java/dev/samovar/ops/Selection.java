package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/**
 * Data-dependent ops, whose output shape depends on the input's values: TF.js's
 * {@code whereAsync}, {@code booleanMaskAsync}, {@code setdiff1dAsync}, {@code inTopKAsync} (here
 * synchronous: the JS API awaits the values first, as TF.js does) and {@code unique} (kernel
 * {@code Unique}). Values are read through the tensor's backend, so they work on every backend.
 */
public final class Selection {
    private Selection() {
    }

    /** A tensor's values as doubles (bool as 0/1), read through its backend. */
    static double[] values(Tensor t) {
        Object v = t.data();
        if (v instanceof float[]) {
            float[] f = (float[]) v;
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        int[] iv = (int[]) v;
        double[] d = new double[iv.length];
        for (int i = 0; i < iv.length; i++) {
            d[i] = iv[i];
        }
        return d;
    }

    /**
     * tf.whereAsync(condition): the coordinates of the true (non-zero, non-NaN) elements, an int32
     * tensor of shape [numTrue, condition.rank], in row-major order.
     */
    public static Tensor where(Tensor condition) {
        OpSupport.checkDtype(condition, "condition", "whereAsync", DType.BOOL);
        // The Where kernel (cpu/kernels, also the graph runtime's Where op) does the work.
        return Engine.get().runKernel("Where", new Tensor[] {condition}, dev.samovar.core.Attrs.of())[0];
    }

    /** JavaScript's {@code array.slice(begin, end)} of a shape. */
    private static int[] jsSlice(int[] a, int begin, int end) {
        int n = a.length;
        int b = begin < 0 ? Math.max(n + begin, 0) : Math.min(begin, n);
        int e = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
        if (e <= b) {
            return new int[0];
        }
        return java.util.Arrays.copyOfRange(a, b, e);
    }

    private static String shapeText(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(s[i]);
        }
        return sb.toString();
    }

    /**
     * tf.booleanMaskAsync(tensor, mask, axis): the slices of {@code tensor} (from {@code axis}, default
     * 0) where the K-D {@code mask} is true, flattened into one dimension.
     */
    public static Tensor booleanMask(Tensor tensor, Tensor mask, Integer axis) {
        OpSupport.check(tensor, "tensor", "boolMask");
        OpSupport.checkDtype(mask, "mask", "boolMask", DType.BOOL);
        int axisFrom = axis == null ? 0 : axis;
        int maskDim = mask.rank();
        int[] tensorShape = tensor.shape();
        OpSupport.require(maskDim > 0, "mask cannot be scalar");
        int[] lead = jsSlice(tensorShape, axisFrom, axisFrom + maskDim);
        OpSupport.require(java.util.Arrays.equals(lead, mask.shape()),
                "mask's shape must match the first K dimensions of tensor's shape, Shapes " + shapeText(lead)
                        + " and " + shapeText(mask.shape()) + " must match");
        OpSupport.require(axisFrom >= 0 && axisFrom + maskDim <= tensorShape.length,
                "booleanMaskAsync: axis " + axisFrom + " is out of range for a rank " + tensorShape.length + " tensor");
        int leadingSize = 1;
        for (int i = axisFrom; i < axisFrom + maskDim; i++) {
            leadingSize *= tensorShape[i];
        }
        int[] target = new int[tensorShape.length - maskDim + 1];
        int k = 0;
        for (int i = 0; i < axisFrom; i++) {
            target[k++] = tensorShape[i];
        }
        target[k++] = leadingSize;
        for (int i = axisFrom + maskDim; i < tensorShape.length; i++) {
            target[k++] = tensorShape[i];
        }
        Engine engine = Engine.get();
        Tensor reshapedTensor = Transform.reshape(tensor, target);
        Tensor reshapedMask = Transform.reshape(mask, -1);
        Tensor positions = where(reshapedMask);
        Tensor indices = Transform.squeeze(positions, new int[] {1});
        Tensor res = Transform.gather(reshapedTensor, indices, axisFrom);
        indices.dispose();
        reshapedTensor.dispose();
        reshapedMask.dispose();
        positions.dispose();
        return res;
    }

    /** JavaScript's SameValueZero key of a value (NaN equals NaN, -0 equals 0). */
    private static long key(double v) {
        if (v != v) {
            return 0x7ff8000000000000L;
        }
        return Double.doubleToLongBits(v == 0 ? 0.0 : v);
    }

    /**
     * tf.setdiff1dAsync(x, y): [the values of x that are not in y (in x's order, duplicates kept),
     * their int32 indices in x].
     */
    public static Tensor[] setdiff1d(Tensor x, Tensor y) {
        OpSupport.check(x, "x", "setdiff1d");
        OpSupport.check(y, "y", "setdiff1d");
        OpSupport.require(x.dtype() == y.dtype(), "x and y should have the same dtype, but got x (" + x.dtype()
                + ") and y (" + y.dtype() + ").");
        OpSupport.require(x.rank() == 1, "x should be 1D tensor, but got x (" + shapeText(x.shape()) + ").");
        OpSupport.require(y.rank() == 1, "y should be 1D tensor, but got y (" + shapeText(y.shape()) + ").");
        double[] xv = values(x);
        double[] yv = values(y);
        java.util.HashSet<Long> ySet = new java.util.HashSet<>();
        for (double v : yv) {
            ySet.add(key(v));
        }
        int n = 0;
        for (double v : xv) {
            if (!ySet.contains(key(v))) {
                n++;
            }
        }
        int[] idx = new int[n];
        float[] fOut = x.dtype() == DType.FLOAT32 ? new float[n] : null;
        int[] iOut = fOut == null ? new int[n] : null;
        int p = 0;
        for (int i = 0; i < xv.length; i++) {
            if (!ySet.contains(key(xv[i]))) {
                if (fOut != null) {
                    fOut[p] = (float) xv[i];
                } else {
                    iOut[p] = (int) xv[i];
                }
                idx[p++] = i;
            }
        }
        Engine e = Engine.get();
        Tensor out = e.makeTensor(fOut != null ? fOut : iOut, new int[] {n}, x.dtype());
        return new Tensor[] {out, e.makeTensor(idx, new int[] {n}, DType.INT32)};
    }

    /**
     * tf.unique(x, axis = 0): kernel Unique; [values, indices]: the unique elements (or slices along
     * {@code axis}) in order of first occurrence, and for each element along the axis the int32
     * index of its unique value.
     */
    public static Tensor[] unique(Tensor x, int axis) {
        OpSupport.check(x, "x", "unique");
        return OpSupport.op("unique", () -> {
            OpSupport.require(x.rank() > 0, "The input tensor must be at least 1D");
            return OpSupport.runMulti("Unique", Attrs.of().put("axis", axis), x);
        });
    }

    /**
     * tf.inTopKAsync(predictions, targets, k = 1): bool tensor of targets' shape, true where the
     * target index is among the k largest predictions of its row (ordered as TF.js's V8 sort orders
     * them: stable, so ties go to the smaller index).
     */
    public static Tensor inTopK(Tensor predictions, Tensor targets, int k) {
        OpSupport.check(predictions, "predictions", "inTopK");
        OpSupport.check(targets, "targets", "inTopK");
        OpSupport.require(predictions.rank() > 1,
                "inTopK() expects the predictions to be of rank 2 or higher, but got " + predictions.rank());
        OpSupport.require(predictions.rank() - 1 == targets.rank(),
                "predictions rank should be 1 larger than targets rank, but got predictions rank "
                        + predictions.rank() + " and targets rank " + targets.rank());
        int[] ps = predictions.shape();
        int[] lead = java.util.Arrays.copyOf(ps, ps.length - 1);
        OpSupport.require(java.util.Arrays.equals(lead, targets.shape()),
                "predictions's shape should be align with the targets' shape, except the last dimension. Shapes "
                        + shapeText(lead) + " and " + shapeText(targets.shape()) + " must match");
        int lastDim = ps[ps.length - 1];
        OpSupport.require(k > 0 && k <= lastDim, "'k' passed to inTopK() must be > 0 && <= the predictions last "
                + "dimension (" + lastDim + "), but got " + k);
        double[] pv = values(predictions);
        double[] tv = values(targets);
        int batch = pv.length / lastDim;
        int[] out = new int[batch];
        double[] row = new double[lastDim];
        int[] idx = new int[lastDim];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(pv, b * lastDim, row, 0, lastDim);
            for (int i = 0; i < lastDim; i++) {
                idx[i] = i;
            }
            JsSort.sortDescending(row, idx, lastDim);
            for (int i = 0; i < k; i++) {
                if (idx[i] == tv[b]) {
                    out[b] = 1;
                    break;
                }
            }
        }
        return Engine.get().makeTensor(out, targets.shape(), DType.BOOL);
    }
}
