package dev.samovar.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * JVM only: TF.js model artifacts from and to a folder (model.json + weight shards), with the checks
 * of the page's loader: malformed JSON, missing fields, shard paths that leave the folder, missing
 * or truncated shards and byte counts that do not match the manifest are rejected with a
 * {@link ModelFormatException} naming the file and the field, before any tensor is made. Saving
 * writes shards of 4 MiB as tensorflowjs_converter names them, into a temporary folder moved into
 * place when complete. (Not reachable from the browser build: it uses java.nio.file.)
 */
public final class ModelFiles {
    /** tensorflowjs_converter's and TF.js's default shard size: 4 MiB. */
    public static final long DEFAULT_SHARD_SIZE = 4L * 1024 * 1024;

    private ModelFiles() {
    }

    /** The model.json of {@code path}: the file itself, or {@code model.json} inside a folder. */
    public static Path modelJsonPath(Path path) {
        return Files.isDirectory(path) ? path.resolve("model.json") : path;
    }

    /** Loads model.json and every shard it names; weight data stays one buffer per shard. */
    public static ModelArtifacts load(Path path) {
        Path json = modelJsonPath(path);
        String fileName = json.toString();
        if (!Files.isRegularFile(json)) {
            throw new ModelFormatException(fileName + ": no such file");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFormatException(fileName + ": cannot read: " + e.getMessage(), e);
        }
        ModelJson mj = ModelJson.parse(text, fileName);
        Path dir = json.toAbsolutePath().getParent();
        FolderSource source = new FolderSource(dir);
        new WeightsReader(mj.weightsManifest, source, fileName).validate();
        List<byte[]> data = new ArrayList<>();
        for (WeightGroup g : mj.weightsManifest) {
            for (String p : g.paths) {
                try {
                    data.add(Files.readAllBytes(dir.resolve(p)));
                } catch (IOException e) {
                    throw new ModelFormatException(fileName + ": cannot read shard '" + p + "': " + e.getMessage(), e);
                }
            }
        }
        // A string weight's length is known only from the data: decode checks those.
        return ModelArtifacts.fromModelJson(mj, data);
    }

    /** The weights of the model at {@code path} as tensors by name (dequantized); nothing is left allocated on error. */
    public static java.util.Map<String, dev.samovar.core.Tensor> loadWeights(Path path) {
        return load(path).decodeWeights(modelJsonPath(path).toString());
    }

    /** Saves with shards of {@link #DEFAULT_SHARD_SIZE}. */
    public static ModelJson save(Path dir, ModelArtifacts artifacts) {
        return save(dir, artifacts, DEFAULT_SHARD_SIZE);
    }

    /**
     * Writes {@code dir/model.json} and {@code dir/group1-shard<i>of<N>.bin}. The folder is created;
     * an existing model.json there is replaced. Returns the model.json written.
     */
    public static ModelJson save(Path dir, ModelArtifacts artifacts, long shardSize) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".saving-");
            try {
                List<WeightGroup> manifest = new ArrayList<>();
                if (artifacts.weightSpecs != null) {
                    WeightsWriter w = new WeightsWriter(1, artifacts.weightSpecs, shardSize, new FolderSink(tmp));
                    long have = artifacts.weightDataBytes();
                    if (have != w.totalBytes()) {
                        throw new IllegalArgumentException("the weight specs declare " + w.totalBytes()
                                + " bytes but the weight data holds " + have);
                    }
                    WeightsCodec.Buffers data = new WeightsCodec.Buffers(artifacts.weightData == null
                            ? new ArrayList<>() : artifacts.weightData);
                    long offset = 0;
                    byte[] chunk = new byte[1 << 16];
                    for (WeightSpec s : artifacts.weightSpecs) {
                        w.beginWeight(s);
                        long left = s.byteLength();
                        while (left > 0) {
                            int n = (int) Math.min(chunk.length, left);
                            data.read(offset, chunk, 0, n);
                            w.write(chunk, 0, n);
                            offset += n;
                            left -= n;
                        }
                        w.endWeight();
                    }
                    manifest.add(w.finish());
                }
                ModelJson mj = artifacts.toModelJson(manifest);
                Files.write(tmp.resolve("model.json"), mj.stringify().getBytes(StandardCharsets.UTF_8));
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        move(f, dir.resolve(f.getFileName().toString()));
                    }
                }
                return mj;
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            List<Path> all = new ArrayList<>();
            s.forEach(all::add);
            all.sort(Comparator.reverseOrder());
            for (Path x : all) {
                Files.deleteIfExists(x);
            }
        }
    }

    /** Shards read from a folder (paths already checked to stay inside it). */
    static final class FolderSource implements ShardSource {
        private final Path dir;

        FolderSource(Path dir) {
            this.dir = dir;
        }

        @Override
        public long length(String path) {
            Path p = dir.resolve(path).normalize();
            if (!p.startsWith(dir) || !Files.isRegularFile(p)) {
                return -1;
            }
            try {
                return Files.size(p);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void read(String path, long position, byte[] dst, int offset, int length) {
            try (SeekableByteChannel ch = Files.newByteChannel(dir.resolve(path))) {
                ch.position(position);
                ByteBuffer bb = ByteBuffer.wrap(dst, offset, length);
                while (bb.hasRemaining()) {
                    if (ch.read(bb) < 0) {
                        throw new ModelFormatException("shard '" + path + "' ended early");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Shards written into a folder. */
    static final class FolderSink implements ShardSink {
        private final Path dir;

        FolderSink(Path dir) {
            this.dir = dir;
        }

        @Override
        public Shard open(String path) {
            try {
                OutputStream out = Files.newOutputStream(dir.resolve(path));
                return new Shard() {
                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        try {
                            out.write(bytes, offset, length);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void close() {
                        try {
                            out.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
