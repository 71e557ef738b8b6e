package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Losses;
import dev.samovar.ops.Losses.Reduction;
import org.teavm.jso.JSExport;

/** tf.losses; {@code weights} may be null; {@code reduction} is TF.js's tf.Reduction value (0..3). */
public final class LossesBridge {
    private LossesBridge() {
    }

    @JSExport
    public static Tensor computeWeightedLoss(Tensor losses, Tensor weights, int reduction) {
        return Losses.computeWeightedLoss(losses, weights, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor meanSquaredError(Tensor labels, Tensor predictions, Tensor weights, int reduction) {
        return Losses.meanSquaredError(labels, predictions, weights, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor absoluteDifference(Tensor labels, Tensor predictions, Tensor weights, int reduction) {
        return Losses.absoluteDifference(labels, predictions, weights, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor softmaxCrossEntropy(Tensor labels, Tensor logits, Tensor weights, double labelSmoothing,
            int reduction) {
        return Losses.softmaxCrossEntropy(labels, logits, weights, labelSmoothing, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor sigmoidCrossEntropy(Tensor labels, Tensor logits, Tensor weights, double labelSmoothing,
            int reduction) {
        return Losses.sigmoidCrossEntropy(labels, logits, weights, labelSmoothing, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor huberLoss(Tensor labels, Tensor predictions, Tensor weights, double delta, int reduction) {
        return Losses.huberLoss(labels, predictions, weights, delta, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor logLoss(Tensor labels, Tensor predictions, Tensor weights, double epsilon, int reduction) {
        return Losses.logLoss(labels, predictions, weights, epsilon, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor hingeLoss(Tensor labels, Tensor predictions, Tensor weights, int reduction) {
        return Losses.hingeLoss(labels, predictions, weights, Reduction.of(reduction));
    }

    @JSExport
    public static Tensor cosineDistance(Tensor labels, Tensor predictions, int[] axis, Tensor weights,
            int reduction) {
        return Losses.cosineDistance(labels, predictions, axis, weights, Reduction.of(reduction));
    }
}
