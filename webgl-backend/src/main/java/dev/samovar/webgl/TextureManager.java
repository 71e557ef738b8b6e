package dev.samovar.webgl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Textures pooled by shape (width x height in texels) and physical type (RGBA32F or RGBA32I): a
 * freed texture goes back to its pool and the next tensor of that shape takes it, so a training
 * loop allocates no textures after its first step. Free textures beyond {@link #maxFreeBytes} are
 * deleted, oldest first.
 */
final class TextureManager {
    private final GpuContext ctx;
    private final Map<Integer, ArrayDeque<Texture>> free = new HashMap<>();
    /** Free textures in the order they were freed, to delete the oldest beyond the limit. */
    private final ArrayDeque<Texture> freeOrder = new ArrayDeque<>();
    private int numUsed;
    private int numFree;
    private double bytesUsed;
    private double bytesFree;
    double maxFreeBytes = 256.0 * 1024 * 1024;

    TextureManager(GpuContext ctx) {
        this.ctx = ctx;
    }

    static int key(int width, int height, boolean isInt) {
        return (width * 16385 + height) * 2 + (isInt ? 1 : 0);
    }

    Texture acquire(int width, int height, boolean isInt) {
        ArrayDeque<Texture> pool = free.get(key(width, height, isInt));
        Texture t = pool == null ? null : pool.pollLast();
        if (t != null) {
            freeOrder.remove(t);
            numFree--;
            bytesFree -= t.bytes();
        } else {
            t = ctx.createTexture(width, height, isInt);
        }
        numUsed++;
        bytesUsed += t.bytes();
        return t;
    }

    void release(Texture t) {
        numUsed--;
        bytesUsed -= t.bytes();
        if (t.generation != ctx.generation()) {
            return;
        }
        free.computeIfAbsent(t.poolKey(), k -> new ArrayDeque<>()).addLast(t);
        freeOrder.addLast(t);
        numFree++;
        bytesFree += t.bytes();
        while (bytesFree > maxFreeBytes && !freeOrder.isEmpty()) {
            Texture old = freeOrder.pollFirst();
            free.get(old.poolKey()).remove(old);
            numFree--;
            bytesFree -= old.bytes();
            ctx.deleteTexture(old);
        }
    }

    /** Deletes every free texture (they stay counted as used until released). */
    void clearFree() {
        for (Texture t : freeOrder) {
            ctx.deleteTexture(t);
        }
        free.clear();
        freeOrder.clear();
        numFree = 0;
        bytesFree = 0;
    }

    /** After a lost context: every texture is gone; used ones are forgotten as they are released. */
    void forgetFree() {
        free.clear();
        freeOrder.clear();
        numFree = 0;
        bytesFree = 0;
    }

    int numUsed() {
        return numUsed;
    }

    int numFree() {
        return numFree;
    }

    double bytesUsed() {
        return bytesUsed;
    }

    double bytesFree() {
        return bytesFree;
    }
}
