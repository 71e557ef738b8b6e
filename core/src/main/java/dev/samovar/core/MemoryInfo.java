package dev.samovar.core;

import java.util.List;
import java.util.Map;

/**
 * What {@code memory()} reports, as TF.js: live tensors, distinct buffers, and bytes counted per
 * tensor (two tensors sharing a buffer count twice, as in TF.js); plus each backend's own buffers.
 */
public final class MemoryInfo {
    public final int numTensors;
    public final int numDataBuffers;
    public final double numBytes;
    public final boolean unreliable;
    public final List<String> reasons;
    /** Backend name to {numDataIds, numBytes} of the buffers it holds. */
    public final Map<String, double[]> perBackend;
    /**
     * The active backend's own fields, as TF.js's {@code backend.memory()} adds them (WebGL:
     * {@code numBytesInGPU}, {@code numBytesInGPUAllocated}, {@code numBytesInGPUFree}, ...).
     */
    public final Map<String, Double> backendFields;

    MemoryInfo(int numTensors, int numDataBuffers, double numBytes, boolean unreliable, List<String> reasons,
            Map<String, double[]> perBackend, Map<String, Double> backendFields) {
        this.numTensors = numTensors;
        this.numDataBuffers = numDataBuffers;
        this.numBytes = numBytes;
        this.unreliable = unreliable;
        this.reasons = reasons;
        this.perBackend = perBackend;
        this.backendFields = backendFields;
    }

    @Override
    public String toString() {
        return "MemoryInfo{numTensors=" + numTensors + ", numDataBuffers=" + numDataBuffers + ", numBytes=" + (long) numBytes
                + "}";
    }
}
