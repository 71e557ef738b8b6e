package dev.samovar.layers.io;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.io.MemoryShards;
import dev.samovar.io.ModelArtifacts;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.WeightGroup;
import dev.samovar.io.WeightSpec;
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
 * then the weights are decoded (dequantized) with the core's {@link WeightsReader} and assigned by
 * name; a model that fails to load is disposed, so nothing half-loaded is returned.
 */
public final class LayersModelIO {
    public static final String FORMAT = "layers-model";
    public static final String GENERATED_BY = "TensorFlow.js tfjs-layers v" + Container.LAYERS_VERSION;

    private LayersModelIO() {
    }

    /** Loads a model from artifacts; {@code strict}: every weight must be present and used. */
    @SuppressWarnings("unchecked")
    public static Layer load(ModelArtifacts artifacts, boolean strict, String where) {
        if (artifacts.weightData != null && artifacts.weightSpecs == null) {
            throw new IllegalArgumentException("LayersModel artifacts contains weight data, but not weight specs. "
                    + "Therefore loading of weights cannot proceed.");
        }
        WeightsReader reader = null;
        if (artifacts.weightData != null) {
            // The buffers are read in place (a weight may span two of them): no joined copy.
            MemoryShards shards = new MemoryShards();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < artifacts.weightData.size(); i++) {
                String path = "weightData" + i;
                shards.put(path, artifacts.weightData.get(i));
                paths.add(path);
            }
            List<WeightGroup> groups = new ArrayList<>();
            groups.add(new WeightGroup(paths, artifacts.weightSpecs));
            reader = new WeightsReader(groups, shards, where);
        }
        return load(artifacts.modelTopology, reader, strict, where);
    }

    /**
     * Loads a model from its topology and a reader of its weights (null: no weights); the reader
     * is validated (shards present, sizes right) before anything is built.
     */
    @SuppressWarnings("unchecked")
    public static Layer load(Object topology, WeightsReader reader, boolean strict, String where) {
        if (!(topology instanceof Map)) {
            throw new ModelFormatException(where + ": modelTopology: expected an object but found "
                    + (topology == null ? "nothing" : topology.getClass().getSimpleName()));
        }
        Map<String, Object> t = (Map<String, Object>) topology;
        if (t.get("model_config") != null) {
            t = (Map<String, Object>) t.get("model_config");
        }
        boolean hasWeights = reader != null;
        if (hasWeights) {
            reader.validate();
        }
        Map<String, Object> ts = Pythonic.toTsMap(t);
        Layer model = LayerRegistry.deserialize(ts, new DeserializeContext(where + ": modelTopology", hasWeights
                && strict));
        if (!hasWeights) {
            return model;
        }
        try {
            Map<String, Tensor> named = new LinkedHashMap<>();
            reader.forEach((spec, stored) -> {
                if (!"optimizer".equals(spec.group)) {
                    named.put(spec.name, toTensor(spec, stored));
                }
            });
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

    static Tensor toTensor(WeightSpec spec, byte[] stored) {
        Object values = WeightsReader.decode(spec, stored);
        int[] shape = spec.shape();
        switch (spec.dtype) {
            case "float32":
                return Engine.get().makeTensor(values, shape, DType.FLOAT32);
            case "int32":
                return Engine.get().makeTensor(values, shape, DType.INT32);
            case "bool":
                return Engine.get().makeTensor(values, shape, DType.BOOL);
            default:
                throw new ModelFormatException("weight '" + spec.name + "': dtype " + spec.dtype
                        + " is not supported in a layers model");
        }
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
