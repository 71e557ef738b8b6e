package dev.samovar.layers.io;

import dev.samovar.io.Json;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ModelJson;
import dev.samovar.io.WeightGroup;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsWriter;
import dev.samovar.layers.engine.Container;
import dev.samovar.layers.engine.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's model files (not reachable from the page): {@link #load} reads a model.json and its
 * shards (manifest checked, weights sliced out of the shards); {@link #save} writes model.json and
 * 4 MiB shards ({@code group1-shard1of1.bin}, ...) into a folder, through a temporary folder
 * moved into place when complete.
 */
public final class ModelFiles {
    public static final long SHARD_SIZE = 4L * 1024 * 1024;

    private ModelFiles() {
    }

    /** tf.loadLayersModel for a model.json path (strict). */
    public static Layer load(Path modelJson) {
        return load(modelJson, true);
    }

    public static Layer load(Path modelJson, boolean strict) {
        String name = modelJson.getFileName().toString();
        String text;
        try {
            text = Files.readString(modelJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(modelJson + ": cannot read: " + e.getMessage(), e);
        }
        ModelJson mj = ModelJson.parse(text, name);
        if (mj.modelTopology == null) {
            throw new ModelFormatException(name + ": modelTopology: missing (a weights manifest alone is not a model)");
        }
        Path dir = modelJson.toAbsolutePath().getParent();
        dev.samovar.io.WeightsReader reader = mj.weightsManifest.isEmpty() ? null
                : new dev.samovar.io.WeightsReader(mj.weightsManifest, new FileShards(dir), name);
        return LayersModelIO.load(mj.modelTopology, reader, strict, name);
    }

    /** Writes model.json and the weight shards into {@code dir} (created; replaced when complete). */
    public static void save(Container model, Path dir) {
        dev.samovar.io.ModelArtifacts a = LayersModelIO.artifacts(model);
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempDirectory(parent, ".samovar-save");
            dev.samovar.io.MemoryShards mem = new dev.samovar.io.MemoryShards();
            WeightsWriter writer = new WeightsWriter(1, a.weightSpecs, SHARD_SIZE, mem);
            int p = 0;
            for (WeightSpec spec : a.weightSpecs) {
                int len = (int) spec.byteLength();
                writer.beginWeight(spec);
                writer.write(a.weightData.get(0), p, len);
                writer.endWeight();
                p += len;
            }
            WeightGroup group = writer.finish();
            for (Map.Entry<String, byte[]> e : mem.all().entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("modelTopology", a.modelTopology);
            json.put("format", a.format);
            json.put("generatedBy", a.generatedBy);
            json.put("convertedBy", a.convertedBy);
            List<Object> manifest = new ArrayList<>();
            manifest.add(group.toJson());
            json.put("weightsManifest", manifest);
            Files.writeString(tmp.resolve("model.json"), Json.stringify(json), StandardCharsets.UTF_8);
            if (Files.exists(dir)) {
                try (var s = Files.list(dir)) {
                    for (Path f : s.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot save the model: " + e.getMessage(), e);
        }
    }

    /** Shards as files next to model.json. */
    static final class FileShards implements dev.samovar.io.ShardSource {
        private final Path dir;

        FileShards(Path dir) {
            this.dir = dir;
        }

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
            try (var ch = java.nio.channels.FileChannel.open(dir.resolve(path))) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(dst, offset, length);
                long pos = position;
                while (b.hasRemaining()) {
                    int n = ch.read(b, pos);
                    if (n < 0) {
                        throw new ModelFormatException(path + ": truncated at byte " + pos);
                    }
                    pos += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
        }
    }
}
