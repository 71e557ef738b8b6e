package dev.samovar.layers.serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras class name → factory, for one kind of object ({@code layer}, {@code initializer},
 * {@code regularizer}, {@code constraint}, {@code activation}): TF.js's
 * {@code deserializeKerasObject} over its class registry, with its messages. (TF.js keeps one
 * registry for every kind; Samovar keeps one per kind, so a layer class name is not accepted as an
 * initializer.) Registration is explicit (no reflection under TeaVM).
 *
 * @param <T> the kind of object made
 */
public final class ClassRegistry<T> {
    /** Makes an object from its camelCase config (TF.js's {@code fromConfig(cls, config)}). */
    public interface Factory<T> {
        T fromConfig(Map<String, Object> config, DeserializeContext context);
    }

    private final String kind;
    private final Map<String, Factory<T>> factories = new LinkedHashMap<>();

    /** @param kind the word TF.js's messages use: "layer", "initializer", ... */
    public ClassRegistry(String kind) {
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    /** Registers (or replaces) a class. */
    public void register(String className, Factory<T> factory) {
        factories.put(className, factory);
    }

    public boolean contains(String className) {
        return factories.containsKey(className);
    }

    public Factory<T> factory(String className) {
        return factories.get(className);
    }

    public List<String> classNames() {
        return new ArrayList<>(factories.keySet());
    }

    /**
     * Makes an object from {@code {className, config}} (camelCase). Fails with TF.js's message for
     * an improper config or an unknown class; for an unknown class the message also says where the
     * config sits ({@code context.path()}).
     */
    @SuppressWarnings("unchecked")
    public T deserialize(Map<String, Object> config, DeserializeContext context) {
        if (context == null) {
            context = DeserializeContext.root();
        }
        Object className = config.get("className");
        Object inner = config.get("config");
        if (Undefined.isAbsent(className) || Undefined.isAbsent(inner)) {
            throw new IllegalArgumentException(kind + ": Improper config format: " + Js.json(config) + ".\n"
                    + "'className' and 'config' must set.");
        }
        Factory<T> f = factories.get(String.valueOf(className));
        if (f == null) {
            throw unknown(String.valueOf(className), context, config);
        }
        Map<String, Object> innerMap = inner instanceof Map ? (Map<String, Object>) inner : new LinkedHashMap<>();
        convertNDArrayScalars(innerMap);
        return f.fromConfig(innerMap, context);
    }

    /** TF.js's "Unknown &lt;kind&gt;: X. ..." message, plus where the config sits. */
    public IllegalArgumentException unknown(String className, DeserializeContext context, Map<String, Object> config) {
        StringBuilder msg = new StringBuilder(unknownMessage(kind, className));
        if (context != null) {
            msg.append("\nIt is at ").append(context.path());
            Object name = config == null ? null : config.get("name");
            if (name == null && config != null && config.get("config") instanceof Map) {
                name = ((Map<?, ?>) config.get("config")).get("name");
            }
            if (name instanceof String) {
                msg.append(" (name: \"").append(name).append("\")");
            }
            msg.append('.');
        }
        return new IllegalArgumentException(msg.toString());
    }

    /** TF.js's message for an unknown class or function name of a kind. */
    public static String unknownMessage(String kind, String name) {
        return "Unknown " + kind + ": " + name + ". This may be due to one of the following reasons:\n"
                + "1. The " + kind + " is defined in Python, in which case it needs to be ported to TensorFlow.js or "
                + "your JavaScript code.\n"
                + "2. The custom " + kind + " is defined in JavaScript, but is not registered properly with "
                + "tf.serialization.registerClass().";
    }

    /** TF.js's convertNDArrayScalarsInConfig: {@code {type: 'ndarray', value: 3}} becomes 3. */
    @SuppressWarnings("unchecked")
    static void convertNDArrayScalars(Object config) {
        if (config instanceof List) {
            for (Object o : (List<Object>) config) {
                convertNDArrayScalars(o);
            }
        } else if (config instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) config;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map) {
                    Map<String, Object> vm = (Map<String, Object>) v;
                    if ("ndarray".equals(vm.get("type")) && vm.get("value") instanceof Number) {
                        e.setValue(vm.get("value"));
                    } else {
                        convertNDArrayScalars(v);
                    }
                } else if (v instanceof List) {
                    convertNDArrayScalars(v);
                }
            }
        }
    }
}
