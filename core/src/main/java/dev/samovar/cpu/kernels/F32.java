package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
/**
 * Rounding to float32 that holds in the browser too: TeaVM compiles {@code (float) x} to nothing,
 * but a store into a {@code float[]} (a Float32Array) rounds, as TF.js's stores do.
 */
public final class F32 {
    private static final float[] CELL = Cpu.newFloats(1);

    private F32() {
    }

    /** {@code x} rounded to the nearest float32, as a double (JavaScript's Math.fround). */
    public static double round(double x) {
        CELL[0] = (float) x;
        return CELL[0];
    }
}
