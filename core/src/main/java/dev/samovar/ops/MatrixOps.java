package dev.samovar.ops;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.linalg.bandPart, gramSchmidt, qr and tf.math.confusionMatrix, composed of the ops TF.js
 * composes them of, in its order (Householder QR as TF.js's qr2d), so values match.
 */
public final class MatrixOps {
    private MatrixOps() {
    }

    private static Tensor f(double v) {
        return Creation.scalar((float) v);
    }

    // ------------------------------------------------------------------------------ bandPart

    /** tf.linalg.bandPart(a, numLower, numUpper) with number bounds (negative: keep everything). */
    public static Tensor bandPart(Tensor a, double numLower, double numUpper) {
        OpSupport.check(a, "a", "bandPart");
        return OpSupport.op("bandPart", () -> {
            int[] mn = checkBand(a);
            OpSupport.require(numLower % 1 == 0, "bandPart(): numLower must be an integer, got "
                    + dev.samovar.core.JsNumber.toString(numLower) + ".");
            OpSupport.require(numLower <= mn[0], "bandPart(): numLower (" + dev.samovar.core.JsNumber.toString(numLower)
                    + ") must not be greater than the number of rows (" + mn[0] + ").");
            Tensor lower = f(numLower < 0 ? mn[0] : numLower);
            OpSupport.require(numUpper % 1 == 0, "bandPart(): numUpper must be an integer, got "
                    + dev.samovar.core.JsNumber.toString(numUpper) + ".");
            OpSupport.require(numUpper <= mn[1], "bandPart(): numUpper (" + dev.samovar.core.JsNumber.toString(numUpper)
                    + ") must not be greater than the number of columns (" + mn[1] + ").");
            Tensor upper = f(numUpper < 0 ? mn[1] : numUpper);
            return band(a, mn[0], mn[1], lower, upper);
        });
    }

    /** tf.linalg.bandPart with int32 tensor bounds (or either bound a tensor: pass null for a number one). */
    public static Tensor bandPart(Tensor a, Tensor numLower, Tensor numUpper) {
        OpSupport.check(a, "a", "bandPart");
        return OpSupport.op("bandPart", () -> {
            int[] mn = checkBand(a);
            return band(a, mn[0], mn[1], tensorBound(numLower, mn[0], "numLower"), tensorBound(numUpper, mn[1], "numUpper"));
        });
    }

    /** A mix: number lower bound, tensor upper bound, or the reverse (the other argument null). */
    public static Tensor bandPart(Tensor a, Double numLower, Tensor lowerT, Double numUpper, Tensor upperT) {
        OpSupport.check(a, "a", "bandPart");
        return OpSupport.op("bandPart", () -> {
            int[] mn = checkBand(a);
            Tensor lower;
            if (numLower != null) {
                double v = numLower;
                OpSupport.require(v % 1 == 0, "bandPart(): numLower must be an integer, got "
                        + dev.samovar.core.JsNumber.toString(v) + ".");
                OpSupport.require(v <= mn[0], "bandPart(): numLower (" + dev.samovar.core.JsNumber.toString(v)
                        + ") must not be greater than the number of rows (" + mn[0] + ").");
                lower = f(v < 0 ? mn[0] : v);
            } else {
                lower = tensorBound(lowerT, mn[0], "numLower");
            }
            Tensor upper;
            if (numUpper != null) {
                double v = numUpper;
                OpSupport.require(v % 1 == 0, "bandPart(): numUpper must be an integer, got "
                        + dev.samovar.core.JsNumber.toString(v) + ".");
                OpSupport.require(v <= mn[1], "bandPart(): numUpper (" + dev.samovar.core.JsNumber.toString(v)
                        + ") must not be greater than the number of columns (" + mn[1] + ").");
                upper = f(v < 0 ? mn[1] : v);
            } else {
                upper = tensorBound(upperT, mn[1], "numUpper");
            }
            return band(a, mn[0], mn[1], lower, upper);
        });
    }

    private static int[] checkBand(Tensor a) {
        OpSupport.require(a.rank() >= 2, "bandPart(): Rank must be at least 2, got " + a.rank() + ".");
        int[] s = a.shape();
        return new int[] {s[s.length - 2], s[s.length - 1]};
    }

    private static Tensor tensorBound(Tensor t, int size, String name) {
        OpSupport.require(t.dtype() == DType.INT32, "bandPart(): " + name + "'s dtype must be an int32.");
        return Logic.where(Logic.less(t, f(0)), f(size), Arithmetic.minimum(t, f(size)));
    }

    private static Tensor band(Tensor a, int m, int n, Tensor lower, Tensor upper) {
        Tensor i = Transform.reshape(Creation.range(0, m, 1, DType.INT32), -1, 1);
        Tensor j = Creation.range(0, n, 1, DType.INT32);
        Tensor ij = Arithmetic.sub(i, j);
        Tensor inBand = Logic.logicalAnd(Logic.lessEqual(ij, lower), Logic.greaterEqual(ij, Unary.neg(upper)));
        Tensor zero = Creation.zeros(new int[] {m, n}, a.dtype());
        Tensor[] mats = Transform.unstack(Transform.reshape(a, -1, m, n));
        Tensor[] masked = new Tensor[mats.length];
        for (int k = 0; k < mats.length; k++) {
            masked[k] = Logic.where(inBand, mats[k], zero);
        }
        return Transform.reshape(Transform.stack(masked), a.shape());
    }

    // --------------------------------------------------------------------------- gramSchmidt

    /** tf.linalg.gramSchmidt of a list of 1-D tensors: the orthonormalized list. */
    public static Tensor[] gramSchmidt(Tensor[] xs) {
        OpSupport.require(xs != null && xs.length > 0,
                "Gram-Schmidt process: input must not be null, undefined, or empty");
        int dim = xs[0].dim(0);
        for (int i = 1; i < xs.length; i++) {
            int d = xs[i].dim(0);
            OpSupport.require(d == dim, "Gram-Schmidt: Non-unique lengths found in the input vectors: (" + d
                    + " vs. " + dim + ")");
        }
        return OpSupport.op("gramSchmidt", () -> orthonormalize(xs));
    }

    /** tf.linalg.gramSchmidt of a 2-D tensor: its rows orthonormalized, stacked. */
    public static Tensor gramSchmidt(Tensor xs) {
        OpSupport.check(xs, "xs", "gramSchmidt");
        return OpSupport.op("gramSchmidt", () -> {
            Tensor[] parts = Transform.split(xs, xs.dim(0), 0);
            Tensor[] rows = new Tensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                rows[i] = Transform.squeeze(parts[i], new int[] {0});
            }
            return Transform.stack(orthonormalize(rows), 0);
        });
    }

    private static Tensor[] orthonormalize(Tensor[] xs) {
        OpSupport.require(xs.length <= xs[0].dim(0), "Gram-Schmidt: Number of vectors (" + xs.length
                + ") exceeds number of dimensions (" + xs[0].dim(0) + ").");
        Tensor[] ys = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int k = i;
            ys[i] = Engine.get().tidy("gramSchmidtStep", () -> {
                Tensor x = xs[k];
                for (int j = 0; j < k; j++) {
                    Tensor proj = Arithmetic.mul(Reduction.sum(Arithmetic.mul(ys[j], x)), ys[j]);
                    x = Arithmetic.sub(x, proj);
                }
                return Arithmetic.div(x, Reduction.norm(x, "euclidean", null, false));
            });
        }
        return ys;
    }

    // ------------------------------------------------------------------------------------ qr

    /**
     * tf.linalg.qr(x, fullMatrices = false): [q, r] by Householder reflections, as TF.js's qr2d;
     * batched over the leading dimensions.
     */
    public static Tensor[] qr(Tensor x, boolean fullMatrices) {
        OpSupport.check(x, "x", "qr");
        return OpSupport.op("qr", () -> {
            OpSupport.require(x.rank() >= 2, "qr() requires input tensor to have a rank >= 2, but got rank " + x.rank());
            if (x.rank() == 2) {
                return qr2d(x, fullMatrices);
            }
            int[] s = x.shape();
            int outer = 1;
            for (int i = 0; i < s.length - 2; i++) {
                outer *= s[i];
            }
            Tensor[] x2ds = Transform.unstack(Transform.reshape(x, outer, s[s.length - 2], s[s.length - 1]), 0);
            List<Tensor> qs = new ArrayList<>();
            List<Tensor> rs = new ArrayList<>();
            for (Tensor x2d : x2ds) {
                Tensor[] qr = qr2d(x2d, fullMatrices);
                qs.add(qr[0]);
                rs.add(qr[1]);
            }
            Tensor q = Transform.reshape(Transform.stack(qs.toArray(new Tensor[0]), 0), s);
            Tensor r = Transform.reshape(Transform.stack(rs.toArray(new Tensor[0]), 0), s);
            return new Tensor[] {q, r};
        });
    }

    private static Tensor[] qr2d(Tensor x, boolean fullMatrices) {
        return Engine.get().tidy("qr2d", () -> {
            int m = x.dim(0);
            int n = x.dim(1);
            Tensor[] state = {null, Creation.eye(m), x.clone()};
            Tensor one2D = Creation.tensor(new float[] {1}, 1, 1);
            state[0] = one2D.clone();
            int iters = m >= n ? n : m;
            for (int jj = 0; jj < iters; jj++) {
                int j = jj;
                Tensor[] prev = state.clone();
                Tensor[] next = Engine.get().tidy("qrStep", () -> {
                    Tensor r = prev[2];
                    Tensor q = prev[1];
                    Tensor rjEnd1 = Transform.slice(r, new int[] {j, j}, new int[] {m - j, 1});
                    Tensor normX = Reduction.norm(rjEnd1);
                    Tensor rjj = Transform.slice(r, new int[] {j, j}, new int[] {1, 1});
                    Tensor s = Logic.where(Logic.greater(rjj, f(0)), Creation.tensor(new float[] {-1}, 1, 1),
                            Creation.tensor(new float[] {1}, 1, 1));
                    Tensor u1 = Arithmetic.sub(rjj, Arithmetic.mul(s, normX));
                    Tensor wPre = Arithmetic.div(rjEnd1, u1);
                    Tensor w;
                    if (wPre.dim(0) == 1) {
                        w = one2D.clone();
                    } else {
                        w = Transform.concat(new Tensor[] {one2D,
                            Transform.slice(wPre, new int[] {1, 0}, new int[] {wPre.dim(0) - 1, wPre.dim(1)})}, 0);
                    }
                    Tensor tau = Unary.neg(Arithmetic.div(Linalg.matMul(s, u1), normX));
                    Tensor rjEndAll = Transform.slice(r, new int[] {j, 0}, new int[] {m - j, n});
                    Tensor tauTimesW = Arithmetic.mul(tau, w);
                    Tensor wT = Transform.transpose(w);
                    Tensor newR;
                    if (j == 0) {
                        newR = Arithmetic.sub(rjEndAll, Linalg.matMul(tauTimesW, Linalg.matMul(wT, rjEndAll)));
                    } else {
                        Tensor rTimesTau = Arithmetic.sub(rjEndAll, Linalg.matMul(tauTimesW, Linalg.matMul(wT, rjEndAll)));
                        newR = Transform.concat(new Tensor[] {Transform.slice(r, new int[] {0, 0}, new int[] {j, n}),
                            rTimesTau}, 0);
                    }
                    Tensor tawTimesWT = Transform.transpose(tauTimesW);
                    Tensor qAllJEnd = Transform.slice(q, new int[] {0, j}, new int[] {m, q.dim(1) - j});
                    Tensor newQ;
                    if (j == 0) {
                        newQ = Arithmetic.sub(qAllJEnd, Linalg.matMul(Linalg.matMul(qAllJEnd, w), tawTimesWT));
                    } else {
                        Tensor qTimesTau = Arithmetic.sub(qAllJEnd, Linalg.matMul(Linalg.matMul(qAllJEnd, w), tawTimesWT));
                        newQ = Transform.concat(new Tensor[] {Transform.slice(q, new int[] {0, 0}, new int[] {m, j}),
                            qTimesTau}, 1);
                    }
                    return new Tensor[] {w, newQ, newR};
                });
                for (Tensor t : prev) {
                    t.dispose();
                }
                state = next;
            }
            Tensor q = state[1];
            Tensor r = state[2];
            if (!fullMatrices && m > n) {
                q = Transform.slice(q, new int[] {0, 0}, new int[] {m, n});
                r = Transform.slice(r, new int[] {0, 0}, new int[] {n, n});
            }
            return new Tensor[] {q, r};
        });
    }

    // ------------------------------------------------------------------------ confusionMatrix

    /** tf.math.confusionMatrix(labels, predictions, numClasses): int32 [numClasses, numClasses] counts. */
    public static Tensor confusionMatrix(Tensor labels, Tensor predictions, Double numClasses) {
        OpSupport.check(labels, "labels", "confusionMatrix");
        OpSupport.check(predictions, "predictions", "confusionMatrix");
        return OpSupport.op("confusionMatrix", () -> {
            boolean valid = numClasses != null && numClasses > 0 && numClasses % 1 == 0
                    && !Double.isInfinite(numClasses);
            String text = numClasses == null ? "undefined" : dev.samovar.core.JsNumber.toString(numClasses);
            OpSupport.require(numClasses == null || valid,
                    "If provided, numClasses must be a positive integer, but got " + text);
            OpSupport.require(labels.rank() == 1, "Expected the rank of labels to be 1, but got " + labels.rank());
            OpSupport.require(predictions.rank() == 1, "Expected the rank of predictions to be 1, but got "
                    + predictions.rank());
            OpSupport.require(labels.dim(0) == predictions.dim(0), "Mismatch in the number of examples: "
                    + labels.dim(0) + " vs. " + predictions.dim(0)
                    + ". Labels and predictions should have the same number of elements.");
            OpSupport.require(valid, "numClasses is required to be a positive integer, but got " + text);
            int k = (int) numClasses.doubleValue();
            Tensor oneHotLabels = Creation.oneHot(Transform.cast(labels, DType.INT32), k);
            Tensor oneHotPredictions = Creation.oneHot(Transform.cast(predictions, DType.INT32), k);
            Tensor product = Linalg.matMul(Transform.transpose(oneHotLabels), oneHotPredictions);
            return Transform.cast(product, DType.INT32);
        });
    }
}
