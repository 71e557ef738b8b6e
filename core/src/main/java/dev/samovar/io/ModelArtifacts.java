package dev.samovar.io;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's {@code ModelArtifacts}: the model.json fields plus {@code weightSpecs} and
 * {@code weightData}. The weight data stays a list of buffers (the shards as read), as TF.js 4.x
 * keeps an {@code ArrayBuffer[]}: nothing joins them into one giant buffer.
 */
public final class ModelArtifacts {
    public String format;
    public String generatedBy;
    public String convertedBy;
    /** Keras JSON (a Map) or a GraphDef; may be null. */
    public Object modelTopology;
    public Map<String, Object> trainingConfig;
    public Map<String, Object> userDefinedMetadata;
    /** Other model.json keys (signature, modelInitializer, initializerSignature, ...). */
    public final Map<String, Object> extra = new LinkedHashMap<>();
    /** Null when the model has no weights manifest. */
    public List<WeightSpec> weightSpecs;
    /** The weight bytes, possibly in several buffers; null when there are no weights. */
    public List<byte[]> weightData;

    /** TF.js's getModelArtifactsForJSONSync: model.json fields and the weights read for its manifest. */
    public static ModelArtifacts fromModelJson(ModelJson json, List<byte[]> weightData) {
        ModelArtifacts a = new ModelArtifacts();
        a.format = json.format;
        a.generatedBy = json.generatedBy;
        a.convertedBy = json.convertedBy;
        a.modelTopology = json.modelTopology;
        a.trainingConfig = json.trainingConfig;
        a.userDefinedMetadata = json.userDefinedMetadata;
        a.extra.putAll(json.extra);
        a.weightSpecs = json.weights();
        a.weightData = weightData;
        return a;
    }

    /** TF.js's getModelJSONForModelArtifacts: the model.json for these artifacts with {@code manifest}. */
    public ModelJson toModelJson(List<WeightGroup> manifest) {
        ModelJson j = new ModelJson();
        j.format = format;
        j.generatedBy = generatedBy;
        j.convertedBy = convertedBy;
        j.modelTopology = modelTopology;
        j.trainingConfig = trainingConfig;
        j.userDefinedMetadata = userDefinedMetadata;
        j.extra.putAll(extra);
        j.weightsManifest = new ArrayList<>(manifest);
        return j;
    }

    /** The total number of weight bytes. */
    public long weightDataBytes() {
        long n = 0;
        if (weightData != null) {
            for (byte[] b : weightData) {
                n += b.length;
            }
        }
        return n;
    }

    /**
     * The weights as tensors by name (dequantized), checked against {@code weightSpecs}; on error
     * nothing is left allocated. {@code where} names the source in errors.
     */
    public Map<String, Tensor> decodeWeights(String where) {
        if (weightSpecs == null) {
            return new LinkedHashMap<>();
        }
        return WeightsCodec.decode(weightSpecs, new WeightsCodec.Buffers(
                weightData == null ? new ArrayList<>() : weightData), true, where);
    }

    /**
     * TF.js's ModelArtifactsInfo: {@code modelTopologyBytes} (UTF-8 bytes of the topology's JSON),
     * {@code weightSpecsBytes}, {@code weightDataBytes}.
     */
    public long[] infoBytes() {
        long topo = modelTopology == null ? 0 : Utf8.encode(Json.stringify(modelTopology)).length;
        long specs = weightSpecs == null ? 0 : Utf8.encode(Json.stringify(WeightsCodec.specsToJson(weightSpecs))).length;
        return new long[] {topo, specs, weightDataBytes()};
    }
}
