package dev.samovar.ops;

/** Fused ops with bias and activation: tf.fused.matMul, conv2d, depthwiseConv2d. */
public final class Fused {
    private Fused() {
    }
}
