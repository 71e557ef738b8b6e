package dev.samovar.data;

import dev.samovar.core.JsNumber;
import dev.samovar.random.Alea;

/**
 * The random numbers of TF.js's {@code Dataset.shuffle}: seedrandom's alea, its {@code int32()}
 * ({@code (next() * 2^32) | 0}), the per-iteration seed ({@code int32()}, plus a second
 * {@code int32()} when reshuffling each iteration, as a decimal string) and the index choice
 * {@code floor(next() * n)}.
 */
public final class ShuffleRandom {
    private final Alea alea;

    public ShuffleRandom(String seed) {
        alea = new Alea(seed);
    }

    public double next() {
        return alea.next();
    }

    public int int32() {
        return JsNumber.toInt32(alea.next() * 4294967296.0);
    }

    /** The seed string of one iteration's shuffle. */
    public String iterationSeed(boolean reshuffleEachIteration) {
        double s = int32();
        if (reshuffleEachIteration) {
            s += int32();
        }
        return JsNumber.toString(s);
    }

    /** A uniform index in [0, n). */
    public int index(int n) {
        return (int) Math.floor(alea.next() * n);
    }
}
