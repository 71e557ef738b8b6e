package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Nn;
import org.teavm.jso.JSExport;

/** softmax, logSoftmax, batchNorm, localResponseNormalization. */
public final class NnBridge {
    private NnBridge() {
    }

    @JSExport
    public static Tensor softmax(Tensor logits, int dim) {
        return Nn.softmax(logits, dim);
    }

    @JSExport
    public static Tensor logSoftmax(Tensor logits, int axis) {
        return Nn.logSoftmax(logits, axis);
    }

    /** {@code rank} 0 for tf.batchNorm, else 2, 3 or 4 for tf.batchNorm2d / 3d / 4d. */
    @JSExport
    public static Tensor batchNorm(int rank, Tensor x, Tensor mean, Tensor variance, Tensor offset, Tensor scale,
            double varianceEpsilon) {
        switch (rank) {
            case 2:
                return Nn.batchNorm2d(x, mean, variance, offset, scale, varianceEpsilon);
            case 3:
                return Nn.batchNorm3d(x, mean, variance, offset, scale, varianceEpsilon);
            case 4:
                return Nn.batchNorm4d(x, mean, variance, offset, scale, varianceEpsilon);
            default:
                return Nn.batchNorm(x, mean, variance, offset, scale, varianceEpsilon);
        }
    }

    @JSExport
    public static Tensor localResponseNormalization(Tensor x, double depthRadius, double bias, double alpha, double beta) {
        return Nn.localResponseNormalization(x, depthRadius, bias, alpha, beta);
    }

    // tf.signal (the ops that need no complex numbers).

    @JSExport
    public static Tensor signalFrame(Tensor signal, int frameLength, int frameStep, boolean padEnd, double padValue) {
        return dev.samovar.ops.Signal.frame(signal, frameLength, frameStep, padEnd, padValue);
    }

    @JSExport
    public static Tensor hannWindow(int windowLength) {
        return dev.samovar.ops.Signal.hannWindow(windowLength);
    }

    @JSExport
    public static Tensor hammingWindow(int windowLength) {
        return dev.samovar.ops.Signal.hammingWindow(windowLength);
    }

    @JSExport
    public static Tensor cosineWindow(int windowLength, double a, double b) {
        return dev.samovar.ops.Signal.cosineWindow(windowLength, a, b);
    }

    @JSExport
    public static double enclosingPowerOfTwo(double value) {
        return dev.samovar.ops.Signal.enclosingPowerOfTwo(value);
    }
}
