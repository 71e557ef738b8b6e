package dev.samovar.convert.tfjs;

import dev.samovar.convert.Converter;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.convert.model.KerasModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A TF.js layers model rewritten as one (to re-shard, quantize or split it). */
public final class TfjsToTfjs implements Converter {
    @Override
    public Summary convert(Request request, Path target) {
        try (KerasModel m = TfjsLayersReader.read(modelJson(request.input), request.inputName)) {
            return TfjsOutput.write(m, request, target);
        }
    }

    /** model.json itself, or the model.json in a folder. */
    static Path modelJson(Path input) {
        return Files.isDirectory(input) ? input.resolve("model.json") : input;
    }
}
