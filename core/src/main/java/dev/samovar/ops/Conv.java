package dev.samovar.ops;

/** Convolutions (NHWC): tf.conv1d, conv2d, depthwiseConv2d, separableConv2d, conv2dTranspose. */
public final class Conv {
    private Conv() {
    }
}
