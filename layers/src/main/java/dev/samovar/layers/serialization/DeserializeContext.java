package dev.samovar.layers.serialization;

/**
 * Where a config being deserialized sits (for error messages: {@code config.layers[2]}) and
 * whether weights will be overwritten at once (TF.js's {@code fastWeightInit}: initializers are
 * replaced by zeros when building).
 */
public final class DeserializeContext {
    private final String path;
    private final boolean fastWeightInit;

    public DeserializeContext(String path, boolean fastWeightInit) {
        this.path = path;
        this.fastWeightInit = fastWeightInit;
    }

    /** The root context: path {@code config}, no fast weight initialization. */
    public static DeserializeContext root() {
        return new DeserializeContext("config", false);
    }

    public String path() {
        return path;
    }

    public boolean fastWeightInit() {
        return fastWeightInit;
    }

    /** The context of a nested config, e.g. {@code child(".layers[2]")}. */
    public DeserializeContext child(String suffix) {
        return new DeserializeContext(path + suffix, fastWeightInit);
    }

    public DeserializeContext withFastWeightInit(boolean fast) {
        return new DeserializeContext(path, fast);
    }
}
