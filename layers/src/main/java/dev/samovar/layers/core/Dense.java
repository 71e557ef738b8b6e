package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.activations.Activation;
import dev.samovar.layers.activations.Activations;
import dev.samovar.layers.backend.LayerOps;
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
import dev.samovar.layers.serialization.Checks;
import dev.samovar.layers.serialization.Dims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code output = activation(dot(input, kernel) + bias)} (TF.js's Dense, {@code tf.layers.dense}):
 * kernel {@code [inputLastDim, units]} (glorotNormal unless given), bias {@code [units]} (zeros).
 * Inputs of rank &gt; 2 are multiplied along their last axis. relu, linear and elu run fused with
 * the matMul, as in TF.js.
 */
public class Dense extends Layer {
    private final Object units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Constraint kernelConstraint;
    private final Constraint biasConstraint;
    private final Regularizer kernelRegularizer;
    private final Regularizer biasRegularizer;
    private LayerVariable kernel;
    private LayerVariable bias;

    public Dense(Args args) {
        super(args);
        if (batchInputShape == null && !args.has("batchInputShape") && !args.has("inputShape")
                && args.has("inputDim")) {
            int batchSize = args.has("batchSize") ? args.getInt("batchSize", Dims.UNKNOWN) : Dims.UNKNOWN;
            this.batchInputShape = new int[] {batchSize, args.getInt("inputDim", 0)};
        }
        this.units = args.raw("units");
        Checks.positiveInteger(units, "units");
        this.activation = Activations.get(args.get("activation"));
        this.useBias = args.getBoolean("useBias", true);
        this.kernelInitializer = Initializers.get(orDefault(args.get("kernelInitializer"), "glorotNormal"));
        this.biasInitializer = Initializers.get(orDefault(args.get("biasInitializer"), "zeros"));
        this.kernelConstraint = Constraints.get(args.get("kernelConstraint"));
        this.biasConstraint = Constraints.get(args.get("biasConstraint"));
        this.kernelRegularizer = Regularizers.get(args.get("kernelRegularizer"));
        this.biasRegularizer = Regularizers.get(args.get("biasRegularizer"));
        this.activityRegularizer = Regularizers.get(args.get("activityRegularizer"));
        this.supportsMasking = true;
        this.inputSpec = one(new InputSpec().minNDim(2));
    }

    /** JS's {@code value || dflt}: an empty string or false also gives the default. */
    static Object orDefault(Object v, Object dflt) {
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return dflt;
        }
        return v;
    }

    public int units() {
        return ((Number) units).intValue();
    }

    public Activation activation() {
        return activation;
    }

    public LayerVariable kernel() {
        return kernel;
    }

    public LayerVariable bias() {
        return bias;
    }

    @Override
    public String getClassName() {
        return "Dense";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        int inputLastDim = inputShape[inputShape.length - 1];
        if (kernel == null) {
            kernel = addWeight("kernel", new int[] {inputLastDim, units()}, null, kernelInitializer, kernelRegularizer,
                    true, kernelConstraint);
            if (useBias) {
                bias = addWeight("bias", new int[] {units()}, null, biasInitializer, biasRegularizer, true,
                        biasConstraint);
            }
        }
        this.inputSpec = one(new InputSpec().minNDim(2).axis(-1, inputLastDim));
        this.built = true;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] out = oneShape(inputShapes).clone();
        out[out.length - 1] = units();
        return one(out);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            String name = activation.getClassName();
            String fused = "relu".equals(name) || "linear".equals(name) || "elu".equals(name) ? name : null;
            Tensor output;
            if (fused != null) {
                output = LayerOps.dot(input, kernel.read(), fused, bias != null ? bias.read() : null);
            } else {
                output = LayerOps.dot(input, kernel.read(), null, null);
                if (bias != null) {
                    output = LayerOps.biasAdd(output, bias.read(), null);
                }
                output = activation.apply(output);
            }
            return one(output);
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("units", units);
        config.put("activation", Activations.serialize(activation));
        config.put("useBias", useBias);
        config.put("kernelInitializer", Initializers.serialize(kernelInitializer));
        config.put("biasInitializer", Initializers.serialize(biasInitializer));
        config.put("kernelRegularizer", Regularizers.serialize(kernelRegularizer));
        config.put("biasRegularizer", Regularizers.serialize(biasRegularizer));
        config.put("activityRegularizer", Regularizers.serialize(activityRegularizer));
        config.put("kernelConstraint", Constraints.serialize(kernelConstraint));
        config.put("biasConstraint", Constraints.serialize(biasConstraint));
        return merge(config, super.getConfig());
    }
}
