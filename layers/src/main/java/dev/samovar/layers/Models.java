package dev.samovar.layers;

import dev.samovar.io.Json;
import dev.samovar.layers.engine.InputLayer;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Pythonic;
import java.util.List;
import java.util.Map;

/**
 * Making models, as TF.js's {@code tf.sequential}, {@code tf.model}, {@code tf.input} and
 * {@code tf.models.modelFromJSON}.
 *
 * <pre>{@code
 * SymbolicTensor x = Models.input(Args.of("shape", new int[] {4}));
 * SymbolicTensor y = Layers.dense(Args.of("units", 2, "activation", "softmax")).apply(x);
 * LayersModel model = Models.model(List.of(x), List.of(y), null);
 * Tensor out = model.predict(Creation.ones(3, 4));
 * }</pre>
 */
public final class Models {
    private Models() {
    }

    /** {@code tf.sequential({name, layers})}. */
    public static Sequential sequential(Args args) {
        return new Sequential(args);
    }

    /** {@code tf.model({inputs, outputs, name})}; name null: {@code model1}, {@code model2}, ... */
    public static LayersModel model(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        return new LayersModel(inputs, outputs, name);
    }

    /** {@code tf.input({shape | batchShape, name, dtype, sparse})}. */
    public static SymbolicTensor input(Args config) {
        return InputLayer.input(config);
    }

    /**
     * {@code tf.models.modelFromJSON}: a model from its topology, as the text or parsed JSON of
     * {@code model.toJSON()}, of a model.json's {@code modelTopology}, of a Keras {@code model_config},
     * or of a whole model.json (whose weights manifest is not read here: weights are loaded by the
     * model-file code). The result is a Sequential, a LayersModel or any registered layer class.
     */
    @SuppressWarnings("unchecked")
    public static Layer modelFromJson(Object json) {
        Object parsed = json instanceof String ? Json.parse((String) json) : json;
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("modelFromJSON expects a JSON object (a model topology), but got "
                    + (parsed == null ? "null" : parsed.getClass().getSimpleName()));
        }
        Map<String, Object> m = (Map<String, Object>) parsed;
        Object topology = m.containsKey("modelTopology") ? m.get("modelTopology") : m;
        if (m.containsKey("modelTopology") && m.get("weightsManifest") != null) {
            throw new UnsupportedOperationException("modelFromJSON: loading the weights of a weightsManifest is not "
                    + "supported yet; pass the modelTopology alone and set the weights with setWeights / loadWeights");
        }
        if (topology instanceof Map && ((Map<String, Object>) topology).get("model_config") != null) {
            topology = ((Map<String, Object>) topology).get("model_config");
        }
        Map<String, Object> ts = Pythonic.toTsMap(topology);
        return LayerRegistry.deserialize(ts, new DeserializeContext("modelTopology", false));
    }
}
