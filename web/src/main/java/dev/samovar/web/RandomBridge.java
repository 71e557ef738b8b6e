package dev.samovar.web;

/** Seeded random tensors. */
public final class RandomBridge {
    private RandomBridge() {
    }

}
