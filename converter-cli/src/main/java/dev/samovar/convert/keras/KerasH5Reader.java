package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import dev.samovar.io.Json;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras HDF5 files: full models saved by Keras 1.x, 2.x, tf.keras and Keras 3's legacy writer
 * ({@code model_config}, {@code training_config}, {@code model_weights} with {@code layer_names}
 * and per-layer {@code weight_names}, split attributes {@code layer_names0...}), and weights-only
 * files ({@code save_weights}: the same layout at the root) with a separate JSON config.
 * The weights stay in the file until a writer streams them.
 */
public final class KerasH5Reader {
    private KerasH5Reader() {
    }

    /**
     * @param file the .h5 file
     * @param configFile a JSON config (model.to_json()) for a weights-only file, or null
     * @param weightsFile where the weights come from when {@code file} is ... (same file here)
     */
    public static KerasModel read(Path file, String displayName, Path configFile) {
        H5 h5 = H5.open(file, displayName);
        boolean ok = false;
        try {
            KerasModel m = read(h5, configFile);
            ok = true;
            m.closeables.add(h5);
            return m;
        } finally {
            if (!ok) {
                h5.close();
            }
        }
    }

    static Map<String, Object> parseConfigFile(Path configFile) {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConversionException(configFile + ": cannot read the config: " + e.getMessage(), e);
        }
        Object v;
        try {
            v = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new ConversionException(configFile + ": " + e.getMessage(), e);
        }
        Map<String, Object> m = Cfg.map(v);
        if (m == null) {
            throw new ConversionException(configFile + ": expected a Keras model config (a JSON object) but found "
                    + (v instanceof List ? "an array" : String.valueOf(v)));
        }
        // Accept model.to_json(), a model.json-like wrapper or a bare {class_name, config}.
        if (m.get("modelTopology") instanceof Map) {
            m = Cfg.map(m.get("modelTopology"));
        }
        if (m.get("model_config") instanceof Map) {
            return m;
        }
        if (!(m.get("class_name") instanceof String)) {
            throw new ConversionException(configFile + ": not a Keras model config: no class_name (expected the JSON of "
                    + "model.to_json(), e.g. {\"class_name\": \"Sequential\", \"config\": {...}})");
        }
        return m;
    }

    private static KerasModel read(H5 h5, Path configFile) {
        String name = h5.name;
        Node root = h5.file;
        String modelConfigText = h5.stringAttribute(root, "model_config");
        Group weightsGroup = h5.group("model_weights");
        boolean weightsOnly = false;
        if (weightsGroup == null) {
            if (h5.hasAttribute(root, "layer_names")) {
                weightsGroup = h5.file;
                weightsOnly = true;
            } else if (h5.group("layers") != null && h5.group("layers") != null && modelConfigText == null) {
                throw new ConversionException(name + ": a Keras 3 weights file (model.weights.h5, layers/<name>/vars/N); "
                        + "convert the .keras archive it came from, which holds the config");
            } else if (modelConfigText == null) {
                throw new ConversionException(name + ": not a Keras model: the HDF5 file has no model_config attribute and no "
                        + "model_weights group or layer_names attribute (it holds: " + String.join(", ", h5.children(h5.file))
                        + ")");
            }
        }
        Map<String, Object> fileTopology = new HashMap<>();
        Map<String, Object> modelConfig;
        List<String> notes = new ArrayList<>();
        if (configFile != null) {
            Map<String, Object> given = parseConfigFile(configFile);
            fileTopology = given;
            modelConfig = given.get("model_config") instanceof Map ? Cfg.map(given.get("model_config")) : given;
            if (modelConfigText != null) {
                notes.add("the model_config in " + name + " was replaced by " + configFile.getFileName());
            }
        } else if (modelConfigText != null) {
            try {
                modelConfig = Cfg.map(Json.parse(modelConfigText));
            } catch (Json.JsonException e) {
                throw new ConversionException(name + ": attribute model_config: " + e.getMessage(), e);
            }
            if (modelConfig == null) {
                throw new ConversionException(name + ": attribute model_config is not a JSON object");
            }
        } else {
            throw new ConversionException(name + ": missing model_config: a weights-only Keras file (saved with "
                    + "save_weights); give the model's JSON config (model.to_json()) with --config FILE");
        }
        if (weightsGroup == null) {
            throw new ConversionException(name + ": the file has a model_config but no weights (no model_weights group)");
        }

        KerasModel model = new KerasModel();
        model.source = name;
        String version = h5.stringAttribute(root, "keras_version");
        if (version == null) {
            version = h5.stringAttribute(weightsGroup, "keras_version");
        }
        if (version == null && fileTopology.get("keras_version") instanceof String) {
            version = (String) fileTopology.get("keras_version");
        }
        String backend = h5.stringAttribute(root, "backend");
        if (backend == null) {
            backend = h5.stringAttribute(weightsGroup, "backend");
        }
        if (backend == null && fileTopology.get("backend") instanceof String) {
            backend = (String) fileTopology.get("backend");
        }
        boolean keras1 = version != null ? version.startsWith("1.") : Keras1.looksLikeKeras1(modelConfig);
        if (version == null && keras1) {
            version = "1";
        }
        model.kerasVersion = version;
        model.backend = backend;
        model.sourceKind = (weightsOnly ? "Keras weights-only HDF5 + JSON config" : "Keras HDF5")
                + (keras1 ? " (Keras 1 names mapped)" : "");
        String trainingText = h5.stringAttribute(root, "training_config");
        if (trainingText != null) {
            try {
                model.trainingConfig = Cfg.map(Json.parse(trainingText));
            } catch (Json.JsonException e) {
                notes.add("training_config is not valid JSON and was left out (" + e.getMessage() + ")");
            }
        }

        ConfigNormalizer normalizer = new ConfigNormalizer(name, keras1, notes);
        model.modelConfig = normalizer.normalize(modelConfig);
        List<LayerEntry> layers = LayerEntry.of(model.modelConfig);
        model.layerCount = layers.size();

        // Layers with weights, as the file lists them.
        List<String> layerNames = h5.stringListAttribute(weightsGroup, "layer_names");
        List<String> withWeights = new ArrayList<>();
        Map<String, List<String>> weightNames = new HashMap<>();
        for (String ln : layerNames) {
            Group g = h5.group((weightsOnly ? "" : "model_weights/") + ln);
            if (g == null) {
                throw new ConversionException(name + ": layer_names lists '" + ln + "' but the file has no group for it");
            }
            List<String> wn = h5.stringListAttribute(g, "weight_names");
            if (!wn.isEmpty()) {
                withWeights.add(ln);
                weightNames.put(ln, wn);
            }
        }
        Map<String, LayerEntry> byName = new HashMap<>();
        List<LayerEntry> configWithWeights = new ArrayList<>();
        for (LayerEntry e : layers) {
            byName.put(e.name, e);
            List<String> expected = LayerCatalog.weightNames(e.cls, e.config);
            if (expected == null || !expected.isEmpty()) {
                configWithWeights.add(e);
            }
        }
        boolean byPosition = false;
        for (String ln : withWeights) {
            if (!byName.containsKey(ln)) {
                byPosition = true;
            }
        }
        if (byPosition) {
            List<LayerEntry> expectingWeights = new ArrayList<>();
            for (LayerEntry e : configWithWeights) {
                List<String> expected = LayerCatalog.weightNames(e.cls, e.config);
                if (expected != null && !expected.isEmpty()) {
                    expectingWeights.add(e);
                }
            }
            if (expectingWeights.size() != withWeights.size()) {
                String missing = null;
                for (String ln : withWeights) {
                    if (!byName.containsKey(ln)) {
                        missing = ln;
                        break;
                    }
                }
                throw new ConversionException(name + ": the weights of layer '" + missing + "' have no layer of that name in "
                        + "the config, and matching by position fails: the file has weights for " + withWeights.size()
                        + " layers, the config has " + expectingWeights.size() + " layers with weights");
            }
            notes.add("weights matched to layers by position (the file's layer names differ from the config's), as Keras "
                    + "load_weights does");
            for (int i = 0; i < withWeights.size(); i++) {
                byName.put(withWeights.get(i), expectingWeights.get(i));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String ln : withWeights) {
            LayerEntry layer = byName.get(ln);
            seen.add(layer.name);
            String groupPath = (weightsOnly ? "" : "model_weights/") + ln;
            List<Weight> ws = new ArrayList<>();
            for (String wn : weightNames.get(ln)) {
                String path = groupPath + "/" + wn;
                Dataset d = h5.dataset(path);
                if (d == null) {
                    throw new ConversionException(name + ": " + layer.describe() + ": weight_names lists '" + wn
                            + "' but there is no dataset " + path);
                }
                String kind = h5.kind(d, path);
                ws.add(new Weight(WeightNaming.stripSlot(wn), h5.shape(d, path), H5.tfjsDtype(kind), h5.data(d, path),
                        path));
            }
            ws = LegacyWeights.convert(name, layer.describe(), layer.cls, layer.config, ws, keras1, backend, notes);
            LayerWeights lw = WeightNaming.assemble(name, layer, ws, notes);
            model.layers.add(lw);
        }
        for (LayerEntry e : layers) {
            List<String> expected = LayerCatalog.weightNames(e.cls, e.config);
            if (!seen.contains(e.name) && expected != null && !expected.isEmpty()) {
                throw new ConversionException(name + ": " + e.describe() + " has no weights in the file (it needs "
                        + String.join(", ", expected) + ")");
            }
        }
        model.notes.addAll(notes);
        return model;
    }
}
