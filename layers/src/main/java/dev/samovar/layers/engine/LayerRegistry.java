package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;
import dev.samovar.layers.serialization.DeserializeContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Layer classes by Keras class name ({@code Dense}, {@code InputLayer}, {@code Sequential},
 * {@code Model}, ...): the engine's own classes plus every {@link LayerProvider} family. A factory
 * makes a layer from its camelCase config, which is also TF.js's argument object
 * ({@code fromConfig(cls, config)} is {@code new cls(config)}).
 */
public final class LayerRegistry {
    /** Marks a Sequential config that was a bare array of layer configs (the legacy format). */
    static final String LEGACY_ARRAY = "__legacyArrayConfig";

    private static final ClassRegistry<Layer> REGISTRY = new ClassRegistry<>("layer");
    private static boolean loaded;

    private LayerRegistry() {
    }

    private static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        REGISTRY.register("InputLayer", (c, ctx) -> new InputLayer(new Args(c)));
        REGISTRY.register("Model", LayersModel::fromConfig);
        REGISTRY.register("Functional", Functional::fromConfig);
        REGISTRY.register("Sequential", Sequential::fromConfig);
        for (LayerProvider p : ServiceLoader.load(LayerProvider.class)) {
            p.registerLayers(REGISTRY);
        }
    }

    /** The registry (loaded on first use); register custom classes here. */
    public static ClassRegistry<Layer> registry() {
        ensureLoaded();
        return REGISTRY;
    }

    /** Registers (or replaces) a layer class. */
    public static void register(String className, ClassRegistry.Factory<Layer> factory) {
        ensureLoaded();
        REGISTRY.register(className, factory);
    }

    /** Whether a class name is registered. */
    public static boolean contains(String className) {
        return registry().contains(className);
    }

    public static List<String> classNames() {
        return registry().classNames();
    }

    /**
     * Makes a layer from {@code {className, config}} (camelCase). An unknown class fails with TF.js's
     * message plus where it sits ({@code context.path()}, e.g. {@code config.layers[2]}).
     */
    @SuppressWarnings("unchecked")
    public static Layer deserialize(Map<String, Object> config, DeserializeContext context) {
        ensureLoaded();
        Object inner = config.get("config");
        if (inner instanceof List) {
            Map<String, Object> copy = new LinkedHashMap<>(config);
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("layers", inner);
            wrapped.put(LEGACY_ARRAY, Boolean.TRUE);
            copy.put("config", wrapped);
            config = copy;
        }
        return REGISTRY.deserialize(config, context == null ? DeserializeContext.root() : context);
    }

    /** Makes a layer of a class from TF.js-style arguments ({@code create("Dense", Args.of("units", 3))}). */
    public static Layer create(String className, Args args) {
        ClassRegistry.Factory<Layer> f = registry().factory(className);
        if (f == null) {
            throw REGISTRY.unknown(className, null, null);
        }
        return f.fromConfig(args == null ? new LinkedHashMap<>() : args.map(), DeserializeContext.root());
    }
}
