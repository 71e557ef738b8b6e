package dev.samovar.convert.tfjs;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.Converter;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import java.nio.file.Path;

/** A TF.js layers model back to a Keras 2 HDF5 file. */
public final class TfjsToKeras implements Converter {
    @Override
    public Summary convert(Request request, Path target) {
        throw new ConversionException(request.inputName + ": --output_format keras is not implemented yet");
    }
}
