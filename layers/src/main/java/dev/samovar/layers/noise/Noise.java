package dev.samovar.layers.noise;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Random;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's GaussianNoise and GaussianDropout (active only when training). */
public final class Noise {
    private Noise() {
    }

    /** Adds N(0, stddev) noise while training. */
    public static class GaussianNoise extends Layer {
        private final Object stddev;

        public GaussianNoise(Args args) {
            super(args);
            supportsMasking = true;
            stddev = args.get("stddev");
        }

        @Override
        public String getClassName() {
            return "GaussianNoise";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor input = oneTensor(inputs);
                if (!training(kwargs)) {
                    return one(input);
                }
                Tensor n = Random.randomNormal(input.shape(), 0, ((Number) stddev).doubleValue(), DType.FLOAT32);
                return one(Arithmetic.add(n, input));
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("stddev", stddev);
            return merge(c, super.getConfig());
        }
    }

    /** Multiplies by N(1, sqrt(rate / (1 - rate))) noise while training. */
    public static class GaussianDropout extends Layer {
        private final Object rate;

        public GaussianDropout(Args args) {
            super(args);
            supportsMasking = true;
            rate = args.get("rate");
        }

        @Override
        public String getClassName() {
            return "GaussianDropout";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                Tensor input = oneTensor(inputs);
                double r = ((Number) rate).doubleValue();
                if (r > 0 && r < 1 && training(kwargs)) {
                    double stddev = Math.sqrt(r / (1 - r));
                    return one(Arithmetic.mul(input, Random.randomNormal(input.shape(), 1, stddev, DType.FLOAT32)));
                }
                return one(input);
            });
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rate", rate);
            return merge(c, super.getConfig());
        }
    }
}
