package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Checks;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Random;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale divided by the fan (in, out or average), drawn from a truncated normal
 * ({@code distribution 'normal'}) or a uniform distribution (anything else, as in TF.js). The
 * Glorot, He and LeCun initializers are variance scalings and serialize as one.
 */
public class VarianceScaling extends Initializer {
    static final List<String> FAN_MODES = Arrays.asList("fanIn", "fanOut", "fanAvg");
    static final List<String> DISTRIBUTIONS = Arrays.asList("normal", "uniform", "truncatedNormal");

    private final Object scale;
    private final String mode;
    private final String distribution;
    private final Object seed;

    public VarianceScaling(Args args) {
        Double s = args.getNumber("scale");
        if (s != null && s < 0.0) {
            throw new IllegalArgumentException("scale must be a positive float. Got: " + Js.str(args.get("scale")));
        }
        this.scale = s == null ? (Object) 1.0 : args.get("scale");
        this.mode = args.has("mode") ? args.getString("mode") : "fanIn";
        Checks.stringUnion(FAN_MODES, "FanMode", mode);
        this.distribution = args.has("distribution") ? args.getString("distribution") : "normal";
        Checks.stringUnion(DISTRIBUTIONS, "Distribution", distribution);
        this.seed = args.raw("seed");
    }

    /** TF.js's computeFans (channelsLast): [fanIn, fanOut]. */
    static double[] computeFans(int[] shape) {
        double fanIn;
        double fanOut;
        if (shape.length == 2) {
            fanIn = shape[0];
            fanOut = shape[1];
        } else if (shape.length >= 3 && shape.length <= 5) {
            double receptive = 1;
            for (int i = 0; i < shape.length - 2; i++) {
                receptive *= shape[i];
            }
            fanIn = shape[shape.length - 2] * receptive;
            fanOut = shape[shape.length - 1] * receptive;
        } else {
            double prod = 1;
            for (int d : shape) {
                prod *= d;
            }
            fanIn = Math.sqrt(prod);
            fanOut = Math.sqrt(prod);
        }
        return new double[] {fanIn, fanOut};
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        double[] fans = computeFans(shape);
        double s = ((Number) scale).doubleValue();
        if (mode.equals("fanIn")) {
            s /= Math.max(1, fans[0]);
        } else if (mode.equals("fanOut")) {
            s /= Math.max(1, fans[1]);
        } else {
            s /= Math.max(1, (fans[0] + fans[1]) / 2);
        }
        if (distribution.equals("normal")) {
            double stddev = Math.sqrt(s);
            DType d = orFloat(dtype);
            if (d != DType.FLOAT32 && d != DType.INT32) {
                throw new UnsupportedOperationException(getClassName() + " does not support dType " + d + ".");
            }
            return Random.truncatedNormal(shape, 0, stddev, d, LayerOps.seed(seed));
        }
        double limit = Math.sqrt(3 * s);
        return Random.randomUniform(shape, -limit, limit, orFloat(dtype), LayerOps.seed(seed));
    }

    @Override
    public String getClassName() {
        return "VarianceScaling";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("scale", scale);
        c.put("mode", mode);
        c.put("distribution", distribution);
        c.put("seed", seed);
        return c;
    }

    /** The arguments of the Glorot/He/LeCun helpers: fixed scale, mode and distribution, the seed given. */
    static Args helper(double scale, String mode, String distribution, Args args) {
        return Args.of("scale", scale, "mode", mode, "distribution", distribution, "seed",
                args == null ? null : args.raw("seed"));
    }
}
