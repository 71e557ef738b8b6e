package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.KerasModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the Keras reader by the file's content: HDF5 (Keras 1/2, weights-only) or a zip (Keras 3 .keras). */
public final class KerasReaders {
    private KerasReaders() {
    }

    public static KerasModel read(Path file, String name, Path config) {
        if (Files.isDirectory(file)) {
            throw new ConversionException(name + ": is a folder; --input_format keras expects a Keras .h5 or .keras file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConversionException(name + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new ConversionException(name + ": cannot read the file: " + e.getMessage(), e);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            if (config != null) {
                throw new ConversionException(name + ": a Keras 3 .keras archive holds its own config; --config applies only "
                        + "to weights-only .h5 files");
            }
            return Keras3Reader.read(file, name);
        }
        int i = 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && (head[i] == '{' || head[i] == '[')) {
            throw new ConversionException(name + ": a JSON file, not a Keras model file: give the weights .h5 as the input "
                    + "and this JSON with --config" + (name.endsWith("model.json") ? " (or --input_format tfjs_layers_model "
                    + "for a TF.js model.json)" : ""));
        }
        return KerasH5Reader.read(file, name, config);
    }
}
