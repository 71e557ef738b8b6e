package dev.samovar.ops;

/** Neural-network ops: tf.softmax, logSoftmax, batchNorm, localResponseNormalization. */
public final class Nn {
    private Nn() {
    }
}
