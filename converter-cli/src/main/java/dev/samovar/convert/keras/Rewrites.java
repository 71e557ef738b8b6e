package dev.samovar.convert.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Exact rewrites of Keras layers and settings that TF.js 4.22 lacks into ones it has. Each keeps
 * the layer's name (the last layer of a replacement carries it, so the rest of the graph still
 * connects) and has the same outputs, in inference and in training.
 */
final class Rewrites {
    private Rewrites() {
    }

    /** Marks a reference to the replaced layer's own input in a replacement's inbound nodes. */
    static final String INPUT = "@input";

    /**
     * Rewrites {@code entry} in place where a setting needs it, and returns the entries that replace
     * it when the layer itself must change (null when it stays).
     */
    static List<Map<String, Object>> apply(Map<String, Object> entry, String cls, Map<String, Object> config, String name,
            boolean functional, Consumer<String> note) {
        settings(config, note);
        switch (cls) {
            case "SpatialDropout2D":
            case "SpatialDropout3D": {
                int rank = cls.equals("SpatialDropout2D") ? 4 : 5;
                boolean channelsFirst = "channels_first".equals(Cfg.str(config, "data_format"));
                List<Object> noise = new ArrayList<>();
                for (int i = 0; i < rank; i++) {
                    boolean keep = i == 0 || (channelsFirst ? i == 1 : i == rank - 1);
                    noise.add(keep ? null : 1.0);
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", name);
                c.put("trainable", config.getOrDefault("trainable", true));
                if (config.containsKey("dtype")) {
                    c.put("dtype", config.get("dtype"));
                }
                c.put("rate", config.get("rate"));
                c.put("noise_shape", noise);
                c.put("seed", config.get("seed"));
                entry.put("class_name", "Dropout");
                entry.put("config", c);
                note.accept(cls + " written as Dropout with noise_shape " + dev.samovar.io.Json.stringify(noise)
                        + " (the same channel-wise dropout; TF.js has no " + cls + ")");
                return List.of(entry);
            }
            case "ReLU":
                return relu(entry, config, name, note);
            case "ELU":
                return elu(entry, config, name, note);
            case "SeparableConv1D":
            case "SeparableConv2D":
                // Keras writes its base class's kernel_* settings, which a separable convolution does not
                // use; TF.js refuses a config that has them.
                for (String k : new String[] {"kernel_initializer", "kernel_regularizer", "kernel_constraint"}) {
                    if (config.remove(k) != null) {
                        note.accept(cls + ": unused " + k + " left out (TF.js refuses it; the layer uses depthwise_* and pointwise_*)");
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /** In-place fixes of settings: silu, L1/L2 regularizers. */
    private static void settings(Map<String, Object> config, Consumer<String> note) {
        for (String key : new String[] {"activation", "recurrent_activation"}) {
            if ("silu".equals(config.get(key))) {
                config.put(key, "swish");
                note.accept("activation 'silu' written as 'swish' (the same function)");
            }
        }
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (e.getKey().endsWith("_regularizer")) {
                Map<String, Object> r = Cfg.map(e.getValue());
                String c = Cfg.str(r, "class_name");
                if ("L1".equals(c) || "L2".equals(c)) {
                    Map<String, Object> rc = Cfg.map(r.get("config"));
                    Map<String, Object> l1l2 = new LinkedHashMap<>();
                    l1l2.put("l1", c.equals("L1") ? rc.getOrDefault("l1", 0.01) : 0.0);
                    l1l2.put("l2", c.equals("L2") ? rc.getOrDefault("l2", 0.01) : 0.0);
                    r.put("class_name", "L1L2");
                    r.put("config", l1l2);
                    note.accept(c + " regularizer written as L1L2");
                }
            }
        }
    }

    /**
     * Keras's ReLU(max_value=m, negative_slope=a, threshold=t) computes
     * {@code clip(t != 0 ? x * (x > t) : relu(x), 0, m) - a * relu(t - x)}; TF.js's ReLU has only
     * max_value. Rewritten as LeakyReLU (a only), ThresholdedReLU [+ ReLU(m)] (t, no a), or the graph
     * {@code Add(clip(...), Rescaling(-a)(ReLU(Rescaling(-1, t)(x))))}.
     */
    private static List<Map<String, Object>> relu(Map<String, Object> entry, Map<String, Object> config, String name,
            Consumer<String> note) {
        double a = num(config.get("negative_slope"));
        double t = num(config.get("threshold"));
        Object max = config.get("max_value");
        if (a == 0 && t == 0) {
            config.remove("negative_slope");
            config.remove("threshold");
            return null;
        }
        if (t == 0 && max == null) {
            Map<String, Object> c = base(config, name);
            c.put("alpha", a);
            entry.put("class_name", "LeakyReLU");
            entry.put("config", c);
            note.accept("ReLU '" + name + "' (negative_slope=" + a + ") written as LeakyReLU (TF.js's ReLU has no negative_slope)");
            return List.of(entry);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        String positive = t != 0 ? layer(out, "ThresholdedReLU", name + "_threshold", config, Map.of("theta", t), INPUT)
                : layer(out, "ReLU", name + "_relu", config, Map.of(), INPUT);
        if (max != null) {
            positive = layer(out, "ReLU", a == 0 ? name : name + "_clip", config, Map.of("max_value", max), positive);
        }
        if (a != 0) {
            String shifted = layer(out, "Rescaling", name + "_shift", config, Map.of("scale", -1.0, "offset", t), INPUT);
            String negative = layer(out, "ReLU", name + "_negative", config, Map.of(), shifted);
            String scaled = layer(out, "Rescaling", name + "_slope", config, Map.of("scale", -a, "offset", 0.0), negative);
            Map<String, Object> add = new LinkedHashMap<>();
            add.put("class_name", "Add");
            Map<String, Object> c = base(config, name);
            add.put("config", c);
            add.put("name", name);
            add.put("inbound_nodes", List.of(List.of(ref(positive), ref(scaled))));
            out.add(add);
        } else if (max == null) {
            // threshold only: the ThresholdedReLU is the whole layer
            Map<String, Object> only = out.get(0);
            Cfg.map(only.get("config")).put("name", name);
            only.put("name", name);
        }
        // A plain chain needs no explicit wiring in a Sequential; drop the marker there.
        boolean chain = a == 0;
        if (chain) {
            for (Map<String, Object> e : out) {
                e.remove("inbound_nodes");
                e.remove("name");
            }
        }
        note.accept("ReLU '" + name + "' (max_value=" + max + ", negative_slope=" + a + ", threshold=" + t + ") written as "
                + out.size() + " TF.js layers computing the same function (TF.js's ReLU has only max_value)");
        return out;
    }

    /**
     * Keras's ELU(alpha) for alpha != 1, which TF.js's ELU refuses: {@code elu_a(x) = (1 - a) relu(x) + a elu_1(x)}
     * (for x > 0 both terms give x; for x <= 0 relu is 0 and elu_1 is exp(x) - 1), written as
     * {@code Add(Rescaling(1 - a)(ReLU(x)), Rescaling(a)(ELU(x)))}.
     */
    private static List<Map<String, Object>> elu(Map<String, Object> entry, Map<String, Object> config, String name,
            Consumer<String> note) {
        Object alpha = config.get("alpha");
        double a = alpha instanceof Number ? ((Number) alpha).doubleValue() : 1.0;
        if (a == 1.0) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        String relu = layer(out, "ReLU", name + "_relu", config, Map.of(), INPUT);
        String reluScaled = layer(out, "Rescaling", name + "_relu_scale", config, Map.of("scale", 1.0 - a, "offset", 0.0), relu);
        String elu = layer(out, "ELU", name + "_elu", config, Map.of(), INPUT);
        String eluScaled = layer(out, "Rescaling", name + "_elu_scale", config, Map.of("scale", a, "offset", 0.0), elu);
        Map<String, Object> add = new LinkedHashMap<>();
        add.put("class_name", "Add");
        add.put("config", base(config, name));
        add.put("name", name);
        add.put("inbound_nodes", List.of(List.of(ref(reluScaled), ref(eluScaled))));
        out.add(add);
        note.accept("ELU '" + name + "' (alpha=" + alpha + ") written as (1 - alpha) * ReLU + alpha * ELU(alpha=1) in "
                + out.size() + " TF.js layers (TF.js's ELU has only alpha=1)");
        return out;
    }

    private static double num(Object v) {
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }

    private static Map<String, Object> base(Map<String, Object> config, String name) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("trainable", config.getOrDefault("trainable", true));
        if (config.containsKey("dtype")) {
            c.put("dtype", config.get("dtype"));
        }
        return c;
    }

    private static String layer(List<Map<String, Object>> out, String cls, String name, Map<String, Object> config,
            Map<String, Object> settings, String input) {
        Map<String, Object> c = base(config, name);
        c.putAll(settings);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("class_name", cls);
        e.put("config", c);
        e.put("name", name);
        e.put("inbound_nodes", List.of(List.of(ref(input))));
        out.add(e);
        return name;
    }

    private static List<Object> ref(String layer) {
        return new ArrayList<>(Arrays.asList(layer, 0.0, 0.0, new LinkedHashMap<String, Object>()));
    }
}
