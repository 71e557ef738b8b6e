package dev.samovar.webgl;

import dev.samovar.core.DType;

/**
 * The payload of a WebGL buffer: a texture, a copy of the values on the CPU, or both. Tensors are
 * immutable, so a copy never goes stale: values uploaded from the CPU are kept (a tensor read back
 * later needs no download), and values read back are kept (a second read is free).
 */
public final class TexData {
    final int size;
    final DType dtype;
    /** The shape the values were written with: it picks the texture's layout on upload. */
    final int[] shape;
    Texture texture;
    /** {@code float[]} (float32) or {@code int[]} (int32, bool), or null. */
    Object values;
    /** A warm-up placeholder: made without running its program; reads as zeros. */
    boolean compileOnly;

    TexData(int size, DType dtype, int[] shape) {
        this.size = size;
        this.dtype = dtype;
        this.shape = shape;
    }

    boolean isInt() {
        return dtype != DType.FLOAT32;
    }

    /** Whether the values are on the CPU and no texture holds them (a tensor made from JS data). */
    public boolean onlyOnCpu() {
        return texture == null && values != null;
    }

    /** The values' CPU copy (float[] or int[]) when there is one, else null; never downloads. */
    public Object cpuValues() {
        return compileOnly ? null : values;
    }

    public int size() {
        return size;
    }
}
