package dev.samovar.web;

/** Pooling. */
public final class PoolBridge {
    private PoolBridge() {
    }

}
