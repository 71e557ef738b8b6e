package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;

/** Normalization: tf.softmax, logSoftmax, batchNorm (2d, 3d, 4d), localResponseNormalization. */
public final class Nn {
    private Nn() {
    }

    /** tf.softmax(logits, dim = -1): float32 logits, along the last dimension only. */
    public static Tensor softmax(Tensor logits, int dim) {
        OpSupport.checkDtype(logits, "logits", "softmax", DType.FLOAT32);
        int rank = logits.rank();
        int d = dim == -1 ? rank - 1 : dim;
        if (d != rank - 1) {
            throw new IllegalArgumentException("Softmax along a non-last dimension is not yet supported. Logits was rank "
                    + rank + " and dim was " + d);
        }
        checkRank0(rank);
        return OpSupport.op("softmax", () -> OpSupport.run("Softmax", Attrs.of().put("dim", d), logits));
    }

    public static Tensor softmax(Tensor logits) {
        return softmax(logits, -1);
    }

    private static void checkRank0(int rank) {
        if (rank == 0) {
            throw new IllegalArgumentException("All values in axis param must be in range [-0, 0) but got axis -1");
        }
    }

    /** tf.logSoftmax(logits, axis = -1): along the last dimension only; int32 and bool give float32. */
    public static Tensor logSoftmax(Tensor logits, int axis) {
        OpSupport.check(logits, "logits", "logSoftmax");
        int rank = logits.rank();
        int a = axis == -1 ? rank - 1 : axis;
        if (a != rank - 1) {
            throw new IllegalArgumentException("Log Softmax along a non-last dimension is not yet supported. Logits was "
                    + "rank " + rank + " and axis was " + a);
        }
        checkRank0(rank);
        return OpSupport.op("logSoftmax", () -> OpSupport.run("LogSoftmax", Attrs.of().put("axis", a), logits));
    }

    public static Tensor logSoftmax(Tensor logits) {
        return logSoftmax(logits, -1);
    }

    /**
     * tf.batchNorm(x, mean, variance, offset, scale, varianceEpsilon = 0.001): offset and scale may
     * be null. As TF.js's CPU kernel, the parameters are read cyclically over x's values (so a
     * [depth] parameter aligns with x's last dimension), and the result has x's dtype.
     */
    public static Tensor batchNorm(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        OpSupport.check(x, "x", "batchNorm");
        OpSupport.check(mean, "mean", "batchNorm");
        OpSupport.check(variance, "variance", "batchNorm");
        if (scale != null) {
            OpSupport.check(scale, "scale", "batchNorm");
        }
        if (offset != null) {
            OpSupport.check(offset, "offset", "batchNorm");
        }
        OpSupport.require(mean.rank() == variance.rank(),
                "Batch normalization gradient requires mean and variance to have equal ranks.");
        OpSupport.require(offset == null || mean.rank() == offset.rank(),
                "Batch normalization gradient requires mean and offset to have equal ranks.");
        OpSupport.require(scale == null || mean.rank() == scale.rank(),
                "Batch normalization gradient requires mean and scale to have equal ranks.");
        return OpSupport.op("batchNorm", () -> {
            Tensor x4 = xAs4D(x);
            Attrs attrs = Attrs.of().put("varianceEpsilon", varianceEpsilon);
            Tensor res;
            if (offset != null && scale != null) {
                res = OpSupport.run("FusedBatchNorm", attrs, x4, mean, variance, offset, scale);
            } else if (offset != null) {
                res = OpSupport.run("FusedBatchNorm", attrs, x4, mean, variance, offset);
            } else if (scale != null) {
                // The kernel takes inputs by position: a missing offset is a zero offset.
                res = OpSupport.run("FusedBatchNorm", attrs.put("noOffset", true), x4, mean, variance, scale);
            } else {
                res = OpSupport.run("FusedBatchNorm", attrs, x4, mean, variance);
            }
            return Transform.reshape(res, x.shape());
        });
    }

    public static Tensor batchNorm(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale) {
        return batchNorm(x, mean, variance, offset, scale, 0.001);
    }

    public static Tensor batchNorm(Tensor x, Tensor mean, Tensor variance) {
        return batchNorm(x, mean, variance, null, null, 0.001);
    }

    private static Tensor xAs4D(Tensor x) {
        int[] s = x.shapeRef();
        switch (s.length) {
            case 0:
            case 1:
                return Transform.reshape(x, 1, 1, 1, x.size());
            case 2:
                return Transform.reshape(x, 1, 1, s[0], s[1]);
            case 3:
                return Transform.reshape(x, 1, s[0], s[1], s[2]);
            default:
                return x;
        }
    }

    private static Tensor batchNormNd(int n, Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        OpSupport.check(x, "x", "batchNorm");
        OpSupport.check(mean, "mean", "batchNorm");
        OpSupport.check(variance, "variance", "batchNorm");
        if (scale != null) {
            OpSupport.check(scale, "scale", "batchNorm");
        }
        if (offset != null) {
            OpSupport.check(offset, "offset", "batchNorm");
        }
        String p = "Error in batchNorm" + n + "D: ";
        OpSupport.require(x.rank() == n, p + "x must be rank " + n + " but got rank " + x.rank() + ".");
        OpSupport.require(mean.rank() == n || mean.rank() == 1,
                p + "mean must be rank " + n + " or rank 1 but got rank " + mean.rank() + ".");
        OpSupport.require(variance.rank() == n || variance.rank() == 1,
                p + "variance must be rank " + n + " or rank 1 but got rank " + variance.rank() + ".");
        if (scale != null) {
            OpSupport.require(scale.rank() == n || scale.rank() == 1,
                    p + "scale must be rank " + n + " or rank 1 but got rank " + scale.rank() + ".");
        }
        if (offset != null) {
            OpSupport.require(offset.rank() == n || offset.rank() == 1,
                    p + "offset must be rank " + n + " or rank 1 but got rank " + offset.rank() + ".");
        }
        return OpSupport.op("batchNorm" + n + "d",
                () -> batchNorm(x, mean, variance, offset, scale, varianceEpsilon));
    }

    /** tf.batchNorm2d: batchNorm for a rank-2 x with rank-2 or rank-1 parameters. */
    public static Tensor batchNorm2d(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        return batchNormNd(2, x, mean, variance, offset, scale, varianceEpsilon);
    }

    /** tf.batchNorm3d: batchNorm for a rank-3 x with rank-3 or rank-1 parameters. */
    public static Tensor batchNorm3d(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        return batchNormNd(3, x, mean, variance, offset, scale, varianceEpsilon);
    }

    /** tf.batchNorm4d: batchNorm for a rank-4 x with rank-4 or rank-1 parameters. */
    public static Tensor batchNorm4d(Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        return batchNormNd(4, x, mean, variance, offset, scale, varianceEpsilon);
    }

    /**
     * tf.localResponseNormalization(x, depthRadius = 5, bias = 1, alpha = 1, beta = 0.5) over the
     * last dimension of a rank-3 or rank-4 x.
     */
    public static Tensor localResponseNormalization(Tensor x, double depthRadius, double bias, double alpha,
            double beta) {
        OpSupport.check(x, "x", "localResponseNormalization");
        OpSupport.require(x.rank() == 4 || x.rank() == 3,
                "Error in localResponseNormalization: x must be rank 3 or 4 but got\n               rank " + x.rank()
                        + ".");
        OpSupport.require(depthRadius == Math.floor(depthRadius) && !Double.isInfinite(depthRadius),
                "Error in localResponseNormalization: depthRadius must be an integer but got depthRadius "
                        + dev.samovar.core.JsNumber.toString(depthRadius) + ".");
        return OpSupport.op("localResponseNormalization", () -> {
            boolean reshaped = x.rank() == 3;
            Tensor x4 = reshaped ? Conv.as4D(x) : x;
            Tensor res = OpSupport.run("LRN", Attrs.of().put("depthRadius", (int) depthRadius).put("bias", bias)
                    .put("alpha", alpha).put("beta", beta), x4);
            return reshaped ? Conv.from4D(res) : res;
        });
    }

    public static Tensor localResponseNormalization(Tensor x) {
        return localResponseNormalization(x, 5, 1, 1, 0.5);
    }
}
