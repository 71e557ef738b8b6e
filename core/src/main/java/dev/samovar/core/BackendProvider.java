package dev.samovar.core;

/**
 * Found through {@link java.util.ServiceLoader} (which TeaVM supports): each backend module lists
 * its provider in {@code META-INF/services/dev.samovar.core.BackendProvider}.
 */
public interface BackendProvider {
    /** The backend's name. */
    String name();

    /** Higher wins when no backend was chosen explicitly (TF.js: webgl 2, cpu 1). */
    int priority();

    /** Registers the backend's kernels; called once, before the first {@link #create()}. */
    void registerKernels();

    /** Makes the backend, or returns null where it cannot run (no WebGL2, say). */
    Backend create();
}
