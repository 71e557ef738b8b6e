package dev.samovar.web;

/** tf.fused.*: ops with bias and activation. */
public final class FusedBridge {
    private FusedBridge() {
    }

}
