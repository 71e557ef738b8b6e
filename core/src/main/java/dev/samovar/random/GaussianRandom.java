package dev.samovar.random;

/**
 * Normal samples by Marsaglia's polar method, drawing uniforms from {@link Alea}, with the same
 * sequence of draws as TF.js's {@code MPRandGauss}: samples come in pairs (the second is kept for
 * the next call), a truncated generator redraws pairs whose first value lies beyond two standard
 * deviations and drops a second value that does, and int32 samples are rounded as
 * JavaScript's {@code Math.round}.
 */
public final class GaussianRandom {
    private final double mean;
    private final double stdDev;
    private final boolean round;
    private final boolean truncated;
    private final double upper;
    private final double lower;
    private final Alea random;
    private double nextVal = Double.NaN;

    /**
     * @param round     round samples to integers (int32 output)
     * @param truncated redraw samples more than two standard deviations from the mean
     * @param seed      the seed string
     */
    public GaussianRandom(double mean, double stdDev, boolean round, boolean truncated, String seed) {
        this.mean = mean;
        this.stdDev = stdDev;
        this.round = round;
        this.truncated = truncated;
        this.upper = mean + stdDev * 2;
        this.lower = mean - stdDev * 2;
        this.random = new Alea(seed);
    }

    /** The next sample. */
    public double next() {
        if (!Double.isNaN(nextVal)) {
            double v = nextVal;
            nextVal = Double.NaN;
            return v;
        }
        double resultX;
        double resultY;
        while (true) {
            double v1;
            double v2;
            double s;
            do {
                v1 = 2 * random.next() - 1;
                v2 = 2 * random.next() - 1;
                s = v1 * v1 + v2 * v2;
            } while (s >= 1 || s == 0);
            double mul = Math.sqrt(-2.0 * StrictMath.log(s) / s);
            resultX = mean + stdDev * v1 * mul;
            resultY = mean + stdDev * v2 * mul;
            if (!truncated || isValidTruncated(resultX)) {
                break;
            }
        }
        if (!truncated || isValidTruncated(resultY)) {
            nextVal = convert(resultY);
        }
        return convert(resultX);
    }

    private boolean isValidTruncated(double v) {
        return v <= upper && v >= lower;
    }

    private double convert(double v) {
        return round ? jsRound(v) : v;
    }

    /** JavaScript's Math.round: the nearest integer, halves toward +Infinity. */
    public static double jsRound(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.floor(v);
        return v - f >= 0.5 ? f + 1 : f;
    }
}
