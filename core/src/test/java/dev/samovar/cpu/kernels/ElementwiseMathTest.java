package dev.samovar.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The hand-written transcendental functions against the JVM's fdlibm ({@link StrictMath}), which is
 * what V8 runs for JavaScript's {@code Math}: within a few ulps of a double everywhere, so that the
 * float32 results of the kernels are the same as TF.js's.
 */
class ElementwiseMathTest {
    private static final int SAMPLES = 200_000;

    /** Random doubles: uniform in [-range, range], and log-uniform magnitudes from 1e-12 to range. */
    private static double[] samples(long seed, double range) {
        Random r = new Random(seed);
        double[] x = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double m = i % 2 == 0 ? r.nextDouble() * range
                    : Math.exp(Math.log(1e-12) + r.nextDouble() * (Math.log(range) - Math.log(1e-12)));
            x[i] = r.nextBoolean() ? m : -m;
        }
        return x;
    }

    private static void assertUlps(String name, DoubleUnaryOperator actual, DoubleUnaryOperator expected,
            double[] xs, double maxUlps) {
        double worst = 0;
        double worstX = 0;
        for (double x : xs) {
            double a = actual.applyAsDouble(x);
            double e = expected.applyAsDouble(x);
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertEquals(e, a, name + "(" + x + ")");
                continue;
            }
            double ulps = Math.abs(a - e) / Math.ulp(e);
            if (ulps > worst) {
                worst = ulps;
                worstX = x;
            }
        }
        assertTrue(worst <= maxUlps, name + ": " + worst + " ulps at x = " + worstX);
    }

    @Test
    void expm1IsFdlibmNearZeroAndCloseElsewhere() {
        // Below 0.5 ln2 the polynomial is fdlibm's own: the same double.
        assertUlps("expm1", ElementwiseMath::expm1, StrictMath::expm1, samples(1, 0.34), 0);
        assertUlps("expm1", ElementwiseMath::expm1, StrictMath::expm1, samples(2, 700), 4);
    }

    @Test
    void log1pIsClose() {
        double[] xs = samples(3, 1e6);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.max(xs[i], -1 + 1e-9);
        }
        assertUlps("log1p", ElementwiseMath::log1p, StrictMath::log1p, xs, 4);
    }

    @Test
    void hyperbolicFunctionsAreClose() {
        assertUlps("sinh", ElementwiseMath::sinh, StrictMath::sinh, samples(4, 720), 6);
        assertUlps("cosh", ElementwiseMath::cosh, StrictMath::cosh, samples(5, 720), 6);
        assertUlps("tanh", ElementwiseMath::tanh, StrictMath::tanh, samples(6, 30), 6);
    }

    @Test
    void inverseHyperbolicFunctionsInvertTheirFunctions() {
        for (double x : samples(7, 20)) {
            double y = StrictMath.sinh(x);
            assertEquals(x, ElementwiseMath.asinh(y), 4 * Math.ulp(x) + 1e-300, "asinh(sinh(" + x + "))");
        }
        for (double x : samples(8, 20)) {
            double ax = Math.abs(x);
            double y = StrictMath.cosh(ax);
            // acosh is ill-conditioned near 1: compare in y.
            assertEquals(y, StrictMath.cosh(ElementwiseMath.acosh(y)), 4 * Math.ulp(y), "cosh(acosh(" + y + "))");
        }
        for (double x : samples(9, 18)) {
            double y = StrictMath.tanh(x);
            if (Math.abs(y) < 1) {
                assertEquals(y, StrictMath.tanh(ElementwiseMath.atanh(y)), 4 * Math.ulp(y), "tanh(atanh(" + y + "))");
            }
        }
    }

    @Test
    void specialValues() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(-0.0, ElementwiseMath.expm1(-0.0));
        assertEquals(-1.0, ElementwiseMath.expm1(-inf));
        assertEquals(inf, ElementwiseMath.expm1(inf));
        assertEquals(nan, ElementwiseMath.expm1(nan));
        assertEquals(-inf, ElementwiseMath.log1p(-1));
        assertEquals(nan, ElementwiseMath.log1p(-2));
        assertEquals(inf, ElementwiseMath.log1p(inf));
        assertEquals(-0.0, ElementwiseMath.log1p(-0.0));
        assertEquals(-inf, ElementwiseMath.sinh(-inf));
        assertEquals(inf, ElementwiseMath.cosh(-inf));
        assertEquals(-1.0, ElementwiseMath.tanh(-inf));
        assertEquals(nan, ElementwiseMath.tanh(nan));
        assertEquals(-inf, ElementwiseMath.asinh(-inf));
        assertEquals(0.0, ElementwiseMath.acosh(1));
        assertEquals(nan, ElementwiseMath.acosh(0.5));
        assertEquals(inf, ElementwiseMath.acosh(inf));
        assertEquals(-inf, ElementwiseMath.atanh(-1));
        assertEquals(nan, ElementwiseMath.atanh(1.5));
        assertEquals(-0.0, ElementwiseMath.atanh(-0.0));
    }

    @Test
    void tfjsKernelFormulas() {
        assertEquals(2.0, ElementwiseMath.round(2.5));
        assertEquals(4.0, ElementwiseMath.round(3.5));
        assertEquals(-2.0, ElementwiseMath.round(-2.5));
        assertEquals(-0.0, ElementwiseMath.round(-0.2));
        assertEquals(1.0, ElementwiseMath.mod(-5, 3));
        assertEquals(-1.0, ElementwiseMath.mod(5, -3));
        assertEquals(0.0, ElementwiseMath.relu(-0.0));
        assertEquals(nan(), ElementwiseMath.relu(Double.NaN));
        assertEquals(6.0, ElementwiseMath.relu6(1e9));
        assertEquals(0.0, ElementwiseMath.sign(Double.NaN));
        assertEquals(0.5, ElementwiseMath.step(-1, 0.5));
        assertEquals(nan(), ElementwiseMath.step(Double.NaN, 0.5));
        assertEquals(14.0, ElementwiseMath.softplus(14.0));
        assertEquals(StrictMath.exp(-14.0), ElementwiseMath.softplus(-14.0));
    }

    private static double nan() {
        return Double.NaN;
    }
}
