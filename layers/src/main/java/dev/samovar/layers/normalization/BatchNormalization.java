package dev.samovar.layers.normalization;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Nn;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's BatchNormalization: inference normalizes with the moving mean and variance; training
 * with the batch moments, updating the moving averages ({@code v - (v - batch) * (1 - momentum)}).
 */
public class BatchNormalization extends Layer {
    private final Object axisRaw;
    private final int axisArg;
    private final Object momentum;
    private final Object epsilon;
    private final boolean center;
    private final boolean scale;
    private final Initializer betaInitializer;
    private final Initializer gammaInitializer;
    private final Initializer movingMeanInitializer;
    private final Initializer movingVarianceInitializer;
    private final Constraint betaConstraint;
    private final Constraint gammaConstraint;
    private final Regularizer betaRegularizer;
    private final Regularizer gammaRegularizer;
    private LayerVariable gamma;
    private LayerVariable beta;
    private LayerVariable movingMean;
    private LayerVariable movingVariance;

    public BatchNormalization(Args args) {
        super(args == null ? new Args() : args);
        Args a = args == null ? new Args() : args;
        supportsMasking = true;
        axisRaw = a.has("axis") ? a.get("axis") : -1;
        axisArg = axisOf(axisRaw);
        momentum = a.has("momentum") ? a.get("momentum") : 0.99;
        epsilon = a.has("epsilon") ? a.get("epsilon") : 1e-3;
        center = a.getBoolean("center", true);
        scale = a.getBoolean("scale", true);
        betaInitializer = Initializers.get(or(a.get("betaInitializer"), "zeros"));
        gammaInitializer = Initializers.get(or(a.get("gammaInitializer"), "ones"));
        movingMeanInitializer = Initializers.get(or(a.get("movingMeanInitializer"), "zeros"));
        movingVarianceInitializer = Initializers.get(or(a.get("movingVarianceInitializer"), "ones"));
        betaConstraint = Constraints.get(a.get("betaConstraint"));
        gammaConstraint = Constraints.get(a.get("gammaConstraint"));
        betaRegularizer = Regularizers.get(a.get("betaRegularizer"));
        gammaRegularizer = Regularizers.get(a.get("gammaRegularizer"));
    }

    /**
     * The axis: a number, or (as Keras 2.2+ saves it, and TF.js reads it through JS's coercion) a list of
     * one number.
     */
    static int axisOf(Object raw) {
        if (raw instanceof Number) {
            return ((Number) raw).intValue();
        }
        if (raw instanceof java.util.List && ((java.util.List<?>) raw).size() == 1
                && ((java.util.List<?>) raw).get(0) instanceof Number) {
            return ((Number) ((java.util.List<?>) raw).get(0)).intValue();
        }
        throw new IllegalArgumentException("BatchNormalization: expected axis to be a number or a list of one number, but got "
                + raw);
    }

    static Object or(Object v, Object d) {
        return v == null || Boolean.FALSE.equals(v) || "".equals(v) ? d : v;
    }

    @Override
    public String getClassName() {
        return "BatchNormalization";
    }

    private double eps() {
        return ((Number) epsilon).doubleValue();
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        int axis = axisArg >= 0 ? axisArg : axisArg + s.length;
        int dim = s[axis];
        if (dim == Dims.UNKNOWN) {
            throw new IllegalArgumentException("Axis " + axis + " of input tensor should have a defined dimension but "
                    + "the layer received an input with shape " + Dims.json(s) + ".");
        }
        inputSpec = one(new InputSpec().ndim(s.length).axis(axis, dim));
        int[] shape = {dim};
        if (scale) {
            gamma = addWeight("gamma", shape, null, gammaInitializer, gammaRegularizer, true, gammaConstraint);
        }
        if (center) {
            beta = addWeight("beta", shape, null, betaInitializer, betaRegularizer, true, betaConstraint);
        }
        movingMean = addWeight("moving_mean", shape, null, movingMeanInitializer, null, false, null);
        movingVariance = addWeight("moving_variance", shape, null, movingVarianceInitializer, null, false, null);
        built = true;
    }

    /** TF.js's batchNormalization helper (batchNorm2d/3d/4d by rank). */
    static Tensor batchNormalization(Tensor x, Tensor mean, Tensor variance, Tensor beta, Tensor gamma, double eps) {
        switch (x.rank()) {
            case 2:
                return Nn.batchNorm2d(x, mean, variance, beta, gamma, eps);
            case 3:
                return Nn.batchNorm3d(x, mean, variance, beta, gamma, eps);
            case 4:
                return Nn.batchNorm4d(x, mean, variance, beta, gamma, eps);
            default:
                throw new UnsupportedOperationException("batchNormalization is not implemented for array of rank "
                        + x.rank() + " yet");
        }
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            boolean training = training(kwargs);
            Tensor input = oneTensor(inputs);
            int[] inputShape = input.shapeRef();
            int ndim = inputShape.length;
            int axis = axisArg >= 0 ? axisArg : axisArg + ndim;
            List<Integer> red = new ArrayList<>();
            for (int i = 0; i < ndim; i++) {
                if (i != axis) {
                    red.add(i);
                }
            }
            int[] reductionAxes = red.stream().mapToInt(Integer::intValue).toArray();
            int[] broadcastShape = new int[ndim];
            Arrays.fill(broadcastShape, 1);
            broadcastShape[axis] = inputShape[axis];
            int[] sorted = reductionAxes.clone();
            Arrays.sort(sorted);
            boolean needsBroadcasting = !Arrays.equals(sorted, range(ndim - 1));
            if (!training) {
                if (needsBroadcasting) {
                    return one(batchNormalization(input, Transform.reshape(movingMean.read(), broadcastShape),
                            Transform.reshape(movingVariance.read(), broadcastShape),
                            center ? Transform.reshape(beta.read(), broadcastShape) : null,
                            scale ? Transform.reshape(gamma.read(), broadcastShape) : null, eps()));
                }
                return one(batchNormalization(input, movingMean.read(), movingVariance.read(),
                        beta == null ? null : beta.read(), gamma == null ? null : gamma.read(), eps()));
            }
            Tensor[] r = normalizeBatchInTraining(input, gamma.read(), beta.read(), reductionAxes, eps());
            double m = ((Number) momentum).doubleValue();
            movingAverage(movingMean, r[1], m);
            movingAverage(movingVariance, r[2], m);
            return one(r[0]);
        });
    }

    private static void movingAverage(LayerVariable variable, Tensor value, double momentum) {
        Engine.get().tidy(() -> {
            double decay = 1 - momentum;
            Tensor orig = variable.read();
            Tensor updateDelta = Arithmetic.mul(Arithmetic.sub(orig, value), Creation.scalar(decay,
                    dev.samovar.core.DType.FLOAT32));
            variable.write(Arithmetic.sub(orig, updateDelta));
            return null;
        });
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    static Tensor[] normalizeBatchInTraining(Tensor x, Tensor gamma, Tensor beta, int[] reductionAxes, double eps) {
        int[] sorted = reductionAxes.clone();
        Arrays.sort(sorted);
        boolean regular = Arrays.equals(sorted, range(x.rank() - 1));
        return Engine.get().tidy(() -> {
            Reduction.Moments mv = Reduction.moments(x, reductionAxes, false);
            Tensor mean = mv.mean();
            Tensor variance = mv.variance();
            Tensor normed;
            if (regular) {
                normed = batchNormalization(x, mean, variance, beta, gamma, eps);
            } else {
                int[] target = new int[x.rank()];
                for (int axis = 0; axis < x.rank(); axis++) {
                    boolean reduced = false;
                    for (int ra : reductionAxes) {
                        reduced |= ra == axis;
                    }
                    target[axis] = reduced ? 1 : x.dim(axis);
                }
                normed = batchNormalization(x, Transform.reshape(mean, target), Transform.reshape(variance, target),
                        beta == null ? null : Transform.reshape(beta, target),
                        gamma == null ? null : Transform.reshape(gamma, target), eps);
            }
            return List.of(normed, mean, variance);
        }).toArray(new Tensor[0]);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("axis", axisRaw);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("center", center);
        config.put("scale", scale);
        config.put("betaInitializer", Initializers.serialize(betaInitializer));
        config.put("gammaInitializer", Initializers.serialize(gammaInitializer));
        config.put("movingMeanInitializer", Initializers.serialize(movingMeanInitializer));
        config.put("movingVarianceInitializer", Initializers.serialize(movingVarianceInitializer));
        config.put("betaRegularizer", Regularizers.serialize(betaRegularizer));
        config.put("gammaRegularizer", Regularizers.serialize(gammaRegularizer));
        config.put("betaConstraint", Constraints.serialize(betaConstraint));
        config.put("gammaConstraint", Constraints.serialize(gammaConstraint));
        return merge(config, super.getConfig());
    }
}
