package dev.samovar.ops;

/** Pooling (NHWC): tf.maxPool, avgPool, pool. */
public final class Pool {
    private Pool() {
    }
}
