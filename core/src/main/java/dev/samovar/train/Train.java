package dev.samovar.train;

/**
 * The optimizers, as TF.js's {@code tf.train.*} makes them, with TF.js's defaults. An epsilon of
 * null means the backend's epsilon (1e-7).
 */
public final class Train {
    private Train() {
    }

    public static SGDOptimizer sgd(double learningRate) {
        return new SGDOptimizer(learningRate);
    }

    public static MomentumOptimizer momentum(double learningRate, double momentum) {
        return new MomentumOptimizer(learningRate, momentum, false);
    }

    public static MomentumOptimizer momentum(double learningRate, double momentum, boolean useNesterov) {
        return new MomentumOptimizer(learningRate, momentum, useNesterov);
    }

    /** RMSProp with decay 0.9, no momentum, not centered. */
    public static RMSPropOptimizer rmsprop(double learningRate) {
        return new RMSPropOptimizer(learningRate, 0.9, 0.0, null, false);
    }

    public static RMSPropOptimizer rmsprop(double learningRate, double decay, double momentum, Double epsilon,
            boolean centered) {
        return new RMSPropOptimizer(learningRate, decay, momentum, epsilon, centered);
    }

    /** Adam with learning rate 0.001, beta1 0.9, beta2 0.999. */
    public static AdamOptimizer adam() {
        return adam(0.001);
    }

    public static AdamOptimizer adam(double learningRate) {
        return new AdamOptimizer(learningRate, 0.9, 0.999, null);
    }

    public static AdamOptimizer adam(double learningRate, double beta1, double beta2, Double epsilon) {
        return new AdamOptimizer(learningRate, beta1, beta2, epsilon);
    }

    /** Adadelta with learning rate 0.001, rho 0.95. */
    public static AdadeltaOptimizer adadelta() {
        return adadelta(0.001);
    }

    public static AdadeltaOptimizer adadelta(double learningRate) {
        return new AdadeltaOptimizer(learningRate, 0.95, null);
    }

    public static AdadeltaOptimizer adadelta(double learningRate, double rho, Double epsilon) {
        return new AdadeltaOptimizer(learningRate, rho, epsilon);
    }

    /** Adamax with learning rate 0.002, beta1 0.9, beta2 0.999, no decay. */
    public static AdamaxOptimizer adamax() {
        return adamax(0.002);
    }

    public static AdamaxOptimizer adamax(double learningRate) {
        return new AdamaxOptimizer(learningRate, 0.9, 0.999, null, 0.0);
    }

    public static AdamaxOptimizer adamax(double learningRate, double beta1, double beta2, Double epsilon,
            double decay) {
        return new AdamaxOptimizer(learningRate, beta1, beta2, epsilon, decay);
    }

    /** Adagrad with initial accumulator value 0.1. */
    public static AdagradOptimizer adagrad(double learningRate) {
        return new AdagradOptimizer(learningRate, 0.1);
    }

    public static AdagradOptimizer adagrad(double learningRate, double initialAccumulatorValue) {
        return new AdagradOptimizer(learningRate, initialAccumulatorValue);
    }
}
