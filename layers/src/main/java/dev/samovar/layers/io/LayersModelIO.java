package dev.samovar.layers.io;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.io.ModelArtifacts;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsCodec;
import dev.samovar.io.WeightsReader;
import dev.samovar.layers.engine.Container;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Pythonic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers models from and to {@link ModelArtifacts}, as TF.js's loadLayersModelFromIOHandler and
 * LayersModel.save: the topology is deserialized (weights not initialized when weights follow),
 * then the weights are decoded (dequantized) by the core ({@link WeightsCodec} for artifacts in
 * memory, {@link WeightsReader} for shard files) and assigned by name; a model that fails to load
 * is disposed, so nothing half-loaded is returned.
 */
public final class LayersModelIO {
    public static final String FORMAT = "layers-model";
    public static final String GENERATED_BY = "TensorFlow.js tfjs-layers v" + Container.LAYERS_VERSION;

    private LayersModelIO() {
    }

    /** Where a model's weights come from: checked before the topology is built, then decoded by name. */
    private interface WeightSource {
        /** Checks that the weights hold the bytes the specs declare (nothing decoded yet). */
        void validate();

        /** The model's weights (not the optimizer's) as tensors by name; nothing left allocated on error. */
        Map<String, Tensor> decode();
    }

    /**
     * Loads a model from artifacts; {@code strict}: every weight must be present and used. The weight
     * buffers (the shards as fetched, or one buffer) are read in place by the core's
     * {@link WeightsCodec} (TF.js's decodeWeights, a weight may span buffers): nothing joins them.
     */
    public static Layer load(ModelArtifacts artifacts, boolean strict, String where) {
        if (artifacts.weightData != null && artifacts.weightSpecs == null) {
            throw new IllegalArgumentException("LayersModel artifacts contains weight data, but not weight specs. "
                    + "Therefore loading of weights cannot proceed.");
        }
        WeightSource source = null;
        if (artifacts.weightData != null) {
            List<WeightSpec> specs = artifacts.weightSpecs;
            WeightsCodec.Buffers data = new WeightsCodec.Buffers(artifacts.weightData);
            source = new WeightSource() {
                @Override
                public void validate() {
                    WeightsCodec.checkLength(specs, data, where);
                }

                @Override
                public Map<String, Tensor> decode() {
                    // TF.js's decodeModelAndOptimizerWeights: optimizer weights are not the model's.
                    Map<String, Tensor> all = WeightsCodec.decode(specs, data, true, where);
                    Map<String, Tensor> model = new LinkedHashMap<>();
                    for (WeightSpec spec : specs) {
                        Tensor t = all.remove(spec.name);
                        if (t != null && "optimizer".equals(spec.group)) {
                            t.dispose();
                        } else if (t != null) {
                            model.put(spec.name, t);
                        }
                    }
                    return model;
                }
            };
        }
        return load(artifacts.modelTopology, source, strict, where);
    }

    /**
     * Loads a model from its topology and a reader of its weights (null: no weights); the reader
     * is validated (shards present, sizes right) before anything is built.
     */
    public static Layer load(Object topology, WeightsReader reader, boolean strict, String where) {
        WeightSource source = reader == null ? null : new WeightSource() {
            @Override
            public void validate() {
                reader.validate();
            }

            @Override
            public Map<String, Tensor> decode() {
                Map<String, Tensor> named = new LinkedHashMap<>();
                try {
                    reader.forEach((spec, stored) -> {
                        if (!"optimizer".equals(spec.group)) {
                            Tensor before = named.put(spec.name, WeightsCodec.toTensor(spec, stored, where));
                            if (before != null) {
                                before.dispose();
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    for (Tensor x : named.values()) {
                        x.dispose();
                    }
                    throw e;
                }
                return named;
            }
        };
        return load(topology, source, strict, where);
    }

    @SuppressWarnings("unchecked")
    private static Layer load(Object topology, WeightSource weights, boolean strict, String where) {
        if (!(topology instanceof Map)) {
            throw new ModelFormatException(where + ": modelTopology: expected an object but found "
                    + (topology == null ? "nothing" : topology.getClass().getSimpleName()));
        }
        Map<String, Object> t = (Map<String, Object>) topology;
        if (t.get("model_config") != null) {
            t = (Map<String, Object>) t.get("model_config");
        }
        boolean hasWeights = weights != null;
        if (hasWeights) {
            weights.validate();
        }
        Map<String, Object> ts = Pythonic.toTsMap(t);
        Layer model = LayerRegistry.deserialize(ts, new DeserializeContext(where + ": modelTopology", hasWeights
                && strict));
        if (!hasWeights) {
            return model;
        }
        try {
            Map<String, Tensor> named = weights.decode();
            try {
                if (model instanceof Container) {
                    try {
                        ((Container) model).loadWeights(named, strict);
                    } catch (IllegalArgumentException e) {
                        throw new ModelFormatException(where + ": weightsManifest: " + e.getMessage(), e);
                    }
                } else {
                    throw new IllegalArgumentException(where + ": the topology is a " + model.getClassName()
                            + ", not a model");
                }
            } finally {
                for (Tensor x : named.values()) {
                    x.dispose();
                }
            }
        } catch (RuntimeException e) {
            for (dev.samovar.layers.engine.LayerVariable w : model.weights()) {
                if (!w.isDisposed()) {
                    w.dispose();
                }
            }
            throw e;
        }
        return model;
    }

    /** The artifacts of a model (TF.js's save without a handler): topology, float32 weights by original name. */
    public static ModelArtifacts artifacts(Container model) {
        ModelArtifacts a = new ModelArtifacts();
        a.modelTopology = model.toJsonObject();
        a.format = FORMAT;
        a.generatedBy = GENERATED_BY;
        a.convertedBy = null;
        List<WeightSpec> specs = new ArrayList<>();
        List<int[]> datas = new ArrayList<>();
        int total = 0;
        for (LayerVariable w : model.weights()) {
            Tensor v = w.read();
            DType d = v.dtype();
            specs.add(new WeightSpec(w.originalName(), v.shape(), d.jsName()));
            int[] bits;
            if (d == DType.FLOAT32) {
                float[] f = v.dataSync();
                bits = new int[f.length];
                for (int i = 0; i < f.length; i++) {
                    bits[i] = Float.floatToRawIntBits(f[i]);
                }
            } else {
                bits = v.dataSyncInt();
            }
            datas.add(bits);
            total += bits.length * (d == DType.BOOL ? 1 : 4);
        }
        byte[] out = new byte[total];
        int p = 0;
        for (int k = 0; k < datas.size(); k++) {
            int[] bits = datas.get(k);
            boolean bool = "bool".equals(specs.get(k).dtype);
            for (int b : bits) {
                out[p++] = (byte) b;
                if (!bool) {
                    out[p++] = (byte) (b >>> 8);
                    out[p++] = (byte) (b >>> 16);
                    out[p++] = (byte) (b >>> 24);
                }
            }
        }
        a.weightSpecs = specs;
        a.weightData = new ArrayList<>();
        a.weightData.add(out);
        return a;
    }
}
