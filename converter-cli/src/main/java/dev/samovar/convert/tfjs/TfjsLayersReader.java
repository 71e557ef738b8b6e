package dev.samovar.convert.tfjs;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.keras.ConfigNormalizer;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import dev.samovar.convert.model.WeightData;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ModelJson;
import dev.samovar.io.WeightGroup;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js layers model (model.json + shards) as a {@link KerasModel}: the topology as written, the
 * weights read (and dequantized) one at a time from the shards through core's reader.
 */
public final class TfjsLayersReader {
    private TfjsLayersReader() {
    }

    public static KerasModel read(Path modelJson, String name) {
        String text;
        try {
            text = Files.readString(modelJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConversionException(name + ": cannot read: " + e.getMessage(), e);
        }
        ModelJson mj;
        try {
            mj = ModelJson.parse(text, name);
        } catch (ModelFormatException e) {
            throw new ConversionException(e.getMessage(), e);
        }
        if (ModelJson.GRAPH_MODEL.equals(mj.format)) {
            throw new ConversionException(name + ": a TF.js graph model (format \"graph-model\"); only layers models convert "
                    + "(--input_format tfjs_layers_model)");
        }
        Map<String, Object> config = mj.modelConfig();
        if (config == null) {
            throw new ConversionException(name + ": modelTopology has no Keras model config (model_config or class_name): "
                    + "not a TF.js layers model");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> topology = (Map<String, Object>) mj.modelTopology;
        KerasModel m = new KerasModel();
        m.source = name;
        m.sourceKind = "TF.js layers model";
        m.generatedBy = mj.generatedBy;
        m.kerasVersion = str(topology.get("keras_version"));
        m.backend = str(topology.get("backend"));
        m.userDefinedMetadata = mj.userDefinedMetadata;
        m.tfjsTrainingConfig = mj.trainingConfig;
        Object tc = topology.get("training_config");
        if (tc instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tc;
            m.trainingConfig = t;
        }
        // The same checks as for Keras input: what TF.js cannot load is reported here too.
        List<String> notes = new ArrayList<>();
        m.modelConfig = new ConfigNormalizer(name, false, notes).normalize(config);
        m.notes.addAll(notes);

        FileShards shards = new FileShards(modelJson.toAbsolutePath().getParent());
        WeightsReader reader = new WeightsReader(mj.weightsManifest, shards, name);
        try {
            reader.validate();
        } catch (ModelFormatException e) {
            shards.close();
            throw new ConversionException(e.getMessage(), e);
        }
        m.closeables.add(shards);
        List<String> layerNames = layerNames(m.modelConfig);
        m.layerCount = layerNames.size();
        Map<String, List<Weight>> byLayer = new LinkedHashMap<>();
        for (String l : layerNames) {
            byLayer.put(l, new ArrayList<>());
        }
        for (int g = 0; g < mj.weightsManifest.size(); g++) {
            WeightGroup group = mj.weightsManifest.get(g);
            for (int i = 0; i < group.weights.size(); i++) {
                WeightSpec spec = group.weights.get(i);
                if ("optimizer".equals(spec.group)) {
                    continue;
                }
                if (!spec.dtype.equals("float32") && !spec.dtype.equals("int32")) {
                    throw new ConversionException(name + ": weight '" + spec.name + "' is " + spec.dtype
                            + "; layers model weights are float32 or int32");
                }
                String layer = owner(spec.name, layerNames);
                if (layer == null) {
                    throw new ConversionException(name + ": weight '" + spec.name + "' belongs to no layer of the model "
                            + "(its name should start with a layer name and '/')");
                }
                int gi = g;
                int wi = i;
                WeightData data = new WeightData() {
                    @Override
                    public float[] floats() {
                        return WeightsReader.decodeFloat32(spec, read());
                    }

                    @Override
                    public int[] ints() {
                        return (int[]) WeightsReader.decode(spec, read());
                    }

                    private byte[] read() {
                        try {
                            return reader.readStored(gi, wi);
                        } catch (ModelFormatException e) {
                            throw new ConversionException(e.getMessage(), e);
                        } catch (UncheckedIOException e) {
                            throw new ConversionException(name + ": " + e.getMessage(), e);
                        }
                    }
                };
                byLayer.get(layer).add(new Weight(spec.name, spec.shape(), spec.dtype, data,
                        group.paths.isEmpty() ? name : String.join("+", group.paths)));
            }
        }
        int position = 0;
        for (Map.Entry<String, List<Weight>> e : byLayer.entrySet()) {
            position++;
            if (!e.getValue().isEmpty()) {
                m.layers.add(new LayerWeights(e.getKey(), classOf(m.modelConfig, e.getKey()), position, e.getValue()));
            }
        }
        return m;
    }

    private static String str(Object o) {
        return o instanceof String ? (String) o : null;
    }

    /** The layer a weight belongs to: the longest layer name that prefixes "name/". */
    private static String owner(String weight, List<String> layers) {
        String best = null;
        for (String l : layers) {
            if (weight.startsWith(l + "/") && (best == null || l.length() > best.length())) {
                best = l;
            }
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> layerEntries(Map<String, Object> modelConfig) {
        Object c = modelConfig.get("config");
        Object layers = c instanceof List ? c : ((Map<String, Object>) c).get("layers");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) layers) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static List<String> layerNames(Map<String, Object> modelConfig) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : layerEntries(modelConfig)) {
            Object n = e.get("config") instanceof Map ? ((Map<String, Object>) e.get("config")).get("name") : null;
            out.add(n instanceof String ? (String) n : (String) e.get("name"));
        }
        return out;
    }

    private static String classOf(Map<String, Object> modelConfig, String layer) {
        List<String> names = layerNames(modelConfig);
        int i = names.indexOf(layer);
        return i < 0 ? "?" : String.valueOf(layerEntries(modelConfig).get(i).get("class_name"));
    }
}
