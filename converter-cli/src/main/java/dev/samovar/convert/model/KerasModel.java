package dev.samovar.convert.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one in-memory description every reader produces and every writer consumes: the Keras JSON
 * (model_config in the form TF.js loads), the compile settings, and the weights layer by layer,
 * whose values are read only when a writer asks for them.
 */
public final class KerasModel implements AutoCloseable {
    /** The file the model came from, for messages. */
    public String source;
    /** What the source was: "Keras 2 HDF5", "Keras 3 .keras", "TF.js layers model", ... */
    public String sourceKind;
    public String kerasVersion;
    /** Null when the source does not say (Keras 3 files). */
    public String backend;
    /** {class_name, config}: the Keras 2 form that TF.js loads. */
    public Map<String, Object> modelConfig;
    /** Keras 2 training_config ({optimizer_config, loss, metrics, ...}), or null. */
    public Map<String, Object> trainingConfig;
    /** A TF.js model's top-level trainingConfig (kept when converting TF.js to TF.js), or null. */
    public Map<String, Object> tfjsTrainingConfig;
    /** For a TF.js source: its generatedBy, kept. */
    public String generatedBy;
    /** User metadata (from --metadata, or kept from a TF.js source). */
    public Map<String, Object> userDefinedMetadata;
    public final List<LayerWeights> layers = new ArrayList<>();
    /** Things the converter changed or could not keep, reported in the summary. */
    public final List<String> notes = new ArrayList<>();
    /** Number of layers of the model (including weightless ones). */
    public int layerCount;
    /** Open sources the weights are read from (closed by {@link #close()}). */
    public final List<AutoCloseable> closeables = new ArrayList<>();

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        closeables.clear();
    }

    public List<Weight> weights() {
        List<Weight> all = new ArrayList<>();
        for (LayerWeights l : layers) {
            all.addAll(l.weights);
        }
        return all;
    }

    public long parameterCount() {
        long n = 0;
        for (Weight w : weights()) {
            n += w.size();
        }
        return n;
    }

    /** "Keras 2.1.3" or "Keras ?" */
    public String describeVersion() {
        return "Keras " + (kerasVersion == null ? "?" : kerasVersion);
    }
}
