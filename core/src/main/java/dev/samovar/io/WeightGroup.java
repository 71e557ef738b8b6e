package dev.samovar.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of a weights manifest: {@code {paths, weights}}. The raw bytes of the weights, in this
 * order, are concatenated and cut into the shards named by {@code paths}.
 */
public final class WeightGroup {
    public final List<String> paths;
    public final List<WeightSpec> weights;

    public WeightGroup(List<String> paths, List<WeightSpec> weights) {
        this.paths = Collections.unmodifiableList(new ArrayList<>(paths));
        this.weights = Collections.unmodifiableList(new ArrayList<>(weights));
    }

    /** The bytes the weights occupy (the sum of their byte lengths); -1 if a string weight is present. */
    public long byteLength() {
        long total = 0;
        for (WeightSpec w : weights) {
            long b = w.byteLength();
            if (b < 0) {
                return -1;
            }
            total += b;
        }
        return total;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paths", new ArrayList<Object>(paths));
        List<Object> ws = new ArrayList<>();
        for (WeightSpec w : weights) {
            ws.add(w.toJson());
        }
        m.put("weights", ws);
        return m;
    }

    /** Reads and checks a manifest group; {@code where} is e.g. {@code model.json: weightsManifest[0]}. */
    public static WeightGroup fromJson(Object json, String where) {
        Map<?, ?> m = ManifestJson.object(json, where);
        List<?> p = ManifestJson.array(m.get("paths"), where + ".paths");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            String path = ManifestJson.string(p.get(i), where + ".paths[" + i + "]");
            checkRelativePath(path, where + ".paths[" + i + "]");
            paths.add(path);
        }
        List<?> w = ManifestJson.array(m.get("weights"), where + ".weights");
        List<WeightSpec> weights = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            weights.add(WeightSpec.fromJson(w.get(i), where + ".weights[" + i + "]"));
        }
        if (paths.isEmpty() && !weights.isEmpty()) {
            long bytes = new WeightGroup(paths, weights).byteLength();
            if (bytes != 0) {
                throw new ModelFormatException(where + ".paths: the group's weights need " + bytes
                        + " bytes but it names no shard file");
            }
        }
        return new WeightGroup(paths, weights);
    }

    /**
     * Rejects a shard path that could leave the model's folder or is not a plain relative path: empty,
     * absolute ({@code /x}, {@code C:\x}, {@code \\host}), with a {@code ..} or empty segment, a
     * backslash, a URL scheme or a NUL. ({@code ./x}, as TF.js's own saves write it, is accepted.)
     */
    public static void checkRelativePath(String path, String where) {
        String why = null;
        if (path.isEmpty()) {
            why = "is empty";
        } else if (path.startsWith("/") || path.startsWith("\\")) {
            why = "is absolute";
        } else if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
            why = "is absolute (a drive letter)";
        } else if (path.indexOf('\\') >= 0) {
            why = "contains a backslash";
        } else if (path.indexOf('\0') >= 0) {
            why = "contains a NUL character";
        } else if (path.contains("://") || path.startsWith("data:")) {
            why = "is a URL, not a path relative to the model";
        } else {
            for (String seg : path.split("/", -1)) {
                if (seg.equals("..")) {
                    why = "has a '..' segment (it would leave the model's folder)";
                    break;
                }
                if (seg.isEmpty()) {
                    why = "has an empty segment";
                    break;
                }
            }
        }
        if (why != null) {
            throw new ModelFormatException(where + ": the shard path \"" + path + "\" " + why);
        }
    }

    /** {@code group1-shard1of2.bin}: the name tensorflowjs_converter gives shard {@code shard} of {@code count}. */
    public static String shardName(int group, int shard, int count) {
        return "group" + group + "-shard" + shard + "of" + count + ".bin";
    }

    /** How many shards {@code totalBytes} make when cut every {@code shardSize} bytes. */
    public static int shardCount(long totalBytes, long shardSize) {
        if (shardSize <= 0) {
            throw new IllegalArgumentException("the shard size must be positive, not " + shardSize);
        }
        long n = (totalBytes + shardSize - 1) / shardSize;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many shards: " + n);
        }
        return (int) n;
    }
}
