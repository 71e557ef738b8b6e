package dev.samovar.convert.tfjs;

/** The converter's version (the project's). */
public final class Version {
    private Version() {
    }

    public static final String VERSION = "0.1.0";
}
