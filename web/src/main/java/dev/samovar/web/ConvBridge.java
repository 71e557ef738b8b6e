package dev.samovar.web;

/** Convolutions. */
public final class ConvBridge {
    private ConvBridge() {
    }

}
