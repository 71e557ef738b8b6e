package dev.samovar.tests.graph;

import dev.samovar.io.ShardSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the model corpus is (shared/models) and a file-backed {@link ShardSource} for the JVM tests. */
public final class Corpus {
    private Corpus() {
    }

    /** The shared/models folder: -Dsamovar.models, else shared/models beside or above the checkout; null if absent. */
    public static Path models() {
        String prop = System.getProperty("samovar.models");
        if (prop != null) {
            return Paths.get(prop);
        }
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path c = p.resolve("shared/models");
            if (Files.isDirectory(c.resolve("tfjs"))) {
                return c;
            }
        }
        return null;
    }

    /** Shards next to a model.json. */
    public static ShardSource folder(Path dir) {
        return new ShardSource() {
            @Override
            public long length(String path) {
                Path p = dir.resolve(path);
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : -1;
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public void read(String path, long position, byte[] dst, int offset, int length) {
                try (RandomAccessFile f = new RandomAccessFile(dir.resolve(path).toFile(), "r")) {
                    f.seek(position);
                    f.readFully(dst, offset, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Element i of input k, as graph-models.mjs computes it. */
    public static float[] inputFloats(int k, int size, double offset) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            long v = ((long) i * 7919 + (long) k * 104729) % 1000;
            out[i] = (float) (v / 1000.0 - offset);
        }
        return out;
    }

    public static int[] inputInts(int k, int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            long v = ((long) i * 7919 + (long) k * 104729) % 1000;
            out[i] = (int) (v % 256);
        }
        return out;
    }
}
