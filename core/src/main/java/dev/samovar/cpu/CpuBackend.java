package dev.samovar.cpu;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.DataId;

/**
 * The CPU backend: a buffer is a Java {@code float[]} (float32) or {@code int[]} (int32, bool as
 * 0/1). It runs on the JVM and, compiled by TeaVM, in the page (where a {@code float[]} is a
 * Float32Array).
 */
public final class CpuBackend implements Backend {
    public static final String NAME = "cpu";

    private int numDataIds;
    private double numBytes;

    @Override
    public String name() {
        return NAME;
    }

    /** One pool per JVM / page: kernels allocate through {@link Cpu#newFloats}. */
    static final BufferPool POOL = new BufferPool();

    @Override
    public void write(DataId id, Object values, int[] shape, DType dtype) {
        POOL.acquire(values);
        id.payload = values;
        numDataIds++;
        numBytes += (double) length(values) * dtype.bytesPerElement();
    }

    @Override
    public Object readSync(DataId id) {
        return id.payload;
    }

    @Override
    public void disposeData(DataId id) {
        if (id.payload != null) {
            POOL.release(id.payload);
            numDataIds--;
            numBytes -= (double) id.size() * id.dtype().bytesPerElement();
        }
    }

    private static int length(Object values) {
        return values instanceof float[] ? ((float[]) values).length : ((int[]) values).length;
    }

    @Override
    public void expose(DataId id) {
        if (id.payload != null) {
            POOL.expose(id.payload);
        }
    }

    @Override
    public String memoryUnreliableReason() {
        return "The reported memory is an upper bound. Due to automatic garbage collection, "
                + "the true allocated memory may be less.";
    }

    @Override
    public void dispose() {
        POOL.clear();
    }

    @Override
    public int numDataIds() {
        return numDataIds;
    }

    @Override
    public double numBytes() {
        return numBytes;
    }
}
