package dev.samovar.convert;

import java.nio.file.Path;

/**
 * One conversion from an input format to an output format (registered in {@link Formats}).
 * It writes into {@code target}, a fresh empty folder for folder outputs or a file path that does
 * not exist yet for file outputs; the command moves it into place only when this returns.
 * Bad input is a {@link ConversionException} (exit 1) with a one-line message naming the file,
 * the layer / field and what was expected; wrong flags are a {@link UsageException} (exit 2).
 */
public interface Converter {
    Summary convert(Request request, Path target);
}
