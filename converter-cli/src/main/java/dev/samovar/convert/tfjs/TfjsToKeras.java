package dev.samovar.convert.tfjs;

import dev.samovar.convert.Converter;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.convert.keras.KerasH5Writer;
import dev.samovar.convert.model.KerasModel;
import java.nio.file.Path;

/** A TF.js layers model back to a Keras 2 HDF5 file (tensorflowjs_converter's --output_format keras). */
public final class TfjsToKeras implements Converter {
    @Override
    public Summary convert(Request request, Path target) {
        try (KerasModel m = TfjsLayersReader.read(TfjsToTfjs.modelJson(request.input), request.inputName)) {
            long bytes = KerasH5Writer.write(m, target);
            Summary s = new Summary();
            s.input = request.inputName;
            s.output = request.outputName;
            s.inputKind = m.sourceKind;
            s.outputKind = "Keras 2 HDF5";
            s.layers = m.layerCount;
            s.parameters = m.parameterCount();
            s.weights = m.weights().size();
            s.sourceBytes = s.parameters * 4;
            s.writtenBytes = bytes;
            s.files.add(target.getFileName() == null ? request.outputName : Path.of(request.outputName).getFileName().toString());
            s.notes.addAll(m.notes);
            return s;
        }
    }
}
