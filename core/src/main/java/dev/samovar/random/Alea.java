package dev.samovar.random;

/**
 * Johannes Baagøe's Alea generator, seeded from a string the way the {@code seedrandom} package's
 * {@code alea} does (the generator TF.js uses for its seeded random ops), so that a seed gives the
 * very same sequence as in TF.js. Every step is plain double arithmetic, exact on the JVM and in
 * JavaScript alike.
 */
public final class Alea {
    /** 2^-32. */
    private static final double INV_2_32 = 2.3283064365386963e-10;
    private static final double TWO_32 = 4294967296.0;

    private double s0;
    private double s1;
    private double s2;
    private double carry;

    /** A generator seeded with {@code seed} (what TF.js passes: {@code seed.toString()}). */
    public Alea(String seed) {
        Mash mash = new Mash();
        carry = 1;
        s0 = mash.hash(" ");
        s1 = mash.hash(" ");
        s2 = mash.hash(" ");
        s0 -= mash.hash(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        s1 -= mash.hash(seed);
        if (s1 < 0) {
            s1 += 1;
        }
        s2 -= mash.hash(seed);
        if (s2 < 0) {
            s2 += 1;
        }
    }

    /** The next value, uniform in [0, 1) with 32 bits of randomness. */
    public double next() {
        double t = 2091639 * s0 + carry * INV_2_32;
        s0 = s1;
        s1 = s2;
        // t is in [0, 2091640): truncation is JavaScript's t | 0.
        carry = (int) t;
        s2 = t - carry;
        return s2;
    }

    /** JavaScript's {@code x >>> 0} for a finite number. */
    static double toUint32(double x) {
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        t = t % TWO_32;
        if (t < 0) {
            t += TWO_32;
        }
        return t;
    }

    /** Baagøe's Mash hash: its state carries over from one call to the next. */
    private static final class Mash {
        private double n = 4022871197.0; // 0xefc8249d

        double hash(String data) {
            for (int i = 0; i < data.length(); i++) {
                n += data.charAt(i);
                double h = 0.02519603282416938 * n;
                n = toUint32(h);
                h -= n;
                h *= n;
                n = toUint32(h);
                h -= n;
                n += h * TWO_32;
            }
            return toUint32(n) * INV_2_32;
        }
    }
}
