package dev.samovar.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one weight group as tensorflowjs_converter does: the stored bytes of the weights, in
 * manifest order, cut every {@code shardSize} bytes into {@code group<G>-shard<i>of<N>.bin} (the
 * last shard shorter; a weight may span shards). Streaming: weights are handed over one at a time,
 * in pieces if they are large, and at most one shard's worth of bytes is in flight. The shard count
 * is known up front because every spec's byte length is (string weights are not written here).
 */
public final class WeightsWriter {
    private final List<WeightSpec> specs;
    private final List<String> paths = new ArrayList<>();
    private final long shardSize;
    private final long totalBytes;
    private final ShardSink sink;

    private int next; // index of the weight to begin next
    private long weightRemaining = -1; // bytes still expected for the current weight; -1 between weights
    private long written;
    private ShardSink.Shard shard;
    private long shardRemaining;
    private int shardIndex;

    /**
     * @param groupNumber 1-based group number (the G of {@code group<G>-...})
     * @param specs the weights in order, with the quantization they are stored with
     */
    public WeightsWriter(int groupNumber, List<WeightSpec> specs, long shardSize, ShardSink sink) {
        this.specs = new ArrayList<>(specs);
        this.shardSize = shardSize;
        this.sink = sink;
        long total = 0;
        for (WeightSpec s : specs) {
            long b = s.byteLength();
            if (b < 0) {
                throw new IllegalArgumentException("weight '" + s.name + "': string weights cannot be written by WeightsWriter");
            }
            total += b;
        }
        this.totalBytes = total;
        int count = WeightGroup.shardCount(total, shardSize);
        for (int i = 1; i <= count; i++) {
            paths.add(WeightGroup.shardName(groupNumber, i, count));
        }
    }

    /** The bytes the group will hold. */
    public long totalBytes() {
        return totalBytes;
    }

    /** The shard file names, known before anything is written. */
    public List<String> paths() {
        return new ArrayList<>(paths);
    }

    /** Starts the next weight, which must be {@code spec} (by name). */
    public void beginWeight(WeightSpec spec) {
        if (weightRemaining >= 0) {
            throw new IllegalStateException("weight '" + specs.get(next - 1).name + "' is not complete: "
                    + weightRemaining + " bytes missing");
        }
        if (next >= specs.size() || !specs.get(next).name.equals(spec.name)) {
            throw new IllegalStateException("expected weight " + (next < specs.size() ? "'" + specs.get(next).name + "'"
                    : "none (all written)") + " but got '" + spec.name + "'");
        }
        weightRemaining = specs.get(next).byteLength();
        next++;
    }

    /** Appends stored bytes of the current weight. */
    public void write(byte[] bytes, int offset, int length) {
        if (weightRemaining < 0) {
            throw new IllegalStateException("write outside a weight: call beginWeight first");
        }
        if (length > weightRemaining) {
            throw new IllegalStateException("weight '" + specs.get(next - 1).name + "' declares "
                    + specs.get(next - 1).byteLength() + " bytes but more were written");
        }
        weightRemaining -= length;
        int off = offset;
        int left = length;
        while (left > 0) {
            if (shard == null || shardRemaining == 0) {
                if (shard != null) {
                    shard.close();
                }
                shard = sink.open(paths.get(shardIndex));
                shardIndex++;
                shardRemaining = Math.min(shardSize, totalBytes - written);
            }
            int n = (int) Math.min(left, shardRemaining);
            shard.write(bytes, off, n);
            off += n;
            left -= n;
            shardRemaining -= n;
            written += n;
        }
    }

    /** Ends the current weight; fails if it did not get all its bytes. */
    public void endWeight() {
        if (weightRemaining != 0) {
            throw new IllegalStateException("weight '" + specs.get(next - 1).name + "' is missing "
                    + weightRemaining + " bytes");
        }
        weightRemaining = -1;
    }

    /** Writes a whole weight. */
    public void writeWeight(WeightSpec spec, byte[] bytes) {
        beginWeight(spec);
        write(bytes, 0, bytes.length);
        endWeight();
    }

    /** Closes the last shard and returns the manifest group. */
    public WeightGroup finish() {
        if (weightRemaining >= 0 || next != specs.size()) {
            throw new IllegalStateException("not all weights were written (" + next + " of " + specs.size() + ")");
        }
        if (shard != null) {
            shard.close();
            shard = null;
        }
        if (written != totalBytes) {
            throw new IllegalStateException("wrote " + written + " bytes, expected " + totalBytes);
        }
        return new WeightGroup(paths, specs);
    }
}
