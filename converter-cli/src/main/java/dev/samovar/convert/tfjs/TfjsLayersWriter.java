package dev.samovar.convert.tfjs;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.Progress;
import dev.samovar.convert.UsageException;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import dev.samovar.io.ModelJson;
import dev.samovar.io.Quantization;
import dev.samovar.io.WeightGroup;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsWriter;
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
 * Writes a TF.js layers model (model.json + shards) the way tensorflowjs_converter does, through
 * core's format code. Weights stream one at a time from the source into the shards: a weight is
 * read (and quantized) only when its turn comes, and at most one shard's worth of bytes is buffered.
 */
public final class TfjsLayersWriter {
    /** {@code convertedBy} of the files Samovar writes. */
    public static final String CONVERTED_BY = "Samovar Converter v" + Version.VERSION;

    private TfjsLayersWriter() {
    }

    public static final class Options {
        public long shardSize = 4L * 1024 * 1024;
        public QuantizationPlan quantization = new QuantizationPlan();
        public boolean splitByLayer;
    }

    /** What was written, for the summary. */
    public static final class Result {
        public int weights;
        public long sourceBytes;
        public long writtenBytes;
        public final List<String> shards = new ArrayList<>();
        public final Map<String, Integer> quantized = new LinkedHashMap<>();
        public final Map<String, Double> maxError = new LinkedHashMap<>();
        public ModelJson modelJson;
    }

    public static Result write(KerasModel model, Path dir, Options options, Progress progress) {
        Result result = new Result();
        List<List<Weight>> groups = new ArrayList<>();
        if (options.splitByLayer) {
            for (LayerWeights l : model.layers) {
                if (!l.weights.isEmpty()) {
                    groups.add(l.weights);
                }
            }
        } else {
            groups.add(model.weights());
        }
        ModelJson mj = new ModelJson();
        mj.format = ModelJson.LAYERS_MODEL;
        mj.generatedBy = model.generatedBy != null ? model.generatedBy
                : model.kerasVersion != null ? "keras v" + model.kerasVersion : null;
        mj.convertedBy = CONVERTED_BY;
        mj.userDefinedMetadata = model.userDefinedMetadata;
        mj.trainingConfig = model.tfjsTrainingConfig;
        Map<String, Object> topology = new LinkedHashMap<>();
        if (model.kerasVersion != null) {
            topology.put("keras_version", model.kerasVersion);
        }
        if (model.backend != null) {
            topology.put("backend", model.backend);
        }
        topology.put("model_config", model.modelConfig);
        if (model.trainingConfig != null) {
            topology.put("training_config", model.trainingConfig);
        }
        mj.modelTopology = topology;

        try (FileShards sink = new FileShards(dir)) {
            for (int g = 0; g < groups.size(); g++) {
                List<Weight> weights = groups.get(g);
                // Plan: every spec's stored size is known before any value is read.
                List<WeightSpec> planned = new ArrayList<>();
                List<String> qdtypes = new ArrayList<>();
                java.util.Set<String> names = new java.util.HashSet<>();
                for (Weight w : weights) {
                    if (!names.add(w.name)) {
                        throw new ConversionException(model.source + ": two weights are named '" + w.name + "'");
                    }
                    String q = w.dtype.equals("float32") ? options.quantization.dtypeFor(w.name) : null;
                    qdtypes.add(q);
                    Quantization provisional = q == null ? null : new Quantization(q, 0, 1, "float32");
                    planned.add(new WeightSpec(w.name, w.shape(), w.dtype, provisional, null));
                }
                WeightsWriter writer = new WeightsWriter(g + 1, planned, options.shardSize, sink);
                List<WeightSpec> written = new ArrayList<>();
                for (int i = 0; i < weights.size(); i++) {
                    Weight w = weights.get(i);
                    WeightSpec spec = planned.get(i);
                    String q = qdtypes.get(i);
                    long sourceBytes = w.size() * 4;
                    try {
                        if (q == null) {
                            writer.beginWeight(spec);
                            w.data.stream(w.dtype, writer::write);
                            writer.endWeight();
                            written.add(spec);
                        } else {
                            float[] values = w.data.floats();
                            boolean constant = true;
                            for (int k = 1; k < values.length && constant; k++) {
                                constant = values[k] == values[0];
                            }
                            Quantization.Quantized qd;
                            try {
                                qd = Quantization.quantize(values, q);
                            } catch (IllegalArgumentException e) {
                                throw new ConversionException(model.source + ": weight '" + w.name + "': " + e.getMessage());
                            }
                            values = null;
                            writer.writeWeight(spec, qd.bytes);
                            written.add(spec.withQuantization(qd.quantization));
                            result.quantized.merge(q, 1, Integer::sum);
                            if (!q.equals(Quantization.FLOAT16)) {
                                // a constant weight (min == max) is stored exactly
                                result.maxError.merge(q, constant ? 0.0 : qd.quantization.maxError(), Math::max);
                            }
                        }
                    } catch (IllegalStateException e) {
                        throw new ConversionException(model.source + ": weight '" + w.name + "' (from " + w.source
                                + ", shape " + w.shapeString() + ") has a different size than its shape says: "
                                + e.getMessage(), e);
                    }
                    result.weights++;
                    result.sourceBytes += sourceBytes;
                    progress.advance(sourceBytes);
                }
                WeightGroup done = writer.finish();
                mj.weightsManifest.add(new WeightGroup(done.paths, written));
                result.shards.addAll(done.paths);
            }
            result.writtenBytes = sink.bytesWritten();
        } catch (UncheckedIOException e) {
            throw new ConversionException(dir + ": " + e.getMessage(), e);
        }
        for (String u : options.quantization.unmatched()) {
            model.notes.add("--quantize_" + u.replace(" ", " wildcard '") + "' matched no weight");
        }
        try {
            Files.writeString(dir.resolve("model.json"), mj.stringify(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConversionException(dir + ": cannot write model.json: " + e.getMessage(), e);
        }
        result.modelJson = mj;
        return result;
    }

    /** Quiet guard used by the CLI for flags that make no sense for this writer. */
    static void requireTfjsOutput(boolean ok, String flag) {
        if (!ok) {
            throw new UsageException(flag + " applies only to --output_format tfjs_layers_model");
        }
    }
}
