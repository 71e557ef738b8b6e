package dev.samovar.web;

/** Comparisons, logical ops, where. */
public final class LogicBridge {
    private LogicBridge() {
    }

}
