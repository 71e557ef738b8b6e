package dev.samovar.io;

/**
 * Where shard files are written: a folder on the JVM, memory in tests or in the page. Failures
 * surface as unchecked exceptions.
 */
public interface ShardSink {
    /** Creates shard file {@code path} (a plain name such as {@code group1-shard1of2.bin}). */
    Shard open(String path);

    /** One shard being written. */
    interface Shard {
        void write(byte[] bytes, int offset, int length);

        void close();
    }
}
