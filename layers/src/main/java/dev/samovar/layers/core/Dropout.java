package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Undefined;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a fraction {@code rate} of the inputs to 0 and scales the rest by 1 / (1 - rate), only when
 * called with {@code training: true} (TF.js's Dropout); {@code noiseShape} (null entries: the input's
 * size) and {@code seed} as tf.dropout takes them.
 */
public class Dropout extends Layer {
    private final double rate;
    private final Object noiseShape;
    private final Object seed;

    public Dropout(Args args) {
        super(args);
        Double r = args.getNumber("rate");
        this.rate = r == null || r.isNaN() ? Double.NaN : Math.max(Math.min(r, 1), 0);
        this.noiseShape = args.raw("noiseShape");
        this.seed = args.raw("seed");
        this.supportsMasking = true;
    }

    public double rate() {
        return rate;
    }

    @Override
    public String getClassName() {
        return "Dropout";
    }

    /** The noise shape for an input (null when none was given). */
    protected int[] getNoiseShape(Tensor input) {
        if (Undefined.isAbsent(noiseShape)) {
            return null;
        }
        int[] ns = Dims.fromObject(noiseShape, "noiseShape");
        int[] s = input.shapeRef();
        int[] out = new int[ns.length];
        for (int i = 0; i < ns.length; i++) {
            out[i] = Dims.isUnknown(ns[i]) && i < s.length ? s[i] : ns[i];
        }
        return out;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if (0 < rate && rate < 1) {
                if (training(kwargs)) {
                    return one(LayerOps.dropout(input, rate, getNoiseShape(input), LayerOps.seed(seed)));
                }
                return one(input);
            }
            return inputs;
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("rate", rate);
        config.put("noiseShape", noiseShape);
        config.put("seed", seed);
        return merge(config, super.getConfig());
    }
}
