package dev.samovar.ops;

/** Seeded random tensors, reproducible as TF.js's (seedrandom alea): tf.randomUniform, randomNormal, truncatedNormal. */
public final class Random {
    private Random() {
    }
}
