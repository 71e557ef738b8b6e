package dev.samovar.ops;

import static dev.samovar.ops.Reduction.logSumExp;
import static dev.samovar.ops.Reduction.mean;
import static dev.samovar.ops.Reduction.sum;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * tf.losses: each loss computes elementwise losses and reduces them with
 * {@link #computeWeightedLoss}, composed from the same ops and in the same order as TF.js, so the
 * values round as TF.js's do.
 */
public final class Losses {
    private Losses() {
    }

    /** How elementwise losses are reduced (TF.js's {@code tf.Reduction}; same ordinals). */
    public enum Reduction {
        NONE, MEAN, SUM, SUM_BY_NONZERO_WEIGHTS;

        /** The reduction of TF.js's numeric value (0..3). */
        public static Reduction of(int value) {
            if (value < 0 || value >= values().length) {
                throw new IllegalArgumentException("Unknown reduction: " + value);
            }
            return values()[value];
        }
    }

    private static Reduction orDefault(Reduction r) {
        return r == null ? Reduction.SUM_BY_NONZERO_WEIGHTS : r;
    }

    /** Weights (optional, broadcast against the losses) and a reduction applied to losses. */
    public static Tensor computeWeightedLoss(Tensor losses, Tensor weights, Reduction reduction) {
        OpSupport.check(losses, "losses", "computeWeightedLoss");
        if (weights != null) {
            OpSupport.check(weights, "weights", "computeWeightedLoss");
        }
        Reduction red = orDefault(reduction);
        return OpSupport.op("computeWeightedLoss", () -> {
            Tensor weighted = weights == null ? losses : Arithmetic.mul(losses, weights);
            switch (red) {
                case NONE:
                    return weighted;
                case SUM:
                    return sum(weighted);
                case MEAN:
                    if (weights == null) {
                        return mean(weighted);
                    } else {
                        double broadcastFactor = (double) losses.size() / weights.size();
                        Tensor result = Arithmetic.div(sum(weighted), sum(weights));
                        return broadcastFactor > 1
                                ? Arithmetic.div(result, Creation.scalar((float) broadcastFactor)) : result;
                    }
                default:
                    if (weights == null) {
                        return Arithmetic.div(sum(weighted), Creation.scalar(losses.size()));
                    } else {
                        Tensor broadcastWeights = Arithmetic.mul(weights, Creation.ones(losses.shapeRef()));
                        Tensor numNonZeros = Transform.cast(sum(
                                Logic.notEqual(broadcastWeights, Creation.scalar(0))), DType.FLOAT32);
                        return Arithmetic.div(sum(weighted), numNonZeros);
                    }
            }
        });
    }

    private static void checkPair(Tensor labels, String labelsArg, Tensor predictions, String predictionsArg,
            Tensor weights, String op) {
        OpSupport.check(labels, labelsArg, op);
        OpSupport.check(predictions, predictionsArg, op);
        if (weights != null) {
            OpSupport.check(weights, "weights", op);
        }
        Shapes.assertShapesMatch(labels.shapeRef(), predictions.shapeRef(), "Error in " + op + ": ");
    }

    /** (labels - predictions)^2, weighted and reduced. */
    public static Tensor meanSquaredError(Tensor labels, Tensor predictions, Tensor weights, Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "meanSquaredError");
        return OpSupport.op("meanSquaredError", () -> computeWeightedLoss(
                Arithmetic.squaredDifference(labels, predictions), weights, reduction));
    }

    public static Tensor meanSquaredError(Tensor labels, Tensor predictions) {
        return meanSquaredError(labels, predictions, null, null);
    }

    /** |labels - predictions|, weighted and reduced. */
    public static Tensor absoluteDifference(Tensor labels, Tensor predictions, Tensor weights, Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "absoluteDifference");
        return OpSupport.op("absoluteDifference", () -> computeWeightedLoss(
                Unary.abs(Arithmetic.sub(labels, predictions)), weights, reduction));
    }

    /**
     * Softmax cross entropy of one-hot labels and logits over the last axis; {@code labelSmoothing}
     * moves labels toward 1/numClasses.
     */
    public static Tensor softmaxCrossEntropy(Tensor onehotLabels, Tensor logits, Tensor weights, double labelSmoothing,
            Reduction reduction) {
        checkPair(onehotLabels, "onehotLabels", logits, "logits", weights, "softmaxCrossEntropy");
        return OpSupport.op("softmaxCrossEntropy", () -> {
            Tensor labels = onehotLabels;
            if (labelSmoothing > 0) {
                Tensor smoothing = Creation.scalar((float) labelSmoothing);
                Tensor one = Creation.scalar(1);
                Tensor numClasses = Creation.scalar(labels.dim(1));
                labels = Arithmetic.add(Arithmetic.mul(labels, Arithmetic.sub(one, smoothing)),
                        Arithmetic.div(smoothing, numClasses));
            }
            return computeWeightedLoss(softmaxCrossEntropyWithLogits(labels, logits), weights, reduction);
        });
    }

    public static Tensor softmaxCrossEntropy(Tensor onehotLabels, Tensor logits) {
        return softmaxCrossEntropy(onehotLabels, logits, null, 0, null);
    }

    /**
     * -sum(labels * logSoftmax(logits)) over the last axis, with TF.js's custom gradient
     * (dy * (softmax - labels) for the logits), so training follows TF.js's numbers.
     */
    private static Tensor softmaxCrossEntropyWithLogits(Tensor labels, Tensor logits) {
        int dim = logits.rank() - 1;
        return Engine.get().runCustom(new Tensor[] {labels, logits}, save -> {
            Tensor lse = logSumExp(logits, new int[] {dim}, true);
            Tensor logResult = Arithmetic.sub(Transform.cast(logits, DType.FLOAT32), lse);
            save.save(labels, logResult);
            Tensor costVector = Unary.neg(Arithmetic.mul(logResult, labels));
            return sum(costVector, new int[] {dim}, false);
        }, (dy, saved) -> {
            int[] dyShape = Shapes.expandShapeToKeepDim(dy.shapeRef(), new int[] {dim});
            Tensor labelsF = Transform.cast(saved[0], DType.FLOAT32);
            Tensor probs = Unary.exp(saved[1]);
            Tensor dyR = Transform.reshape(dy, dyShape);
            return new Tensor[] {Arithmetic.mul(dyR, Arithmetic.sub(labelsF, probs)),
                Arithmetic.mul(Transform.reshape(dy, dyShape), Arithmetic.sub(Unary.exp(saved[1]), labelsF))};
        });
    }

    /**
     * Sigmoid cross entropy of multi-class labels and logits:
     * max(x, 0) - x * z + log(1 + exp(-|x|)); {@code labelSmoothing} moves labels toward 0.5.
     */
    public static Tensor sigmoidCrossEntropy(Tensor multiClassLabels, Tensor logits, Tensor weights,
            double labelSmoothing, Reduction reduction) {
        checkPair(multiClassLabels, "multiClassLabels", logits, "logits", weights, "sigmoidCrossEntropy");
        return OpSupport.op("sigmoidCrossEntropy", () -> {
            Tensor labels = multiClassLabels;
            if (labelSmoothing > 0) {
                Tensor smoothing = Creation.scalar((float) labelSmoothing);
                Tensor one = Creation.scalar(1);
                Tensor half = Creation.scalar(0.5f);
                labels = Arithmetic.add(Arithmetic.mul(labels, Arithmetic.sub(one, smoothing)),
                        Arithmetic.mul(half, smoothing));
            }
            Tensor z = labels;
            Tensor losses = OpSupport.op("sigmoidCrossEntropyWithLogits", () -> {
                Tensor maxOutput = Unary.relu(logits);
                Tensor outputXTarget = Arithmetic.mul(logits, z);
                Tensor sigmoidOutput = Unary.log1p(Unary.exp(Unary.neg(Unary.abs(logits))));
                return Arithmetic.add(Arithmetic.sub(maxOutput, outputXTarget), sigmoidOutput);
            });
            return computeWeightedLoss(losses, weights, reduction);
        });
    }

    public static Tensor sigmoidCrossEntropy(Tensor multiClassLabels, Tensor logits) {
        return sigmoidCrossEntropy(multiClassLabels, logits, null, 0, null);
    }

    /** Quadratic below {@code delta}, linear above, weighted and reduced. */
    public static Tensor huberLoss(Tensor labels, Tensor predictions, Tensor weights, double delta,
            Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "huberLoss");
        return OpSupport.op("huberLoss", () -> {
            Tensor deltaScalar = Creation.scalar((float) delta);
            Tensor error = Unary.abs(Arithmetic.sub(predictions, labels));
            Tensor quadratic = Arithmetic.minimum(error, deltaScalar);
            Tensor linear = Arithmetic.sub(error, quadratic);
            Tensor losses = Arithmetic.add(Arithmetic.mul(Creation.scalar(0.5f), Unary.square(quadratic)),
                    Arithmetic.mul(deltaScalar, linear));
            return computeWeightedLoss(losses, weights, reduction);
        });
    }

    public static Tensor huberLoss(Tensor labels, Tensor predictions) {
        return huberLoss(labels, predictions, null, 1.0, null);
    }

    /** -labels*log(p+eps) - (1-labels)*log(1-p+eps), weighted and reduced. */
    public static Tensor logLoss(Tensor labels, Tensor predictions, Tensor weights, double epsilon,
            Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "logLoss");
        return OpSupport.op("logLoss", () -> {
            Tensor one = Creation.scalar(1);
            Tensor eps = Creation.scalar((float) epsilon);
            Tensor l1 = Unary.neg(Arithmetic.mul(labels, Unary.log(Arithmetic.add(predictions, eps))));
            Tensor l2 = Arithmetic.mul(Arithmetic.sub(one, labels),
                    Unary.log(Arithmetic.add(Arithmetic.sub(one, predictions), eps)));
            return computeWeightedLoss(Arithmetic.sub(l1, l2), weights, reduction);
        });
    }

    public static Tensor logLoss(Tensor labels, Tensor predictions) {
        return logLoss(labels, predictions, null, 1e-7, null);
    }

    /** max(0, 1 - (2*labels - 1) * predictions), weighted and reduced. */
    public static Tensor hingeLoss(Tensor labels, Tensor predictions, Tensor weights, Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "hingeLoss");
        return OpSupport.op("hingeLoss", () -> {
            Tensor one = Creation.scalar(1);
            Tensor signed = Arithmetic.sub(Arithmetic.mul(Creation.scalar(2), labels), one);
            Tensor losses = Unary.relu(Arithmetic.sub(one, Arithmetic.mul(signed, predictions)));
            return computeWeightedLoss(losses, weights, reduction);
        });
    }

    public static Tensor hingeLoss(Tensor labels, Tensor predictions) {
        return hingeLoss(labels, predictions, null, null);
    }

    /** 1 - sum(labels * predictions) along {@code axis} (kept), weighted and reduced. */
    public static Tensor cosineDistance(Tensor labels, Tensor predictions, int axis, Tensor weights,
            Reduction reduction) {
        return cosineDistance(labels, predictions, new int[] {axis}, weights, reduction);
    }

    /** As {@link #cosineDistance(Tensor, Tensor, int, Tensor, Reduction)}; {@code axes} null sums every axis. */
    public static Tensor cosineDistance(Tensor labels, Tensor predictions, int[] axes, Tensor weights,
            Reduction reduction) {
        checkPair(labels, "labels", predictions, "predictions", weights, "cosineDistance");
        return OpSupport.op("cosineDistance", () -> {
            Tensor one = Creation.scalar(1);
            Tensor losses = Arithmetic.sub(one,
                    sum(Arithmetic.mul(labels, predictions), axes, true));
            return computeWeightedLoss(losses, weights, reduction);
        });
    }

    public static Tensor cosineDistance(Tensor labels, Tensor predictions, int axis) {
        return cosineDistance(labels, predictions, axis, null, null);
    }
}
