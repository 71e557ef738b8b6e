package dev.samovar.layers.training;

import dev.samovar.core.Tensor;

/** A loss or metric: per-sample values from targets and predictions (TF.js's LossOrMetricFn). */
@FunctionalInterface
public interface LossFunction {
    Tensor apply(Tensor yTrue, Tensor yPred);
}
