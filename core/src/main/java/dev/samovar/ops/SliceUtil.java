package dev.samovar.ops;

import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;

/**
 * Slice geometry with TF.js's rules and messages (its slice_util): the parameters of tf.slice,
 * and the dense form of a tf.stridedSlice specification (masks, ellipsis, new and shrunk axes).
 */
final class SliceUtil {
    /** A flat start meaning "not a contiguous slice with a negative begin". */
    static final int NO_FLAT = Integer.MIN_VALUE;

    private SliceUtil() {
    }

    /** A resolved slice: where it starts, its size, and (rarely) a flat start for negative begins. */
    static final class Plan {
        final int[] begin;
        final int[] size;
        /** Flat start of a contiguous slice whose begin has negative entries, else {@link #NO_FLAT}. */
        final int flat;

        Plan(int[] begin, int[] size, int flat) {
            this.begin = begin;
            this.size = size;
            this.flat = flat;
        }
    }

    /** JS's rendering of a number inside a message (NaN, integers without ".0"). */
    static String num(double d) {
        return JsNumber.toString(d);
    }

    static String join(double[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(num(a[i]));
        }
        return sb.toString();
    }

    /**
     * TF.js's parseSliceParams + assertParamsValid + the reading rules of its CPU slice: a missing
     * begin entry is 0, a missing size entry (or -1) takes the rest of the dimension. Entries of
     * {@code size} may be NaN (a size TF.js computed from undefined values).
     */
    static Plan plan(int[] shape, double[] begin, double[] size) {
        int rank = shape.length;
        double[] b = new double[Math.max(rank, begin.length)];
        System.arraycopy(begin, 0, b, 0, begin.length);
        for (double d : b) {
            OpSupport.require(d != -1, "slice() does not support negative begin indexing.");
        }
        double[] s;
        if (size == null) {
            s = new double[rank];
            java.util.Arrays.fill(s, -1);
        } else {
            s = new double[Math.max(rank, size.length)];
            java.util.Arrays.fill(s, -1);
            System.arraycopy(size, 0, s, 0, size.length);
        }
        for (int i = 0; i < s.length; i++) {
            double d = s[i];
            if (!(d >= 0)) {
                if (d != -1) {
                    throw new IllegalArgumentException("Negative size values should be exactly -1 but got " + num(d)
                            + " for the slice() size at index " + i + ".");
                }
                s[i] = i < rank ? shape[i] - b[i] : Double.NaN;
            }
        }
        OpSupport.require(rank == b.length, "Error in slice" + rank + "D: Length of begin " + join(b)
                + " must match the rank of the array (" + rank + ").");
        OpSupport.require(rank == s.length, "Error in slice" + rank + "D: Length of size " + join(s)
                + " must match the rank of the array (" + rank + ").");
        for (int i = 0; i < rank; i++) {
            double end = b[i] + s[i];
            OpSupport.require(end <= shape[i], "Error in slice" + rank + "D: begin[" + i + "] + size[" + i + "] ("
                    + num(end) + ") would overflow input.shape[" + i + "] (" + shape[i] + ")");
        }
        int[] ib = new int[rank];
        int[] is = new int[rank];
        boolean negative = false;
        for (int i = 0; i < rank; i++) {
            if (Double.isNaN(b[i]) || Double.isNaN(s[i])) {
                throw new IllegalArgumentException("Negative size values should be exactly -1 but got NaN"
                        + " for the slice() size at index " + i + ".");
            }
            ib[i] = (int) b[i];
            is[i] = (int) s[i];
            negative |= ib[i] < 0;
        }
        int length = Shapes.sizeFromShape(is);
        if (!negative || length == 0) {
            return new Plan(ib, is, NO_FLAT);
        }
        // TF.js reads a contiguous slice as a subarray of the flat values (a negative start counts
        // from the end); other slices go through a buffer that rejects negative coordinates.
        if (!isContiguous(shape, ib, is)) {
            throw new IllegalArgumentException("Requested out of range element at " + Shapes.join(ib)
                    + ".   Buffer shape=" + Shapes.join(shape));
        }
        int[] strides = Shapes.strides(shape);
        long offset = ib[rank - 1];
        for (int i = 0; i < rank - 1; i++) {
            offset += (long) ib[i] * strides[i];
        }
        long n = Shapes.sizeFromShape(shape);
        long start = offset < 0 ? Math.max(n + offset, 0) : Math.min(offset, n);
        long endRaw = offset + length;
        long end = endRaw < 0 ? Math.max(n + endRaw, 0) : Math.min(endRaw, n);
        if (end - start != length) {
            throw new IllegalArgumentException("Requested out of range element at " + Shapes.join(ib)
                    + ".   Buffer shape=" + Shapes.join(shape));
        }
        return new Plan(ib, is, (int) start);
    }

    static double[] toDoubles(int[] a) {
        if (a == null) {
            return null;
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** TF.js's isSliceContinous: one run of the flat values. */
    static boolean isContiguous(int[] shape, int[] begin, int[] size) {
        int firstNonOne = size.length;
        for (int i = 0; i < size.length; i++) {
            if (size[i] > 1) {
                firstNonOne = i;
                break;
            }
        }
        for (int i = firstNonOne + 1; i < size.length; i++) {
            if (begin[i] > 0 || size[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------- strided slices

    private static final int NEW_AXIS = -2;
    private static final int SHRINK_AXIS = -1;

    /** The dense form of a strided slice (TF.js's sliceInfo). */
    static final class StridedInfo {
        int[] finalShapeSparse;
        double[] finalShape;
        boolean isIdentity;
        boolean isSimpleSlice;
        boolean anyShrink;
        double[] begin;
        double[] end;
        int[] strides;
    }

    /**
     * Expands a sparse strided-slice specification into one entry per input dimension, with
     * TF.js's errors. Begin and end entries missing from short arrays are NaN, as TF.js reads
     * them (undefined).
     */
    static StridedInfo stridedInfo(int[] xShape, int[] begin, int[] end, int[] strides, int beginMask,
            int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        int[] sparseStrides = strides;
        if (sparseStrides == null) {
            sparseStrides = new int[begin.length];
            java.util.Arrays.fill(sparseStrides, 1);
        }
        if ((ellipsisMask & (ellipsisMask - 1)) != 0) {
            throw new IllegalArgumentException("Multiple ellipses in slice is not allowed.");
        }
        int sparseDims = sparseStrides.length;
        int numAddAxisAfterEllipsis = 0;
        boolean ellipsisSeen = false;
        for (int i = 0; i < sparseDims; i++) {
            if (ellipsisSeen && ((1 << i) & newAxisMask) != 0) {
                numAddAxisAfterEllipsis++;
            }
            if (((1 << i) & ellipsisMask) != 0) {
                ellipsisSeen = true;
            }
        }
        int sparseEllipsis = ellipsisMask;
        if (!ellipsisSeen) {
            sparseEllipsis |= 1 << sparseDims;
            sparseDims++;
        }

        // Dense spec: one entry per input dimension.
        int dims = xShape.length;
        double[] dBegin = new double[dims];
        double[] dEnd = new double[dims];
        int[] dStrides = new int[dims];
        java.util.Arrays.fill(dBegin, Double.NaN);
        java.util.Arrays.fill(dEnd, Double.NaN);
        java.util.Arrays.fill(dStrides, 1);
        int dBeginMask = 0;
        int dEndMask = 0;
        int dShrink = 0;
        int[] gather = new int[sparseDims + dims];
        int gatherCount = 0;
        int fullIndex = 0;
        for (int i = 0; i < sparseDims; i++) {
            if (((1 << i) & sparseEllipsis) != 0) {
                int nextIndex = Math.min(dims - (sparseDims - i) + 1 + numAddAxisAfterEllipsis, dims);
                for (; fullIndex < nextIndex; fullIndex++) {
                    dBegin[fullIndex] = 0;
                    dEnd[fullIndex] = 0;
                    dStrides[fullIndex] = 1;
                    dBeginMask |= 1 << fullIndex;
                    dEndMask |= 1 << fullIndex;
                    gather = grow(gather, gatherCount);
                    gather[gatherCount++] = fullIndex;
                }
            } else if (((1 << i) & newAxisMask) != 0) {
                gather = grow(gather, gatherCount);
                gather[gatherCount++] = NEW_AXIS;
            } else {
                if (fullIndex == dims) {
                    throw new IllegalArgumentException("Index out of range using input dim " + fullIndex
                            + "; input has only " + dims + " dims, " + dims + ".");
                }
                dBegin[fullIndex] = i < begin.length ? begin[i] : Double.NaN;
                dEnd[fullIndex] = i < end.length ? end[i] : Double.NaN;
                dStrides[fullIndex] = sparseStrides[i];
                if ((beginMask & (1 << i)) != 0) {
                    dBeginMask |= 1 << fullIndex;
                }
                if ((endMask & (1 << i)) != 0) {
                    dEndMask |= 1 << fullIndex;
                }
                gather = grow(gather, gatherCount);
                if ((shrinkAxisMask & (1 << i)) != 0) {
                    gather[gatherCount++] = SHRINK_AXIS;
                    dShrink |= 1 << fullIndex;
                } else {
                    gather[gatherCount++] = fullIndex;
                }
                fullIndex++;
            }
        }

        StridedInfo info = new StridedInfo();
        info.isIdentity = true;
        info.isSimpleSlice = true;
        double[] processing = new double[dims];
        for (int i = 0; i < dims; i++) {
            int stride = dStrides[i];
            if (stride == 0) {
                throw new IllegalArgumentException("strides[" + i + "] must be non-zero");
            }
            boolean shrink = (dShrink & (1 << i)) != 0;
            int dim = xShape[i];
            boolean beginMasked = (dBeginMask & (1 << i)) != 0;
            boolean endMasked = (dEndMask & (1 << i)) != 0;
            double lo = stride > 0 ? 0 : -1;
            double hi = stride > 0 ? dim : dim - 1;
            if (shrink && stride <= 0) {
                throw new IllegalArgumentException("only stride 1 allowed on non-range indexing.");
            }
            info.isSimpleSlice &= stride == 1;
            if (shrink) {
                info.anyShrink = true;
                double fwd = dBegin[i] < 0 ? dim + dBegin[i] : dBegin[i];
                dBegin[i] = fwd;
                dEnd[i] = fwd + 1;
                if (fwd < 0 || fwd >= dim) {
                    throw new IllegalArgumentException("slice index " + num(fwd) + " of dimension " + i
                            + " out of bounds.");
                }
            } else {
                dBegin[i] = canonical(dBegin[i], stride, dim, beginMasked, stride > 0 ? lo : hi, lo, hi);
                dEnd[i] = canonical(dEnd[i], stride, dim, endMasked, stride > 0 ? hi : lo, lo, hi);
            }
            boolean takeAll = stride == 1 && dBegin[i] == 0 && dEnd[i] == dim;
            info.isIdentity &= takeAll;
            double interval = dEnd[i] - dBegin[i];
            double sizeI;
            if (interval == 0 || ((interval < 0) != (stride < 0))) {
                sizeI = 0;
            } else {
                double q = interval / stride;
                sizeI = (q < 0 ? Math.ceil(q) : Math.floor(q)) + (interval % stride != 0 ? 1 : 0);
            }
            processing[i] = sizeI;
        }

        double[] finalShape = new double[gatherCount];
        int nFinal = 0;
        for (int k = 0; k < gatherCount; k++) {
            int g = gather[k];
            if (g >= 0) {
                finalShape[nFinal++] = processing[g];
            } else if (g == NEW_AXIS) {
                finalShape[nFinal++] = 1;
            }
        }
        info.finalShape = java.util.Arrays.copyOf(finalShape, nFinal);
        // TF.js drops the entries of finalShape whose position in the gather list (which also
        // holds shrunk axes) is a new axis.
        int[] sparse = new int[nFinal];
        int nSparse = 0;
        for (int k = 0; k < nFinal; k++) {
            if (gather[k] != NEW_AXIS) {
                sparse[nSparse++] = (int) info.finalShape[k];
            }
        }
        info.finalShapeSparse = java.util.Arrays.copyOf(sparse, nSparse);
        info.begin = dBegin;
        info.end = dEnd;
        info.strides = dStrides;
        return info;
    }

    private static int[] grow(int[] a, int n) {
        return n < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2 + 1);
    }

    /** TF.js's canonical(): a masked index takes its extreme; others count from the end and clamp. */
    private static double canonical(double x, int stride, int dim, boolean masked, double maskedValue,
            double lo, double hi) {
        if (masked) {
            return maskedValue;
        }
        double fwd = x < 0 ? dim + x : x;
        return fwd < lo ? lo : fwd > hi ? hi : fwd;
    }
}
