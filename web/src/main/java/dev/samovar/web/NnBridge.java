package dev.samovar.web;

/** softmax, logSoftmax, batchNorm, localResponseNormalization. */
public final class NnBridge {
    private NnBridge() {
    }

}
