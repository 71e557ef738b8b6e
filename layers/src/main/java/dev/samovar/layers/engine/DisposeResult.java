package dev.samovar.layers.engine;

/** What {@link Layer#dispose} reports (TF.js's DisposeResult). */
public final class DisposeResult {
    /** The reference count after the call (null for a model's "null" as TF.js reports it never). */
    public final Integer refCountAfterDispose;
    public final int numDisposedVariables;

    public DisposeResult(Integer refCountAfterDispose, int numDisposedVariables) {
        this.refCountAfterDispose = refCountAfterDispose;
        this.numDisposedVariables = numDisposedVariables;
    }
}
