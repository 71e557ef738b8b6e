package dev.samovar.layers.backend;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Fused;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Random;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;

/**
 * The helpers layers compute with (TF.js's backend/tfjs_backend.js, "K"), composed of Samovar's ops
 * in TF.js's order so that values match: {@code dot} (fused matMul with bias and activation, inputs
 * of rank &gt; 2 reshaped as TF.js does), {@code biasAdd}, {@code batchFlatten}, {@code dropout}, ...
 */
public final class LayerOps {
    /** TF.js's epsilon() on the cpu backend (float32): 1e-7. */
    public static final double EPSILON = 1e-7;

    private LayerOps() {
    }

    /** A float32 scalar, as TF.js converts a JS number operand. */
    public static Tensor scalar(double v) {
        return Creation.scalar((float) v);
    }

    /** A seed as the random ops take it: a number's JS text, or null (unseeded) when absent. */
    public static String seed(Object seed) {
        if (seed instanceof Number) {
            return JsNumber.toString(((Number) seed).doubleValue());
        }
        if (seed instanceof String) {
            return (String) seed;
        }
        return null;
    }

    /** TF.js's K.expandDims via reshape (axis -1: at the end). */
    public static Tensor expandDims(Tensor x, int axis) {
        int[] s = x.shapeRef();
        if (axis < 0) {
            axis = s.length + axis + 1;
        }
        int[] out = new int[s.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? 1 : s[j++];
        }
        return Transform.reshape(x, out);
    }

    /** TF.js's K.batchFlatten: [batch, product of the rest]. */
    public static Tensor batchFlatten(Tensor x) {
        if (x.rank() <= 1) {
            throw new IllegalArgumentException("batchFlatten requires a minimum rank of 2. Got rank: " + x.rank() + ".");
        }
        int[] s = x.shapeRef();
        int p = 1;
        for (int i = 1; i < s.length; i++) {
            p *= s[i];
        }
        return Transform.reshape(x, s[0], p);
    }

    /** TF.js's K.sliceAlongFirstAxis (ranks 1 to 6). */
    public static Tensor sliceAlongFirstAxis(Tensor array, int start, int size) {
        int r = array.rank();
        if (r < 1 || r > 6) {
            throw new IllegalArgumentException("sliceAlongFirstAxis() received an unsupported tensor rank: " + r);
        }
        return OpSupport.op("sliceAlongFirstAxis", () -> {
            int[] begin = new int[r];
            int[] sz = array.shape();
            begin[0] = start;
            sz[0] = size;
            return Transform.slice(array, begin, sz);
        });
    }

    /**
     * TF.js's K.dot(a, b, activation, bias): a fused matMul for rank 2; for higher ranks a is
     * reshaped to 2D and b transposed and reshaped, then the result is reshaped back.
     */
    public static Tensor dot(Tensor a, Tensor b, String fusedActivation, Tensor bias) {
        if (a.rank() < 2 || b.rank() < 2) {
            throw new UnsupportedOperationException("dot requires both inputs to be rank >= 2 but got x shape = "
                    + join(a.shapeRef()) + " and y shape = " + join(b.shapeRef()));
        }
        if (b.rank() >= 3) {
            int xLastDim = a.dim(-1);
            int ySecondLastDim = b.dim(-2);
            if (xLastDim != ySecondLastDim) {
                throw new UnsupportedOperationException("If rank y >= 3, then the second last dim of y must equal the "
                        + "last dim of x but got x shape = " + join(a.shapeRef()) + " and  y shape = "
                        + join(b.shapeRef()));
            }
        }
        String act = fusedActivation == null ? "linear" : fusedActivation;
        if (a.rank() == 2 && b.rank() == 2) {
            return Fused.matMul(a, b, false, false, bias == null ? null : reshapeBias(2, bias), act, null, 0.2);
        }
        int[] as = a.shapeRef();
        int aLastDim = as[as.length - 1];
        int[] aFirstDims = java.util.Arrays.copyOf(as, as.length - 1);
        Tensor a2 = Transform.reshape(a, -1, aLastDim);
        int[] bs = b.shapeRef();
        int br = bs.length;
        int bLastDim = bs[br - 1];
        int ySecondLastDim = bs[br - 2];
        int[] yOtherDims = new int[br - 1];
        System.arraycopy(bs, 0, yOtherDims, 0, br - 2);
        yOtherDims[br - 2] = bLastDim;
        int[] perm = new int[br];
        for (int i = 0; i < br; i++) {
            perm[i] = i == 0 ? br - 2 : (i <= br - 2 ? i - 1 : i);
        }
        Tensor b2 = Transform.reshape(Transform.transpose(b, perm), ySecondLastDim, -1);
        int[] outShape = new int[aFirstDims.length + yOtherDims.length];
        System.arraycopy(aFirstDims, 0, outShape, 0, aFirstDims.length);
        System.arraycopy(yOtherDims, 0, outShape, aFirstDims.length, yOtherDims.length);
        Tensor m = Fused.matMul(a2, b2, false, false, bias == null ? null : reshapeBias(2, bias), act, null, 0.2);
        return Transform.reshape(m, outShape);
    }

    /** TF.js's reshapeBias for a data format (channelsLast unless given). */
    public static Tensor reshapeBias(int xRank, Tensor bias, String dataFormat) {
        int[] bs = bias.shapeRef();
        if (bias.rank() != 1 && bias.rank() != xRank) {
            throw new IllegalArgumentException("Unexpected bias dimensions: " + bias.rank() + "; expected it to be 1 or "
                    + xRank);
        }
        boolean first = "channelsFirst".equals(dataFormat);
        if (xRank == 5) {
            if (first) {
                return bs.length == 1 ? Transform.reshape(bias, 1, bs[0], 1, 1, 1)
                        : Transform.reshape(bias, 1, bs[3], bs[0], bs[1], bs[2]);
            }
            return bs.length == 1 ? Transform.reshape(bias, 1, 1, 1, 1, bs[0]) : Transform.reshape(bias, prepend1(bs));
        } else if (xRank == 4) {
            if (first) {
                return bs.length == 1 ? Transform.reshape(bias, 1, bs[0], 1, 1)
                        : Transform.reshape(bias, 1, bs[2], bs[0], bs[1]);
            }
            return bs.length == 1 ? Transform.reshape(bias, 1, 1, 1, bs[0]) : Transform.reshape(bias, prepend1(bs));
        } else if (xRank == 3) {
            if (first) {
                return bs.length == 1 ? Transform.reshape(bias, 1, bs[0], 1) : Transform.reshape(bias, 1, bs[1], bs[0]);
            }
            return bs.length == 1 ? Transform.reshape(bias, 1, 1, bs[0]) : Transform.reshape(bias, prepend1(bs));
        } else if (xRank < 3) {
            return bias;
        }
        throw new IllegalArgumentException("Unsupported input rank by biasAdd: " + bias.rank());
    }

    private static Tensor reshapeBias(int xRank, Tensor bias) {
        return reshapeBias(xRank, bias, "channelsLast");
    }

    private static int[] prepend1(int[] s) {
        int[] out = new int[s.length + 1];
        out[0] = 1;
        System.arraycopy(s, 0, out, 1, s.length);
        return out;
    }

    /** TF.js's K.biasAdd(x, bias, dataFormat): x + bias reshaped for x's rank. */
    public static Tensor biasAdd(Tensor x, Tensor bias, String dataFormat) {
        return OpSupport.op("biasAdd", () -> {
            String df = dataFormat == null ? "channelsLast" : dataFormat;
            checkDataFormat(df);
            return Arithmetic.add(x, reshapeBias(x.rank(), bias, df));
        });
    }

    /** Fails as TF.js's checkDataFormat does. */
    public static void checkDataFormat(String value) {
        if (value != null && !value.equals("channelsFirst") && !value.equals("channelsLast")) {
            throw new IllegalArgumentException(value + " is not a valid DataFormat.  Valid values are channelsFirst,"
                    + "channelsLast or null/undefined.");
        }
    }

    /**
     * TF.js's {@code tf.dropout(x, rate, noiseShape, seed)}: x times floor(uniform + keepProb) /
     * keepProb, the noise drawn with noiseShape (null dimensions take x's).
     */
    public static Tensor dropout(Tensor x, double rate, int[] noiseShape, String seed) {
        OpSupport.check(x, "x", "dropout");
        OpSupport.require(x.dtype() == DType.FLOAT32, "x has to be a floating point tensor since it's going to be "
                + "scaled, but got a " + x.dtype() + " tensor instead.");
        OpSupport.require(rate >= 0 && rate < 1, "rate must be a float in the range [0, 1), but got "
                + JsNumber.toString(rate) + ".");
        return OpSupport.op("dropout", () -> {
            if (rate == 0) {
                return x.clone();
            }
            int[] ns = noiseShape(x, noiseShape);
            double keepProb = 1 - rate;
            Tensor u = Random.randomUniform(ns, 0, 1, DType.FLOAT32, seed);
            Tensor multiplier = Arithmetic.div(Unary.floor(Arithmetic.add(u, scalar(keepProb))), scalar(keepProb));
            return Arithmetic.mul(x, multiplier);
        });
    }

    private static int[] noiseShape(Tensor x, int[] noiseShape) {
        int[] xs = x.shapeRef();
        if (noiseShape == null) {
            return xs.clone();
        }
        if (xs.length == noiseShape.length) {
            int[] out = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                out[i] = noiseShape[i] < 0 ? xs[i] : noiseShape[i];
            }
            return out;
        }
        return noiseShape;
    }

    /** TF.js's K.hardSigmoid: clip(0.2 x + 0.5, 0, 1). */
    public static Tensor hardSigmoid(Tensor x) {
        return OpSupport.op("hardSigmoid", () ->
                Unary.clipByValue(Arithmetic.add(scalar(.5), Arithmetic.mul(scalar(.2), x)), 0, 1));
    }

    /** TF.js's K.softsign: x / (|x| + 1). */
    public static Tensor softsign(Tensor x) {
        return OpSupport.op("softsign", () -> Arithmetic.div(x, Arithmetic.add(Unary.abs(x), scalar(1))));
    }

    /** TF.js's K.square: x * x. */
    public static Tensor square(Tensor x) {
        return Arithmetic.mul(x, x);
    }

    private static String join(int[] s) {
        return dev.samovar.core.Shapes.join(s);
    }

    /** Runs fn in a scope (TF.js's tidy) and returns its result. */
    public static <T> T tidy(java.util.function.Supplier<T> fn) {
        return Engine.get().tidy(fn);
    }
}
