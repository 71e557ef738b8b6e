package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TF.js's constraints ({@code tf.constraints.maxNorm / minMaxNorm / nonNeg / unitNorm}) and their
 * (de)serialization: {@link #get} takes an identifier as TF.js's getConstraint does (a name such as
 * {@code 'maxNorm'} or {@code 'MaxNorm'}, a {@code {className, config}} map, or a constraint).
 */
public final class Constraints {
    /** Registered classes (className → factory). */
    public static final ClassRegistry<Constraint> REGISTRY = new ClassRegistry<>("constraint");

    static {
        REGISTRY.register("MaxNorm", (c, ctx) -> new MaxNorm(new Args(c)));
        REGISTRY.register("MinMaxNorm", (c, ctx) -> new MinMaxNorm(new Args(c)));
        REGISTRY.register("NonNeg", (c, ctx) -> new NonNeg());
        REGISTRY.register("UnitNorm", (c, ctx) -> new UnitNorm(new Args(c)));
    }

    private Constraints() {
    }

    public static Constraint maxNorm(Args args) {
        return new MaxNorm(args);
    }

    public static Constraint minMaxNorm(Args args) {
        return new MinMaxNorm(args);
    }

    public static Constraint nonNeg() {
        return new NonNeg();
    }

    public static Constraint unitNorm(Args args) {
        return new UnitNorm(args);
    }

    /** TF.js's getConstraint: null, a name, a config map, or a constraint. */
    @SuppressWarnings("unchecked")
    public static Constraint get(Object identifier) {
        if (identifier == null || identifier == dev.samovar.layers.serialization.Undefined.INSTANCE) {
            return null;
        }
        if (identifier instanceof Constraint) {
            return (Constraint) identifier;
        }
        if (identifier instanceof String) {
            String id = (String) identifier;
            String className;
            switch (id) {
                case "maxNorm":
                    className = "MaxNorm";
                    break;
                case "minMaxNorm":
                    className = "MinMaxNorm";
                    break;
                case "nonNeg":
                    className = "NonNeg";
                    break;
                case "unitNorm":
                    className = "UnitNorm";
                    break;
                default:
                    className = id;
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("className", className);
            config.put("config", new LinkedHashMap<String, Object>());
            return REGISTRY.deserialize(config, null);
        }
        if (identifier instanceof Map) {
            return REGISTRY.deserialize((Map<String, Object>) identifier, null);
        }
        throw new IllegalArgumentException("Not a constraint: " + identifier);
    }

    /** TF.js's serializeConstraint: {@code {className, config}} or null. */
    public static Map<String, Object> serialize(Constraint c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("className", c.getClassName());
        m.put("config", c.getConfig());
        return m;
    }

    /** sqrt(sum(w * w, axis, keepDims)). */
    static Tensor l2Norms(Tensor w, int axis) {
        return OpSupport.op("calcL2Norms",
                () -> Unary.sqrt(Reduction.sum(Arithmetic.mul(w, w), new int[] {axis}, true)));
    }

    static Tensor eps() {
        return LayerOps.scalar(LayerOps.EPSILON);
    }

    /** Numbers in configs are JS numbers: kept as given (an Integer stays an Integer). */
    static Object num(Args args, String key, double dflt) {
        Object v = args.get(key);
        return v instanceof Number ? v : (Object) dflt;
    }
}
