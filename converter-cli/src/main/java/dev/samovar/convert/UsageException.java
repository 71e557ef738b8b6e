package dev.samovar.convert;

/** A command line that cannot be run as given (exit code 2). */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
