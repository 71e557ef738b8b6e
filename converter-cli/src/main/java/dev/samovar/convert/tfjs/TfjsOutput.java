package dev.samovar.convert.tfjs;

import dev.samovar.convert.Progress;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.convert.model.KerasModel;
import java.nio.file.Path;

/** Writes a {@link KerasModel} as a TF.js layers model with the request's shard / quantization flags. */
public final class TfjsOutput {
    private TfjsOutput() {
    }

    public static Summary write(KerasModel model, Request request, Path dir) {
        TfjsLayersWriter.Options o = new TfjsLayersWriter.Options();
        o.shardSize = request.shardSize;
        o.quantization = request.quantization;
        o.splitByLayer = request.splitWeightsByLayer;
        if (request.metadata != null) {
            model.userDefinedMetadata = request.metadata;
        }
        long total = 0;
        for (dev.samovar.convert.model.Weight w : model.weights()) {
            total += w.size() * 4;
        }
        Progress progress = new Progress(request.progressOut, request.quiet, total, "weights");
        TfjsLayersWriter.Result r = TfjsLayersWriter.write(model, dir, o, progress);
        Summary s = new Summary();
        s.input = request.inputName;
        s.output = request.outputName;
        s.inputKind = model.sourceKind + (model.kerasVersion != null ? ", " + model.describeVersion() : "");
        s.outputKind = "TF.js layers model";
        s.layers = model.layerCount;
        s.parameters = model.parameterCount();
        s.weights = r.weights;
        s.sourceBytes = r.sourceBytes;
        s.writtenBytes = r.writtenBytes;
        s.files.add("model.json");
        s.files.addAll(r.shards);
        s.quantized.putAll(r.quantized);
        s.maxError.putAll(r.maxError);
        s.notes.addAll(model.notes);
        return s;
    }
}
