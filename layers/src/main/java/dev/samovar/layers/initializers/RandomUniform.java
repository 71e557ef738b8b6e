package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Random;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uniform in [minval, maxval) (defaults -0.05 and 0.05; as in TF.js, a 0 given for either also
 * means the default).
 */
public final class RandomUniform extends Initializer {
    private final Object minval;
    private final Object maxval;
    private final Object seed;

    public RandomUniform(Args args) {
        this.minval = Initializers.orDefault(args.get("minval"), -0.05);
        this.maxval = Initializers.orDefault(args.get("maxval"), 0.05);
        this.seed = args.raw("seed");
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return Random.randomUniform(shape, ((Number) minval).doubleValue(), ((Number) maxval).doubleValue(),
                orFloat(dtype), LayerOps.seed(seed));
    }

    @Override
    public String getClassName() {
        return "RandomUniform";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("minval", minval);
        c.put("maxval", maxval);
        c.put("seed", seed);
        return c;
    }
}
