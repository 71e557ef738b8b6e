package dev.samovar.random;

import dev.samovar.core.JsNumber;

/**
 * Gamma samples by Marsaglia and Tsang's method, with the same draws as TF.js's {@code RandGamma}:
 * one Alea generator for the uniforms, whose first value (written as JavaScript writes numbers)
 * seeds the {@link GaussianRandom} of the normal draws; int32 output rounds the normal draws and
 * the result, as TF.js does.
 */
public final class GammaRandom {
    private final double alpha;
    private final double beta;
    private final boolean round;
    private final Alea randu;
    private final GaussianRandom randn;
    private final double d;
    private final double c;

    /**
     * @param alpha shape parameter
     * @param beta  rate parameter (the scale is its inverse)
     * @param round int32 output: round samples as Math.round
     * @param seed  the seed string
     */
    public GammaRandom(double alpha, double beta, boolean round, String seed) {
        this.alpha = alpha;
        this.beta = 1 / beta;
        this.round = round;
        this.randu = new Alea(seed);
        double first = randu.next();
        // TF.js passes the number itself, which MPRandGauss writes out (and ignores when 0).
        this.randn = new GaussianRandom(0, 1, round, false,
                first == 0 ? JsNumber.toString(Math.random()) : JsNumber.toString(first));
        this.d = alpha < 1 ? alpha + (2.0 / 3) : alpha - (1.0 / 3);
        this.c = 1 / Math.sqrt(9 * d);
    }

    /** The next sample. */
    public double next() {
        double x;
        double v;
        while (true) {
            do {
                x = randn.next();
                v = 1 + (c * x);
            } while (v <= 0);
            v *= v * v;
            double x2 = x * x;
            double v0 = 1 - (0.331 * x2 * x2);
            double v1 = (0.5 * x2) + (d * (1 - v + StrictMath.log(v)));
            double u = randu.next();
            if (u < v0 || StrictMath.log(u) < v1) {
                break;
            }
        }
        v = (1 / beta) * d * v;
        if (alpha < 1) {
            v *= StrictMath.pow(randu.next(), 1 / alpha);
        }
        return round ? GaussianRandom.jsRound(v) : v;
    }
}
