package dev.samovar.ops;

/** Comparisons, logical ops and selection: tf.equal, less, logicalAnd, where, ... */
public final class Logic {
    private Logic() {
    }
}
