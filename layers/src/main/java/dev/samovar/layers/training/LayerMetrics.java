package dev.samovar.layers.training;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.Map;

/** TF.js's layers metrics (metrics.js), by name, with TF.js's op sequences. */
public final class LayerMetrics {
    private static final Map<String, LossFunction> MAP = new LinkedHashMap<>();

    private LayerMetrics() {
    }

    static Tensor s(double v) {
        return Creation.scalar(v, DType.FLOAT32);
    }

    public static Tensor binaryAccuracy(Tensor yTrue, Tensor yPred) {
        return Engine.get().tidy(() -> {
            Tensor threshold = Arithmetic.mul(s(.5), Creation.onesLike(yPred));
            Tensor t = Transform.cast(Logic.greater(yPred, threshold), yTrue.dtype());
            return Reduction.mean(Logic.equal(yTrue, t), -1);
        });
    }

    public static Tensor categoricalAccuracy(Tensor yTrue, Tensor yPred) {
        return Engine.get().tidy(() -> Transform.cast(Logic.equal(Reduction.argMax(yTrue, -1),
                Reduction.argMax(yPred, -1)), DType.FLOAT32));
    }

    static Tensor count(Tensor yTrue, double t, Tensor yPred, double p) {
        return Engine.get().tidy(() -> Transform.cast(Reduction.sum(Logic.logicalAnd(Logic.equal(yTrue, s(t)),
                Logic.equal(yPred, s(p)))), DType.FLOAT32));
    }

    /** TF.js's r2Score: 1 - sum((yTrue - yPred)^2) / sum((yTrue - mean(yTrue))^2), over all elements. */
    public static Tensor r2Score(Tensor yTrue, Tensor yPred) {
        return dev.samovar.core.Engine.get().tidy(() -> {
            Tensor ssr = dev.samovar.ops.Reduction.sum(dev.samovar.ops.Unary.square(
                    dev.samovar.ops.Arithmetic.sub(yTrue, yPred)));
            Tensor ss = dev.samovar.ops.Reduction.sum(dev.samovar.ops.Unary.square(
                    dev.samovar.ops.Arithmetic.sub(yTrue, dev.samovar.ops.Reduction.mean(yTrue))));
            return dev.samovar.ops.Arithmetic.sub(dev.samovar.layers.backend.LayerOps.scalar(1),
                    dev.samovar.ops.Arithmetic.div(ssr, ss));
        });
    }

    public static Tensor precision(Tensor yTrue, Tensor yPred) {
        return Engine.get().tidy(() -> {
            Tensor tp = count(yTrue, 1, yPred, 1);
            Tensor fp = count(yTrue, 0, yPred, 1);
            Tensor den = Arithmetic.add(tp, fp);
            return Transform.cast(Logic.where(Logic.greater(den, s(0)), Arithmetic.div(tp, den), s(0)), DType.FLOAT32);
        });
    }

    public static Tensor recall(Tensor yTrue, Tensor yPred) {
        return Engine.get().tidy(() -> {
            Tensor tp = count(yTrue, 1, yPred, 1);
            Tensor fn = count(yTrue, 1, yPred, 0);
            Tensor den = Arithmetic.add(tp, fn);
            return Transform.cast(Logic.where(Logic.greater(den, s(0)), Arithmetic.div(tp, den), s(0)), DType.FLOAT32);
        });
    }

    public static Tensor sparseCategoricalAccuracy(Tensor yTrue0, Tensor yPred0) {
        Tensor yTrue = yTrue0;
        if (yTrue.rank() == yPred0.rank()) {
            yTrue = Transform.squeeze(yTrue, new int[] {yTrue.rank() - 1});
        }
        Tensor yPred = Reduction.argMax(yPred0, -1);
        if (yPred.dtype() != yTrue.dtype()) {
            yPred = Transform.cast(yPred, yTrue.dtype());
        }
        return Transform.cast(Logic.equal(yTrue, yPred), DType.FLOAT32);
    }

    static {
        MAP.put("binaryAccuracy", LayerMetrics::binaryAccuracy);
        MAP.put("categoricalAccuracy", LayerMetrics::categoricalAccuracy);
        MAP.put("precision", LayerMetrics::precision);
        MAP.put("categoricalCrossentropy", LayerLosses.get("categoricalCrossentropy"));
        MAP.put("sparseCategoricalCrossentropy", LayerLosses.get("sparseCategoricalCrossentropy"));
        MAP.put("mse", LayerLosses.get("meanSquaredError"));
        MAP.put("MSE", LayerLosses.get("meanSquaredError"));
        MAP.put("mae", LayerLosses.get("meanAbsoluteError"));
        MAP.put("MAE", LayerLosses.get("meanAbsoluteError"));
        MAP.put("mape", LayerLosses.get("meanAbsolutePercentageError"));
        MAP.put("MAPE", LayerLosses.get("meanAbsolutePercentageError"));
        MAP.put("cosine", LayerLosses.get("cosineProximity"));
    }

    /** The metric of a name (TF.js's metrics.get). */
    public static LossFunction get(String name) {
        LossFunction f = MAP.get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown metric " + name);
        }
        return f;
    }

    /** Functions of tf.metrics by their TF.js name (including those not usable by string). */
    public static LossFunction function(String name) {
        switch (name) {
            case "recall":
                return LayerMetrics::recall;
            case "sparseCategoricalAccuracy":
                return LayerMetrics::sparseCategoricalAccuracy;
            case "binaryCrossentropy":
                return LayerLosses.get("binaryCrossentropy");
            case "r2Score":
                return LayerMetrics::r2Score;
            default:
                return get(name);
        }
    }

    /** TF.js's getLossOrMetricName for a function: its name in the losses map, then the metrics map. */
    public static String nameOf(LossFunction f, String fallback) {
        String n = LayerLosses.nameOf(f);
        if (n != null) {
            return n;
        }
        for (Map.Entry<String, LossFunction> e : MAP.entrySet()) {
            if (e.getValue() == f) {
                return e.getKey();
            }
        }
        return fallback;
    }
}
