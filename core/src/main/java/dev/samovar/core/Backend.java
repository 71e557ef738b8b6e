package dev.samovar.core;

import java.util.function.Consumer;

/**
 * A backend is storage: it writes, reads and frees buffers. Compute lives in the kernels registered
 * for the backend's name in {@link KernelRegistry}.
 */
public interface Backend {
    /** The name used by {@code setBackend} and the kernel registry: {@code cpu}, {@code webgl}. */
    String name();

    /**
     * Stores values into {@code id.payload}. {@code values} is a {@code float[]} for float32 or an
     * {@code int[]} for int32 and bool; the backend takes ownership of the array.
     */
    void write(DataId id, Object values, int[] shape, DType dtype);

    /** Reads a buffer: a {@code float[]} or an {@code int[]} that the caller must not modify. */
    Object readSync(DataId id);

    /** Reads a buffer without blocking where the backend can; the CPU calls back at once. */
    default void read(DataId id, Consumer<Object> callback) {
        callback.accept(readSync(id));
    }

    /**
     * A view of the buffer left the engine (the JS API's dataSync() returns the buffer itself): the
     * backend must not reuse its memory after the buffer is freed.
     */
    default void expose(DataId id) {
    }

    /** Frees a buffer whose last tensor was disposed, or that moved to another backend. */
    void disposeData(DataId id);

    /** Number of buffers this backend holds. */
    int numDataIds();

    /** Bytes of the buffers this backend holds. */
    double numBytes();

    /**
     * Why {@code memory()} is only an upper bound on this backend (TF.js's {@code unreliable} and
     * {@code reasons}), or null when it is exact.
     */
    default String memoryUnreliableReason() {
        return null;
    }

    /** The backend's own fields of {@code memory()}, in order (TF.js's {@code backend.memory()}). */
    default java.util.Map<String, Double> memoryFields() {
        return java.util.Collections.emptyMap();
    }

    /** Bits of float precision the backend computes with (TF.js's {@code floatPrecision()}): 32 or 16. */
    default int floatPrecision() {
        return 32;
    }

    /** Releases everything the backend holds. */
    default void dispose() {
    }
}
