package dev.samovar.cpu.kernels;

/**
 * The scalar functions of the elementwise kernels, computed in double precision as JavaScript's
 * {@code Math} does in TF.js's CPU backend.
 *
 * <p>{@code exp}, {@code log}, the trigonometric functions, {@code atan2} and {@code pow} go to
 * {@link StrictMath}: fdlibm on the JVM, the engine's own {@code Math} once TeaVM has compiled the
 * code (V8 also uses fdlibm). TeaVM's {@code expm1}, {@code log1p} and hyperbolic functions are
 * naive formulas (inaccurate near 0, NaN for large arguments), so those are written here:
 * {@code expm1} with fdlibm's polynomial near 0, {@code log1p} with Kahan's formula, the hyperbolic
 * functions after fdlibm's algorithms, their word tests turned into comparisons with exact double
 * constants. They need no bit access (slow under TeaVM, where a long is a BigInt) and agree with V8
 * to a few ulps of a double, so the float32 results match TF.js's (ElementwiseMathTest).
 *
 * <p>Only compile-time constants here: a static initializer would make TeaVM check it at every
 * call.
 */
final class ElementwiseMath {
    private ElementwiseMath() {
    }

    static final double LN2 = 6.93147180559945286227e-01;
    /** 2^-55, 2^-28, 2^28. */
    private static final double TWO_M55 = 0x1p-55;
    private static final double TWO_M28 = 0x1p-28;
    private static final double TWO_28 = 0x1p28;
    /** The smallest double whose high word exceeds 0x41b00000 (fdlibm's "|x| &gt; 2^28"). */
    private static final double ABOVE_TWO_28 = 0x1.00001p28;
    /** The smallest double whose high word exceeds 0x40000000 (fdlibm's "|x| &gt; 2"). */
    private static final double ABOVE_TWO = 0x1.00001p1;
    /** High word 0x40862E42: about log(Double.MAX_VALUE). */
    private static final double LN_MAX = 0x1.62e42p9;
    /** fdlibm's overflow threshold of sinh/cosh (0x408633CE_8fb9f87d). */
    private static final double OVERFLOW = 0x1.633ce8fb9f87dp9;
    /** High word 0x3fd62e43: about 0.5 * ln2. */
    private static final double HALF_LN2 = 0x1.62e43p-2;

    /** backend_util.SELU_SCALE and SELU_SCALEALPHA of TF.js. */
    static final double SELU_SCALE = 1.0507009873554805;
    static final double SELU_SCALE_ALPHA = 1.7580993408473768;
    /** TF.js's softplus threshold: log(2^-23) + 2. */
    static final double SOFTPLUS_THRESHOLD = -13.942385152878742;
    /** backend_util.ERF_* of TF.js (Abramowitz and Stegun 7.1.26). */
    static final double ERF_P = 0.3275911;
    static final double ERF_A1 = 0.254829592;
    static final double ERF_A2 = -0.284496736;
    static final double ERF_A3 = 1.421413741;
    static final double ERF_A4 = -1.453152027;
    static final double ERF_A5 = 1.061405429;

    static double exp(double x) {
        return StrictMath.exp(x);
    }

    static double log(double x) {
        return StrictMath.log(x);
    }

    static double sin(double x) {
        return StrictMath.sin(x);
    }

    static double cos(double x) {
        return StrictMath.cos(x);
    }

    static double tan(double x) {
        return StrictMath.tan(x);
    }

    static double asin(double x) {
        return StrictMath.asin(x);
    }

    static double acos(double x) {
        return StrictMath.acos(x);
    }

    static double atan(double x) {
        return StrictMath.atan(x);
    }

    static double atan2(double y, double x) {
        return StrictMath.atan2(y, x);
    }

    static double pow(double x, double y) {
        return StrictMath.pow(x, y);
    }

    /** fdlibm's expm1 coefficients. */
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;

    /**
     * e^x - 1. For |x| &lt;= 0.5 ln2, fdlibm's own polynomial (bit for bit what V8 computes); above,
     * exp(x) - 1, which loses at most a few ulps there (e^x - 1 &gt;= 0.29 |e^x|).
     */
    static double expm1(double x) {
        double ax = Math.abs(x);
        if (ax >= HALF_LN2) {
            return exp(x) - 1.0;
        }
        if (ax < 0x1p-54) {
            return x;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        return x - (x * e - hxs);
    }

    /** log(1 + x), accurate near 0 (Kahan's formula). */
    static double log1p(double x) {
        double u = 1.0 + x;
        if (u == 1.0) {
            return x;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return x == Double.POSITIVE_INFINITY ? x : log(u);
        }
        return log(u) * x / (u - 1.0);
    }

    static double sinh(double x) {
        if (x != x || Double.isInfinite(x)) {
            return x + x;
        }
        double h = x < 0 ? -0.5 : 0.5;
        double ax = Math.abs(x);
        if (ax < 22) {
            if (ax < TWO_M28) {
                return x;
            }
            double t = expm1(ax);
            if (ax < 1) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ax < LN_MAX) {
            return h * exp(ax);
        }
        if (ax <= OVERFLOW) {
            double w = exp(0.5 * ax);
            double t = h * w;
            return t * w;
        }
        return x * 1.0e307;
    }

    static double cosh(double x) {
        if (x != x || Double.isInfinite(x)) {
            return x * x;
        }
        double ax = Math.abs(x);
        if (ax < HALF_LN2) {
            double t = expm1(ax);
            double w = 1.0 + t;
            if (ax < TWO_M55) {
                return w;
            }
            return 1.0 + (t * t) / (w + w);
        }
        if (ax < 22) {
            double t = exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ax < LN_MAX) {
            return 0.5 * exp(ax);
        }
        if (ax <= OVERFLOW) {
            double w = exp(0.5 * ax);
            double t = 0.5 * w;
            return t * w;
        }
        return Double.POSITIVE_INFINITY;
    }

    static double tanh(double x) {
        if (x != x) {
            return x;
        }
        double ax = Math.abs(x);
        double z;
        if (ax < 22) {
            if (ax < TWO_M55) {
                return x * (1.0 + x);
            }
            if (ax >= 1) {
                double t = expm1(2.0 * ax);
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = expm1(-2.0 * ax);
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0;
        }
        return x >= 0 ? z : -z;
    }

    static double asinh(double x) {
        if (x != x || Double.isInfinite(x)) {
            return x + x;
        }
        double ax = Math.abs(x);
        if (ax < TWO_M28) {
            return x;
        }
        double w;
        if (ax >= ABOVE_TWO_28) {
            w = log(ax) + LN2;
        } else if (ax >= ABOVE_TWO) {
            w = log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return x > 0 ? w : -w;
    }

    static double acosh(double x) {
        if (x != x || x < 1) {
            return Double.NaN;
        }
        if (x >= TWO_28) {
            if (Double.isInfinite(x)) {
                return x + x;
            }
            return log(x) + LN2;
        }
        if (x == 1) {
            return 0.0;
        }
        if (x >= ABOVE_TWO) {
            double t = x * x;
            return log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    static double atanh(double x) {
        double ax = Math.abs(x);
        if (ax > 1) {
            return Double.NaN;
        }
        if (ax == 1) {
            return x / 0.0;
        }
        if (ax < TWO_M28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * log1p((ax + ax) / (1.0 - ax));
        }
        return x >= 0 ? t : -t;
    }

    // ------------------------------------------------------------ TF.js's kernel formulas

    /** Math.max(0, x): NaN stays NaN, -0 becomes +0. */
    static double relu(double x) {
        return x > 0 || x != x ? x : 0;
    }

    /** Math.min(Math.max(0, x), 6). */
    static double relu6(double x) {
        return x > 0 ? (x < 6 ? x : 6) : (x != x ? x : 0);
    }

    static double sign(double x) {
        return x < 0 ? -1 : (x > 0 ? 1 : 0);
    }

    /** Round half to even, as TF.js's Round kernel. */
    static double round(double x) {
        double base = Math.floor(x);
        double d = x - base;
        if (d < 0.5) {
            return base;
        }
        if (d > 0.5) {
            return Math.ceil(x);
        }
        return base % 2.0 == 0.0 ? base : base + 1.0;
    }

    static double sigmoid(double x) {
        return 1 / (1 + exp(-x));
    }

    static double elu(double x) {
        return x >= 0 ? x : exp(x) - 1;
    }

    static double selu(double x) {
        return x >= 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * (exp(x) - 1);
    }

    static double softplus(double x) {
        if (x < SOFTPLUS_THRESHOLD) {
            return exp(x);
        }
        if (x > -SOFTPLUS_THRESHOLD) {
            return x;
        }
        return log(1.0 + exp(x));
    }

    static double erf(double x) {
        double s = Math.signum(x);
        double v = Math.abs(x);
        double t = 1.0 / (1.0 + ERF_P * v);
        return s * (1.0 - (((((ERF_A5 * t + ERF_A4) * t) + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t * exp(-v * v));
    }

    static double step(double x, double alpha) {
        if (x != x) {
            return x;
        }
        return x > 0 ? 1 : alpha;
    }

    static double clip(double x, double min, double max) {
        if (x > max) {
            return max;
        }
        return x < min ? min : x;
    }

    /** TF.js's Mod: the remainder takes the sign of the divisor. */
    static double mod(double a, double b) {
        double rem = a % b;
        if ((a < 0 && b < 0) || (a >= 0 && b >= 0)) {
            return rem;
        }
        return (rem + b) % b;
    }
}
