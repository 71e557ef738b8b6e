package dev.samovar.layers.training;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Nn;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/** TF.js's layers losses (losses.js), by name, with TF.js's op sequences. */
public final class LayerLosses {
    private static final double EPS = LayerOps.EPSILON;
    private static final Map<String, LossFunction> MAP = new LinkedHashMap<>();

    private LayerLosses() {
    }

    static Tensor s(double v) {
        return Creation.scalar(v, DType.FLOAT32);
    }

    static Tensor tidy(java.util.function.Supplier<Tensor> f) {
        return Engine.get().tidy(f);
    }

    public static Tensor meanSquaredError(Tensor yTrue, Tensor yPred) {
        return tidy(() -> Reduction.mean(LayerOps.square(Arithmetic.sub(yPred, yTrue)), -1));
    }

    public static Tensor meanAbsoluteError(Tensor yTrue, Tensor yPred) {
        return tidy(() -> Reduction.mean(Unary.abs(Arithmetic.sub(yPred, yTrue)), -1));
    }

    public static Tensor meanAbsolutePercentageError(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor diff = Arithmetic.sub(yTrue, yPred);
            Tensor clippedTrue = Unary.clipByValue(Unary.abs(yTrue), EPS, Double.MAX_VALUE);
            Tensor absResult = Unary.abs(Arithmetic.div(diff, clippedTrue));
            return Arithmetic.mul(s(100), Reduction.mean(absResult, -1));
        });
    }

    public static Tensor meanSquaredLogarithmicError(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor clippedPred = Unary.clipByValue(yPred, EPS, Double.MAX_VALUE);
            Tensor firstLog = Unary.log(Arithmetic.add(s(1), clippedPred));
            Tensor clippedTrue = Unary.clipByValue(yTrue, EPS, Double.MAX_VALUE);
            Tensor secondLog = Unary.log(Arithmetic.add(s(1), clippedTrue));
            return Reduction.mean(LayerOps.square(Arithmetic.sub(firstLog, secondLog)), -1);
        });
    }

    public static Tensor squaredHinge(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor m = Arithmetic.maximum(s(0), Arithmetic.sub(s(1), Arithmetic.mul(yTrue, yPred)));
            return Reduction.mean(LayerOps.square(m), -1);
        });
    }

    public static Tensor hinge(Tensor yTrue, Tensor yPred) {
        return tidy(() -> Reduction.mean(Arithmetic.maximum(s(0), Arithmetic.sub(s(1), Arithmetic.mul(yTrue, yPred))),
                -1));
    }

    public static Tensor categoricalHinge(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor pos = Reduction.sum(Arithmetic.mul(yTrue, yPred), -1);
            Tensor neg = Reduction.max(Arithmetic.mul(Arithmetic.sub(s(1), yTrue), yPred), -1);
            return Arithmetic.maximum(s(0), Arithmetic.add(s(1), Arithmetic.sub(neg, pos)));
        });
    }

    public static Tensor logcosh(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            double log2 = Math.log(2);
            Tensor d = Arithmetic.sub(yPred, yTrue);
            Tensor r = Arithmetic.sub(Arithmetic.add(d, Unary.softplus(Arithmetic.mul(s(-2), d))), s(log2));
            return Reduction.mean(r, -1);
        });
    }

    public static Tensor categoricalCrossentropy(Tensor target, Tensor output0, boolean fromLogits) {
        return tidy(() -> {
            Tensor output;
            if (fromLogits) {
                output = Nn.softmax(output0);
            } else {
                Tensor outputSum = Reduction.sum(output0, new int[] {output0.rank() - 1}, true);
                output = Arithmetic.div(output0, outputSum);
            }
            output = Unary.clipByValue(output, EPS, 1 - EPS);
            return Unary.neg(Reduction.sum(Arithmetic.mul(Transform.cast(target, DType.FLOAT32), Unary.log(output)),
                    output.rank() - 1));
        });
    }

    public static Tensor categoricalCrossentropy(Tensor target, Tensor output) {
        return categoricalCrossentropy(target, output, false);
    }

    public static Tensor sparseCategoricalCrossentropy(Tensor target, Tensor output0) {
        return tidy(() -> {
            Tensor flatTarget = Transform.cast(Unary.floor(flatten(target)), DType.INT32);
            Tensor output = Unary.clipByValue(output0, EPS, 1 - EPS);
            int[] os = output.shape();
            Tensor oneHot = Transform.reshape(dev.samovar.ops.Creation.oneHot(flatTarget, os[os.length - 1]), os);
            return categoricalCrossentropy(oneHot, output, false);
        });
    }

    static Tensor flatten(Tensor x) {
        return Transform.reshape(x, x.size());
    }

    public static Tensor sigmoidCrossEntropyWithLogits(Tensor labels, Tensor logits) {
        if (!java.util.Arrays.equals(labels.shapeRef(), logits.shapeRef())) {
            throw new IllegalArgumentException("logits and labels must have the same shape, but got shapes "
                    + dev.samovar.layers.serialization.Dims.json(labels.shapeRef()) + " and "
                    + dev.samovar.layers.serialization.Dims.json(logits.shapeRef()));
        }
        return tidy(() -> {
            Tensor reluLogits = Unary.relu(logits);
            Tensor negAbsLogits = Unary.neg(Unary.abs(logits));
            return Arithmetic.add(Arithmetic.sub(reluLogits, Arithmetic.mul(logits, labels)),
                    Unary.log1p(Unary.exp(negAbsLogits)));
        });
    }

    public static Tensor binaryCrossentropy(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor y = Unary.clipByValue(yPred, EPS, 1 - EPS);
            y = Unary.log(Arithmetic.div(y, Arithmetic.sub(s(1), y)));
            return Reduction.mean(sigmoidCrossEntropyWithLogits(yTrue, y), -1);
        });
    }

    public static Tensor kullbackLeiblerDivergence(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor ct = Unary.clipByValue(yTrue, EPS, 1);
            Tensor cp = Unary.clipByValue(yPred, EPS, 1);
            return Reduction.sum(Arithmetic.mul(yTrue, Unary.log(Arithmetic.div(ct, cp))), -1);
        });
    }

    public static Tensor poisson(Tensor yTrue, Tensor yPred) {
        return tidy(() -> {
            Tensor logPred = Unary.log(Arithmetic.add(s(EPS), yPred));
            return Reduction.mean(Arithmetic.sub(yPred, Arithmetic.mul(yTrue, logPred)), -1);
        });
    }

    public static Tensor l2Normalize(Tensor x0, int axis) {
        return tidy(() -> {
            Tensor x = x0.dtype() == DType.FLOAT32 ? x0 : Transform.cast(x0, DType.FLOAT32);
            Tensor squareSum = Reduction.sum(LayerOps.square(x), new int[] {axis}, true);
            Tensor eps = Creation.fill(squareSum.shape(), EPS, DType.FLOAT32);
            return Arithmetic.div(x, Unary.sqrt(Arithmetic.maximum(squareSum, eps)));
        });
    }

    public static Tensor cosineProximity(Tensor yTrue, Tensor yPred) {
        return tidy(() -> Unary.neg(Reduction.sum(Arithmetic.mul(l2Normalize(yTrue, -1), l2Normalize(yPred, -1)), -1)));
    }

    static {
        MAP.put("meanSquaredError", LayerLosses::meanSquaredError);
        MAP.put("meanAbsoluteError", LayerLosses::meanAbsoluteError);
        MAP.put("meanAbsolutePercentageError", LayerLosses::meanAbsolutePercentageError);
        MAP.put("meanSquaredLogarithmicError", LayerLosses::meanSquaredLogarithmicError);
        MAP.put("squaredHinge", LayerLosses::squaredHinge);
        MAP.put("hinge", LayerLosses::hinge);
        MAP.put("categoricalHinge", LayerLosses::categoricalHinge);
        MAP.put("logcosh", LayerLosses::logcosh);
        MAP.put("categoricalCrossentropy", LayerLosses::categoricalCrossentropy);
        MAP.put("sparseCategoricalCrossentropy", LayerLosses::sparseCategoricalCrossentropy);
        MAP.put("binaryCrossentropy", LayerLosses::binaryCrossentropy);
        MAP.put("kullbackLeiblerDivergence", LayerLosses::kullbackLeiblerDivergence);
        MAP.put("poisson", LayerLosses::poisson);
        MAP.put("cosineProximity", LayerLosses::cosineProximity);
    }

    /** The loss of a name, failing with TF.js's message. */
    public static LossFunction get(String name) {
        LossFunction f = MAP.get(name);
        if (f != null) {
            return f;
        }
        String msg = "Unknown loss " + name;
        if (name.toLowerCase().contains("softmaxcrossentropy")) {
            msg = "Unknown loss " + name + ". Use \"categoricalCrossentropy\" as the string name for "
                    + "tf.losses.softmaxCrossEntropy";
        }
        throw new IllegalArgumentException(msg);
    }

    /** The name of a built-in loss function, or null. */
    public static String nameOf(LossFunction f) {
        for (Map.Entry<String, LossFunction> e : MAP.entrySet()) {
            if (e.getValue() == f) {
                return e.getKey();
            }
        }
        return null;
    }
}
