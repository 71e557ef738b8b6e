package dev.samovar.convert.tfjs;

import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ShardSink;
import dev.samovar.io.ShardSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/** Shard files in a folder (the folder of model.json): the JVM side of core's shard interfaces. */
public final class FileShards implements ShardSink, ShardSource, AutoCloseable {
    private final Path dir;
    private final Map<String, FileChannel> open = new HashMap<>();
    private long bytesWritten;

    public FileShards(Path dir) {
        this.dir = dir;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    private Path resolve(String path) {
        Path p = dir.resolve(path).normalize();
        if (!p.startsWith(dir.normalize())) {
            throw new ModelFormatException("the shard path \"" + path + "\" leaves the model's folder");
        }
        return p;
    }

    @Override
    public Shard open(String path) {
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(resolve(path),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
            return new Shard() {
                @Override
                public void write(byte[] bytes, int offset, int length) {
                    try {
                        out.write(bytes, offset, length);
                        bytesWritten += length;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    try {
                        out.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long length(String path) {
        Path p = resolve(path);
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void read(String path, long position, byte[] dst, int offset, int length) {
        try {
            FileChannel ch = open.get(path);
            if (ch == null) {
                ch = FileChannel.open(resolve(path), StandardOpenOption.READ);
                open.put(path, ch);
            }
            ByteBuffer b = ByteBuffer.wrap(dst, offset, length);
            long at = position;
            while (b.hasRemaining()) {
                int n = ch.read(b, at);
                if (n < 0) {
                    throw new ModelFormatException(path + ": the shard ended early (at byte " + at + ")");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (FileChannel ch : open.values()) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
        open.clear();
    }
}
