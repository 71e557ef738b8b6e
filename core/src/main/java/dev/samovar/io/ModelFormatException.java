package dev.samovar.io;

/**
 * A model file that does not follow the TF.js model format. The message is one line that names the
 * file and the field at fault ({@code model.json: weightsManifest[0].weights[2].shape: ...}).
 */
public class ModelFormatException extends IllegalArgumentException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
