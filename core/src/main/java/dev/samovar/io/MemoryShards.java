package dev.samovar.io;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shards held in memory, one byte array per shard: a {@link ShardSink} and a {@link ShardSource}. */
public final class MemoryShards implements ShardSink, ShardSource {
    private final Map<String, byte[]> shards = new LinkedHashMap<>();

    /** Adds (or replaces) a shard, e.g. one fetched by the page. */
    public void put(String path, byte[] bytes) {
        shards.put(path, bytes);
    }

    public byte[] get(String path) {
        return shards.get(path);
    }

    public Map<String, byte[]> all() {
        return shards;
    }

    @Override
    public Shard open(String path) {
        return new Shard() {
            private byte[] buf = new byte[256];
            private int n;

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (n + length > buf.length) {
                    byte[] bigger = new byte[Math.max(buf.length * 2, n + length)];
                    System.arraycopy(buf, 0, bigger, 0, n);
                    buf = bigger;
                }
                System.arraycopy(bytes, offset, buf, n, length);
                n += length;
            }

            @Override
            public void close() {
                byte[] exact = new byte[n];
                System.arraycopy(buf, 0, exact, 0, n);
                shards.put(path, exact);
            }
        };
    }

    @Override
    public long length(String path) {
        byte[] b = shards.get(path);
        return b == null ? -1 : b.length;
    }

    @Override
    public void read(String path, long position, byte[] dst, int offset, int length) {
        byte[] b = shards.get(path);
        if (b == null) {
            throw new ModelFormatException("no shard '" + path + "'");
        }
        System.arraycopy(b, (int) position, dst, offset, length);
    }
}
