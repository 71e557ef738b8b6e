package dev.samovar.webgl;

import org.teavm.jso.JSObject;

/** One RGBA32F or RGBA32I texture of the pool. */
final class Texture {
    final JSObject handle;
    final int width;
    final int height;
    final boolean isInt;
    /** The context generation it was made in: after a lost context, older textures are gone. */
    final int generation;

    Texture(JSObject handle, int width, int height, boolean isInt, int generation) {
        this.handle = handle;
        this.width = width;
        this.height = height;
        this.isInt = isInt;
        this.generation = generation;
    }

    /** 16 bytes per texel: four 32-bit values. */
    double bytes() {
        return (double) width * height * 16;
    }

    int poolKey() {
        return TextureManager.key(width, height, isInt);
    }
}
