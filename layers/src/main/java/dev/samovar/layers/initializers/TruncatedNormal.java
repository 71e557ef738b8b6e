package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Random;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Truncated normal (values beyond two stddevs redrawn) with mean and stddev (defaults 0 and 0.05;
 * 0 given also means the default, as in TF.js).
 */
public final class TruncatedNormal extends Initializer {
    private final Object mean;
    private final Object stddev;
    private final Object seed;

    public TruncatedNormal(Args args) {
        this.mean = Initializers.orDefault(args.get("mean"), 0.0);
        this.stddev = Initializers.orDefault(args.get("stddev"), 0.05);
        this.seed = args.raw("seed");
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        DType d = orFloat(dtype);
        if (d != DType.FLOAT32 && d != DType.INT32) {
            throw new UnsupportedOperationException("truncatedNormal does not support dType " + d + ".");
        }
        return Random.truncatedNormal(shape, ((Number) mean).doubleValue(), ((Number) stddev).doubleValue(), d,
                LayerOps.seed(seed));
    }

    @Override
    public String getClassName() {
        return "TruncatedNormal";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mean", mean);
        c.put("stddev", stddev);
        c.put("seed", seed);
        return c;
    }
}
