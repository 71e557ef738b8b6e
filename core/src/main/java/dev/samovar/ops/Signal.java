package dev.samovar.ops;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.signal's ops that need no complex numbers: frame, hannWindow, hammingWindow (TF.js's
 * signal/frame.js and signal_ops_util.js's cosineWindow). stft (and tf.spectral) need complex64,
 * which Samovar does not have.
 */
public final class Signal {
    private Signal() {
    }

    /**
     * tf.signal.frame(signal, frameLength, frameStep, padEnd = false, padValue = 0): the frames
     * [start, start + frameLength) for start = 0, frameStep, ... as rows of a [frames,
     * frameLength] tensor; with padEnd, the frames that run past the end are padded with
     * padValue. As in TF.js, the signal is sliced along its first axis and its size counts all
     * elements (so it is meant to be 1-D).
     */
    public static Tensor frame(Tensor signal, int frameLength, int frameStep, boolean padEnd, double padValue) {
        OpSupport.check(signal, "x", "slice");
        return OpSupport.op("frame", () -> {
            int size = signal.size();
            List<Tensor> output = new ArrayList<>();
            int start = 0;
            while (start + frameLength <= size) {
                output.add(slice(signal, start, frameLength));
                start += frameStep;
            }
            if (padEnd) {
                while (start < size) {
                    int padLen = start + frameLength - size;
                    output.add(Transform.concat(new Tensor[] {slice(signal, start, frameLength - padLen),
                        Creation.fill(new int[] {padLen}, padValue, DType.FLOAT32)}, 0));
                    start += frameStep;
                }
            }
            if (output.isEmpty()) {
                return Creation.tensor(new float[0], 0, frameLength);
            }
            return Transform.reshape(Transform.concat(output.toArray(new Tensor[0]), 0), output.size(), frameLength);
        });
    }

    /** TF.js's slice(x, begin, size) with numbers: along the first axis, the rest whole. */
    private static Tensor slice(Tensor x, int begin, int size) {
        int rank = x.rank();
        int[] b = new int[rank];
        int[] s = new int[rank];
        for (int i = 1; i < rank; i++) {
            s[i] = -1;
        }
        b[0] = begin;
        s[0] = size;
        return Transform.slice(x, b, s);
    }

    /** tf.signal.hannWindow(windowLength): 0.5 - 0.5 cos(2 pi i / (n + even - 1)), float32. */
    public static Tensor hannWindow(int windowLength) {
        return OpSupport.op("hannWindow", () -> cosineWindow(windowLength, 0.5, 0.5));
    }

    /** tf.signal.hammingWindow(windowLength): 0.54 - 0.46 cos(2 pi i / (n + even - 1)), float32. */
    public static Tensor hammingWindow(int windowLength) {
        return OpSupport.op("hammingWindow", () -> cosineWindow(windowLength, 0.54, 0.46));
    }

    /**
     * tf.cosineWindow(windowLength, a, b): a - b cos(2 pi i / (n + even - 1)), float32 (a window
     * of length 1 divides 0 by 0: NaN, as in TF.js).
     */
    public static Tensor cosineWindow(int windowLength, double a, double b) {
        if (windowLength < 0) {
            throw new IllegalArgumentException("Invalid typed array length: " + windowLength);
        }
        int even = 1 - windowLength % 2;
        float[] values = new float[windowLength];
        for (int i = 0; i < windowLength; i++) {
            double arg = (2.0 * Math.PI * i) / (windowLength + even - 1);
            values[i] = (float) (a - b * StrictMath.cos(arg));
        }
        return Creation.tensor(values, windowLength);
    }

    /** tf.enclosingPowerOfTwo(value): floor(2 ** ceil(log(value) / log(2))), as TF.js computes it. */
    public static double enclosingPowerOfTwo(double value) {
        return Math.floor(Math.pow(2, Math.ceil(StrictMath.log(value) / StrictMath.log(2.0))));
    }
}
