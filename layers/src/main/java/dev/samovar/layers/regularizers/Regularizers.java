package dev.samovar.layers.regularizers;

import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;
import dev.samovar.layers.serialization.Undefined;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TF.js's regularizers ({@code tf.regularizers.l1 / l2 / l1l2}) and their (de)serialization.
 * {@link #get} takes an identifier as TF.js's getRegularizer does: null, a name ({@code 'l1l2'} or
 * {@code 'L1L2'}), a {@code {className, config}} map, or a regularizer.
 */
public final class Regularizers {
    public static final ClassRegistry<Regularizer> REGISTRY = new ClassRegistry<>("regularizer");

    static {
        REGISTRY.register("L1L2", (c, ctx) -> new L1L2(Args.of("l1", c.get("l1"), "l2", c.get("l2"))));
    }

    private Regularizers() {
    }

    /** l1 and l2 (each 0.01 unless given). */
    public static Regularizer l1l2(Args args) {
        return new L1L2(args);
    }

    /** l1 only (l1 0.01 unless given). */
    public static Regularizer l1(Args args) {
        return new L1L2(Args.of("l1", args == null ? null : args.get("l1"), "l2", 0));
    }

    /** l2 only (l2 0.01 unless given). */
    public static Regularizer l2(Args args) {
        return new L1L2(Args.of("l2", args == null ? null : args.get("l2"), "l1", 0));
    }

    @SuppressWarnings("unchecked")
    public static Regularizer get(Object identifier) {
        if (Undefined.isAbsent(identifier)) {
            return null;
        }
        if (identifier instanceof Regularizer) {
            return (Regularizer) identifier;
        }
        if (identifier instanceof String) {
            String id = (String) identifier;
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("className", "l1l2".equals(id) ? "L1L2" : id);
            config.put("config", new LinkedHashMap<String, Object>());
            return REGISTRY.deserialize(config, null);
        }
        if (identifier instanceof Map) {
            return REGISTRY.deserialize((Map<String, Object>) identifier, null);
        }
        throw new IllegalArgumentException("Not a regularizer: " + identifier);
    }

    /** {@code {className, config}} or null. */
    public static Map<String, Object> serialize(Regularizer r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("className", r.getClassName());
        m.put("config", r.getConfig());
        return m;
    }
}
