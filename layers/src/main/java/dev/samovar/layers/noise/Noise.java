package dev.samovar.layers.noise;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Random;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's GaussianNoise, GaussianDropout and AlphaDropout (active only when training). */
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

    /**
     * TF.js's AlphaDropout: while training, keeps each value with probability 1 - rate (a uniform
     * draw of {@code noiseShape}, default the input's shape, compared with the rate), sets the others
     * to SELU's negative saturation value and applies the affine correction that keeps mean and
     * variance. {@code noiseShape} is not part of the config (as in TF.js).
     */
    public static class AlphaDropout extends Layer {
        private static final double ALPHA = 1.6732632423543772848170429916717;
        private static final double SCALE = 1.0507009873554804934193349852946;
        private final Object rate;
        private final int[] noiseShape;

        public AlphaDropout(Args args) {
            super(args);
            supportsMasking = true;
            rate = args.get("rate");
            noiseShape = args.has("noiseShape") ? args.getShape("noiseShape") : null;
        }

        @Override
        public String getClassName() {
            return "AlphaDropout";
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
            return Engine.get().tidy(() -> {
                double r = rate instanceof Number ? ((Number) rate).doubleValue() : Double.NaN;
                if (!(r < 1 && r > 0)) {
                    return inputs;
                }
                Tensor input = oneTensor(inputs);
                if (!training(kwargs)) {
                    return one(input);
                }
                double alphaP = -ALPHA * SCALE;
                int[] shape = noiseShape != null ? noiseShape : input.shape();
                Tensor kept = Logic.greaterEqual(Random.randomUniform(shape, 0, 1, DType.FLOAT32), LayerOps.scalar(r));
                kept = Transform.cast(kept, DType.FLOAT32);
                double a = Math.pow((1 - r) * (1 + r * Math.pow(alphaP, 2)), -0.5);
                double b = -a * alphaP * r;
                Tensor x = Arithmetic.add(Arithmetic.mul(input, kept),
                        Arithmetic.mul(Arithmetic.add(kept, LayerOps.scalar(-1)), LayerOps.scalar(alphaP)));
                return one(Arithmetic.add(Arithmetic.mul(x, LayerOps.scalar(a)), LayerOps.scalar(b)));
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
