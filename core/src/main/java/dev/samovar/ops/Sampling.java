package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/** tf.dropout, tf.multinomial (kernel Multinomial) and tf.randomUniformInt, seeded as TF.js. */
public final class Sampling {
    private Sampling() {
    }

    /**
     * TF.js's getNoiseShape: x's shape when noiseShape is null or equal to it; of the same rank,
     * {@link Composite#ANY} entries take x's size; otherwise noiseShape itself.
     */
    static int[] noiseShape(int[] xShape, int[] noiseShape) {
        if (noiseShape == null) {
            return xShape.clone();
        }
        if (noiseShape.length != xShape.length) {
            return noiseShape.clone();
        }
        int[] out = noiseShape.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == Composite.ANY) {
                out[i] = xShape[i];
            }
        }
        return out;
    }

    /**
     * tf.dropout(x, rate, noiseShape, seed): x * floor(u + keepProb) / keepProb with u uniform in
     * [0, 1) of the noise shape (broadcast against x), as TF.js computes it; {@code seed} is the
     * seed's JavaScript text (null: unseeded). rate 0 gives a copy of x.
     */
    public static Tensor dropout(Tensor x, double rate, int[] noiseShape, String seed) {
        OpSupport.check(x, "x", "dropout");
        return OpSupport.op("dropout", () -> {
            OpSupport.require(x.dtype() == DType.FLOAT32, "x has to be a floating point tensor since it's going to be "
                    + "scaled, but got a " + x.dtype() + " tensor instead.");
            OpSupport.require(rate >= 0 && rate < 1, "rate must be a float in the range [0, 1), but got "
                    + JsNumber.toString(rate) + ".");
            if (rate == 0) {
                return x.clone();
            }
            int[] shape = noiseShape(x.shape(), noiseShape);
            for (int d : shape) {
                OpSupport.require(d >= 0, "Tensor must have a shape comprised of positive integers but got shape ["
                        + Shapes.join(shape) + "].");
            }
            double keepProb = 1 - rate;
            Tensor keep = Creation.scalar((float) keepProb);
            Tensor u = Random.randomUniform(shape, 0, 1, DType.FLOAT32, seed);
            Tensor multiplier = Arithmetic.div(Unary.floor(Arithmetic.add(u, keep)), keep);
            return Arithmetic.mul(x, multiplier);
        });
    }

    /**
     * tf.multinomial(logits, numSamples, seed, normalized = false): int32 draws of shape
     * [numSamples] (1-D logits) or [batch, numSamples]; {@code seed} is the seed's JavaScript text
     * (null: a random one, as TF.js does for a missing or zero seed).
     */
    public static Tensor multinomial(Tensor logits, int numSamples, String seed, boolean normalized) {
        OpSupport.check(logits, "logits", "multinomial");
        int numOutcomes = logits.size();
        int origRank = logits.rank();
        if (numOutcomes < 2) {
            throw new IllegalArgumentException("Error in multinomial: you need at least 2 outcomes, but got "
                    + numOutcomes + ".");
        }
        if (origRank > 2) {
            throw new IllegalArgumentException("Rank of probabilities must be 1 or 2, but is " + origRank);
        }
        String s = seed != null ? seed : JsNumber.toString(Math.random());
        return OpSupport.op("multinomial", () -> {
            Tensor logits2D = origRank == 1 ? Transform.reshape(logits, 1, -1) : logits;
            Tensor res = OpSupport.run("Multinomial",
                    Attrs.of().put("numSamples", numSamples).put("seed", s).put("normalized", normalized), logits2D);
            return origRank == 1 ? Transform.reshape(res, res.size()) : res;
        });
    }

    /** tf.randomUniformInt(shape, minval, maxval, seed): randomUniform with dtype int32. */
    public static Tensor randomUniformInt(int[] shape, double minval, double maxval, String seed) {
        return OpSupport.op("randomUniformInt",
                () -> Random.randomUniform(shape, minval, maxval, DType.INT32, seed));
    }
}
