package dev.samovar.layers.io;

import dev.samovar.io.WeightSpec;
import java.util.List;
import java.util.Map;

/**
 * TF.js's ModelArtifacts for a layers model: the Keras topology (snake_case JSON value), the
 * weight specs, the weight bytes (all weights concatenated in spec order), and the descriptive
 * fields.
 */
public final class ModelArtifacts {
    public Object modelTopology;
    public List<WeightSpec> weightSpecs;
    public byte[] weightData;
    public String format;
    public String generatedBy;
    public String convertedBy;
    public Map<String, Object> trainingConfig;
    public Map<String, Object> userDefinedMetadata;
}
