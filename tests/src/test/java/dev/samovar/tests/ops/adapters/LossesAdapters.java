package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.ops.Losses;
import dev.samovar.ops.Losses.Reduction;
import dev.samovar.tests.ops.Args;

/** tf.losses.* onto dev.samovar.ops.Losses. */
public final class LossesAdapters {
    private LossesAdapters() {
    }

    private static Reduction reduction(Args a, int i) {
        return a.has(i) ? Reduction.of(a.i(i, 3)) : null;
    }

    public static void install() {
        register("losses.computeWeightedLoss", a -> Losses.computeWeightedLoss(a.t(0), a.t(1), reduction(a, 2)));
        register("losses.meanSquaredError", a -> Losses.meanSquaredError(a.t(0), a.t(1), a.t(2), reduction(a, 3)));
        register("losses.absoluteDifference",
                a -> Losses.absoluteDifference(a.t(0), a.t(1), a.t(2), reduction(a, 3)));
        register("losses.hingeLoss", a -> Losses.hingeLoss(a.t(0), a.t(1), a.t(2), reduction(a, 3)));
        register("losses.softmaxCrossEntropy",
                a -> Losses.softmaxCrossEntropy(a.t(0), a.t(1), a.t(2), a.d(3, 0), reduction(a, 4)));
        register("losses.sigmoidCrossEntropy",
                a -> Losses.sigmoidCrossEntropy(a.t(0), a.t(1), a.t(2), a.d(3, 0), reduction(a, 4)));
        register("losses.huberLoss", a -> Losses.huberLoss(a.t(0), a.t(1), a.t(2), a.d(3, 1.0), reduction(a, 4)));
        register("losses.logLoss", a -> Losses.logLoss(a.t(0), a.t(1), a.t(2), a.d(3, 1e-7), reduction(a, 4)));
        register("losses.cosineDistance",
                a -> Losses.cosineDistance(a.t(0), a.t(1), a.ints(2), a.t(3), reduction(a, 4)));
    }
}
