package dev.samovar.io;

/**
 * Where shard files are read from: files next to model.json on the JVM, fetched buffers in the
 * page. Weights are sliced out of the shards; no implementation has to join them into one buffer.
 */
public interface ShardSource {
    /** The shard's size in bytes, or -1 when there is no such shard. */
    long length(String path);

    /** Reads {@code length} bytes at {@code position} of shard {@code path} into {@code dst}. */
    void read(String path, long position, byte[] dst, int offset, int length);
}
