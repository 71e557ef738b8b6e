package dev.samovar.layers.initializers;

import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;
import dev.samovar.layers.serialization.Undefined;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TF.js's initializers ({@code tf.initializers.zeros() ... orthogonal()}) and their
 * (de)serialization. {@link #get} takes an identifier as TF.js's getInitializer does: a name
 * ({@code 'glorotUniform'}, {@code 'GlorotUniform'}, {@code 'zeros'}), a {@code {className, config}}
 * map, or an initializer.
 */
public final class Initializers {
    public static final ClassRegistry<Initializer> REGISTRY = new ClassRegistry<>("initializer");

    static {
        REGISTRY.register("Zeros", (c, ctx) -> new Zeros());
        REGISTRY.register("Ones", (c, ctx) -> new Ones());
        REGISTRY.register("Constant", (c, ctx) -> new Constant(new Args(c)));
        REGISTRY.register("RandomUniform", (c, ctx) -> new RandomUniform(new Args(c)));
        REGISTRY.register("RandomNormal", (c, ctx) -> new RandomNormal(new Args(c)));
        REGISTRY.register("TruncatedNormal", (c, ctx) -> new TruncatedNormal(new Args(c)));
        REGISTRY.register("Identity", (c, ctx) -> new Identity(new Args(c)));
        REGISTRY.register("VarianceScaling", (c, ctx) -> new VarianceScaling(new Args(c)));
        REGISTRY.register("GlorotUniform", (c, ctx) -> new GlorotUniform(new Args(c)));
        REGISTRY.register("GlorotNormal", (c, ctx) -> new GlorotNormal(new Args(c)));
        REGISTRY.register("HeNormal", (c, ctx) -> new HeNormal(new Args(c)));
        REGISTRY.register("HeUniform", (c, ctx) -> new HeUniform(new Args(c)));
        REGISTRY.register("LeCunNormal", (c, ctx) -> new LeCunNormal(new Args(c)));
        REGISTRY.register("LeCunUniform", (c, ctx) -> new LeCunUniform(new Args(c)));
        REGISTRY.register("Orthogonal", (c, ctx) -> new Orthogonal(new Args(c)));
    }

    private Initializers() {
    }

    public static Initializer zeros() {
        return new Zeros();
    }

    public static Initializer ones() {
        return new Ones();
    }

    public static Initializer constant(Args args) {
        return new Constant(args);
    }

    public static Initializer randomUniform(Args args) {
        return new RandomUniform(args);
    }

    public static Initializer randomNormal(Args args) {
        return new RandomNormal(args);
    }

    public static Initializer truncatedNormal(Args args) {
        return new TruncatedNormal(args);
    }

    public static Initializer identity(Args args) {
        return new Identity(args);
    }

    public static Initializer varianceScaling(Args args) {
        return new VarianceScaling(args);
    }

    public static Initializer glorotUniform(Args args) {
        return new GlorotUniform(args);
    }

    public static Initializer glorotNormal(Args args) {
        return new GlorotNormal(args);
    }

    public static Initializer heNormal(Args args) {
        return new HeNormal(args);
    }

    public static Initializer heUniform(Args args) {
        return new HeUniform(args);
    }

    public static Initializer leCunNormal(Args args) {
        return new LeCunNormal(args);
    }

    public static Initializer leCunUniform(Args args) {
        return new LeCunUniform(args);
    }

    public static Initializer orthogonal(Args args) {
        return new Orthogonal(args);
    }

    /** The class name TF.js maps a JS-style identifier to ('glorotUniform' → 'GlorotUniform'). */
    public static String classNameOf(String identifier) {
        switch (identifier) {
            case "constant":
                return "Constant";
            case "glorotNormal":
                return "GlorotNormal";
            case "glorotUniform":
                return "GlorotUniform";
            case "heNormal":
                return "HeNormal";
            case "heUniform":
                return "HeUniform";
            case "identity":
                return "Identity";
            case "leCunNormal":
                return "LeCunNormal";
            case "leCunUniform":
                return "LeCunUniform";
            case "ones":
                return "Ones";
            case "orthogonal":
                return "Orthogonal";
            case "randomNormal":
                return "RandomNormal";
            case "randomUniform":
                return "RandomUniform";
            case "truncatedNormal":
                return "TruncatedNormal";
            case "varianceScaling":
                return "VarianceScaling";
            case "zeros":
                return "Zeros";
            default:
                return identifier;
        }
    }

    /** TF.js's getInitializer. */
    @SuppressWarnings("unchecked")
    public static Initializer get(Object identifier) {
        if (identifier instanceof Initializer) {
            return (Initializer) identifier;
        }
        if (identifier instanceof String) {
            String className = classNameOf((String) identifier);
            switch (className) {
                case "GlorotNormal":
                    return new GlorotNormal(null);
                case "GlorotUniform":
                    return new GlorotUniform(null);
                case "HeNormal":
                    return new HeNormal(null);
                case "HeUniform":
                    return new HeUniform(null);
                case "LeCunNormal":
                    return new LeCunNormal(null);
                case "LeCunUniform":
                    return new LeCunUniform(null);
                default:
                    Map<String, Object> config = new LinkedHashMap<>();
                    config.put("className", className);
                    config.put("config", new LinkedHashMap<String, Object>());
                    return REGISTRY.deserialize(config, null);
            }
        }
        if (identifier instanceof Map) {
            return REGISTRY.deserialize((Map<String, Object>) identifier, null);
        }
        if (Undefined.isAbsent(identifier)) {
            throw new IllegalArgumentException("Cannot read properties of null (reading 'className')");
        }
        throw new IllegalArgumentException("Not an initializer: " + identifier);
    }

    /** TF.js's serializeInitializer: {@code {className, config}} (null for null). */
    public static Map<String, Object> serialize(Initializer i) {
        if (i == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("className", i.getClassName());
        m.put("config", i.getConfig());
        return m;
    }

    /** A JS number value or the default (TF.js's {@code args.x || dflt}: 0 also gives the default). */
    static Object orDefault(Object v, double dflt) {
        if (v instanceof Number && ((Number) v).doubleValue() != 0 && !Double.isNaN(((Number) v).doubleValue())) {
            return v;
        }
        return dflt;
    }
}
