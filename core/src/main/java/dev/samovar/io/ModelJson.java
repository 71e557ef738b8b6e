package dev.samovar.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js {@code model.json}: {@code format}, {@code generatedBy}, {@code convertedBy},
 * {@code modelTopology}, {@code weightsManifest}, and the optional {@code userDefinedMetadata} and
 * {@code trainingConfig}. Keys this class does not model (a graph model's {@code signature},
 * {@code modelInitializer}, ...) are kept as they are.
 */
public final class ModelJson {
    public static final String LAYERS_MODEL = "layers-model";
    public static final String GRAPH_MODEL = "graph-model";

    /** {@code "layers-model"}, {@code "graph-model"}, or null (old files have no format). */
    public String format;
    public String generatedBy;
    public String convertedBy;
    /** The Keras JSON ({keras_version, backend, model_config, training_config?}) or a GraphDef; may be null. */
    public Object modelTopology;
    public List<WeightGroup> weightsManifest = new ArrayList<>();
    /** Null when absent. */
    public Map<String, Object> userDefinedMetadata;
    /** Null when absent (TF.js's own saves put the compile settings here). */
    public Map<String, Object> trainingConfig;
    /** Other top-level keys, in file order. */
    public final Map<String, Object> extra = new LinkedHashMap<>();

    /** All weights of all groups, in manifest order. */
    public List<WeightSpec> weights() {
        List<WeightSpec> all = new ArrayList<>();
        for (WeightGroup g : weightsManifest) {
            all.addAll(g.weights);
        }
        return all;
    }

    /** The model_config of a layers model's topology ({class_name, config}), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> modelConfig() {
        if (!(modelTopology instanceof Map)) {
            return null;
        }
        Map<String, Object> t = (Map<String, Object>) modelTopology;
        Object mc = t.get("model_config");
        if (mc instanceof Map) {
            return (Map<String, Object>) mc;
        }
        return t.containsKey("class_name") ? t : null;
    }

    /** The JSON value, keys in tensorflowjs_converter's order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (format != null) {
            m.put("format", format);
        }
        m.put("generatedBy", generatedBy);
        m.put("convertedBy", convertedBy);
        if (userDefinedMetadata != null) {
            m.put("userDefinedMetadata", userDefinedMetadata);
        }
        m.put("modelTopology", modelTopology);
        if (trainingConfig != null) {
            m.put("trainingConfig", trainingConfig);
        }
        List<Object> groups = new ArrayList<>();
        for (WeightGroup g : weightsManifest) {
            groups.add(g.toJson());
        }
        m.put("weightsManifest", groups);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    /** The file's text (compact, as tensorflowjs_converter writes it). */
    public String stringify() {
        return Json.stringify(toJson());
    }

    /**
     * Parses and checks a model.json text. {@code fileName} prefixes every error; errors name the
     * field ({@code model.json: weightsManifest[0].weights[3].shape[1]: ...}).
     */
    @SuppressWarnings("unchecked")
    public static ModelJson parse(String text, String fileName) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new ModelFormatException(fileName + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new ModelFormatException(fileName + ": expected a JSON object at the top level but found "
                    + ManifestJson.describe(root));
        }
        Map<String, Object> m = (Map<String, Object>) root;
        ModelJson out = new ModelJson();
        out.format = optionalString(m, "format", fileName);
        out.generatedBy = optionalString(m, "generatedBy", fileName);
        out.convertedBy = optionalString(m, "convertedBy", fileName);
        if (out.format != null && !out.format.equals(LAYERS_MODEL) && !out.format.equals(GRAPH_MODEL)) {
            throw new ModelFormatException(fileName + ": format: expected \"layers-model\" or \"graph-model\" but found \""
                    + out.format + "\"");
        }
        out.modelTopology = m.get("modelTopology");
        if (out.modelTopology != null && !(out.modelTopology instanceof Map)) {
            throw new ModelFormatException(fileName + ": modelTopology: expected an object but found "
                    + ManifestJson.describe(out.modelTopology));
        }
        Object wm = m.get("weightsManifest");
        if (wm == null) {
            if (!m.containsKey("weightsManifest") && out.modelTopology == null) {
                throw new ModelFormatException(fileName + ": neither modelTopology nor weightsManifest: not a TF.js model.json");
            }
        } else {
            List<?> groups = ManifestJson.array(wm, fileName + ": weightsManifest");
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                String where = fileName + ": weightsManifest[" + i + "]";
                WeightGroup g = WeightGroup.fromJson(groups.get(i), where);
                for (int j = 0; j < g.weights.size(); j++) {
                    String name = g.weights.get(j).name;
                    String here = "weightsManifest[" + i + "].weights[" + j + "]";
                    String before = seen.put(name, here);
                    if (before != null) {
                        throw new ModelFormatException(fileName + ": " + here + ".name: the weight name '" + name
                                + "' is already used by " + before);
                    }
                }
                out.weightsManifest.add(g);
            }
        }
        Object udm = m.get("userDefinedMetadata");
        if (udm != null) {
            out.userDefinedMetadata = (Map<String, Object>) ManifestJson.object(udm, fileName + ": userDefinedMetadata");
        }
        Object tc = m.get("trainingConfig");
        if (tc != null) {
            out.trainingConfig = (Map<String, Object>) ManifestJson.object(tc, fileName + ": trainingConfig");
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            switch (e.getKey()) {
                case "format":
                case "generatedBy":
                case "convertedBy":
                case "modelTopology":
                case "weightsManifest":
                case "userDefinedMetadata":
                case "trainingConfig":
                    break;
                default:
                    out.extra.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String optionalString(Map<String, Object> m, String key, String fileName) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new ModelFormatException(fileName + ": " + key + ": expected a string but found " + ManifestJson.describe(v));
        }
        return (String) v;
    }
}
