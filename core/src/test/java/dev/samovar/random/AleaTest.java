package dev.samovar.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Alea and the polar-method Gaussians give the sequences of seedrandom and TF.js. */
class AleaTest {
    @Test
    void firstValuesMatchSeedrandom() {
        // seedrandom 3.0.5: require('seedrandom').alea(seed)() four times.
        check("42", 0.6848634963389486, 0.5463244677521288, 0.8455933185759932, 0.19908552314154804);
        check("hello", 0.8750656815245748, 0.33650841237977147, 0.6642807484604418, 0.5072691291570663);
        check("0.5", 0.05934533127583563, 0.5203025210648775, 0.11865817313082516, 0.009800460422411561);
        check("", 0.1666577742435038, 0.4869158477522433, 0.00011322717182338238, 0.9002609080635011);
    }

    private static void check(String seed, double... expected) {
        Alea a = new Alea(seed);
        for (double e : expected) {
            assertEquals(e, a.next(), 0.0, "seed '" + seed + "'");
        }
    }

    @Test
    void gaussianMatchesTfjs() {
        // tf.randomNormal([5], 0, 1, 'float32', 42).dataSync()
        GaussianRandom g = new GaussianRandom(0, 1, false, false, "42");
        float[] expected = {1.9053093194961548f, 0.4774465560913086f, 0.4454464018344879f, -0.38785839080810547f,
            0.07017837464809418f};
        for (float e : expected) {
            assertEquals(e, (float) g.next(), 0f);
        }
        // tf.truncatedNormal([7], 1, 2, 'float32', 7).dataSync()
        g = new GaussianRandom(1, 2, false, true, "7");
        float[] truncated = {-1.7421056032180786f, 1.0585734844207764f, -1.1843732595443726f, -1.3548396825790405f,
            3.601376533508301f, 0.6095999479293823f, 4.162483215332031f};
        for (float e : truncated) {
            assertEquals(e, (float) g.next(), 0f);
        }
    }

    @Test
    void jsRoundRoundsHalvesUp() {
        assertEquals(-2.0, GaussianRandom.jsRound(-2.5));
        assertEquals(3.0, GaussianRandom.jsRound(2.5));
        assertEquals(0.0, GaussianRandom.jsRound(0.49999999999999994));
        assertEquals(-1.0, GaussianRandom.jsRound(-1.2));
    }
}
