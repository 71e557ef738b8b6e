package dev.samovar.core;

/**
 * The handle of one buffer. Several tensors may share one buffer (reshape, clone); the buffer is
 * freed when the last of them is disposed. When a kernel on another backend needs the buffer, the
 * engine moves it and every tensor sharing the handle follows.
 */
public final class DataId {
    Backend backend;
    /** The backend's storage: a {@code float[]} / {@code int[]} on the CPU, a texture on WebGL. */
    public Object payload;
    final int size;
    final DType dtype;
    int refCount;

    DataId(Backend backend, int size, DType dtype) {
        this.backend = backend;
        this.size = size;
        this.dtype = dtype;
    }

    public Backend backend() {
        return backend;
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    public DType dtype() {
        return dtype;
    }

    public int refCount() {
        return refCount;
    }
}
