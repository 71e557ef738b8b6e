package dev.samovar.convert;

/**
 * A conversion that cannot be done (exit code 1). The message is one line that names the file and,
 * where it applies, the layer (name, class, position) and what was expected.
 */
public class ConversionException extends RuntimeException {
    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
