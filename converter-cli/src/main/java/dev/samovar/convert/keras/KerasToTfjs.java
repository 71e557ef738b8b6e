package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.Converter;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.tfjs.TfjsOutput;
import java.nio.file.Path;

/** Keras .h5 (1.x, 2.x, weights-only + --config) and Keras 3 .keras to a TF.js layers model. */
public final class KerasToTfjs implements Converter {
    @Override
    public Summary convert(Request request, Path target) {
        try (KerasModel m = KerasReaders.read(request.input, request.inputName, request.config)) {
            return TfjsOutput.write(m, request, target);
        }
    }
}
