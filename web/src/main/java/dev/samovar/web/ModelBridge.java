package dev.samovar.web;

import dev.samovar.io.Json;
import dev.samovar.io.WeightSpec;
import dev.samovar.layers.engine.Container;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.io.LayersModelIO;
import dev.samovar.io.ModelArtifacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Model files for the JS API (api/93-model-io.js): a model from TF.js ModelArtifacts (topology and
 * weight specs as JSON, the weight buffers as {@link IoBridge.Buffers}, one per shard) and a model's
 * artifacts for a save handler. The IOHandlers themselves are JS (tf.io).
 */
public final class ModelBridge {
    private static byte[] lastWeightData;

    static {
        TypedArrayBulk.install();
    }

    private ModelBridge() {
    }

    /**
     * Loads a model: topology JSON, specs JSON (or null), the weight buffers (or null) as
     * {@link IoBridge#buffers} holds them, one per ArrayBuffer of the artifacts' weightData (the
     * shards as fetched): they are read in place, never joined (as tf.io.decodeWeights reads them).
     */
    @JSExport
    @SuppressWarnings("unchecked")
    public static Layer loadArtifacts(String topologyJson, String specsJson, IoBridge.Buffers data, boolean strict) {
        ModelArtifacts a = new ModelArtifacts();
        a.modelTopology = Json.parse(topologyJson);
        if (specsJson != null) {
            List<Object> specs = (List<Object>) Json.parse(specsJson);
            List<WeightSpec> out = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                out.add(WeightSpec.fromJson(specs.get(i), "weightSpecs[" + i + "]"));
            }
            a.weightSpecs = out;
        }
        if (data != null) {
            a.weightData = new ArrayList<>(data.items);
        }
        return LayersModelIO.load(a, strict, "model");
    }

    /**
     * The artifacts of a model as JSON ({modelTopology, format, generatedBy, convertedBy,
     * weightSpecs}); the weight bytes are then read with {@link #lastWeightData}.
     */
    @JSExport
    public static String saveArtifacts(Container model) {
        ModelArtifacts a = LayersModelIO.artifacts(model);
        lastWeightData = a.weightData.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelTopology", a.modelTopology);
        m.put("format", a.format);
        m.put("generatedBy", a.generatedBy);
        m.put("convertedBy", a.convertedBy);
        List<Object> specs = new ArrayList<>();
        for (WeightSpec s : a.weightSpecs) {
            specs.add(s.toJson());
        }
        m.put("weightSpecs", specs);
        return Json.stringify(m);
    }

    /** The weight bytes of the last {@link #saveArtifacts} (a copy; the reference is then dropped). */
    @JSExport
    public static Int8Array lastWeightData() {
        byte[] d = lastWeightData;
        lastWeightData = null;
        return Int8Array.copyFromJavaArray(d == null ? new byte[0] : d);
    }
}
