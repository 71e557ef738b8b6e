package dev.samovar.layers.recurrent;

import dev.samovar.core.Tensor;
import dev.samovar.layers.activations.Activation;
import dev.samovar.layers.activations.Activations;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Checks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What TF.js's SimpleRNNCell, GRUCell and LSTMCell share: units, activation(s), initializers,
 * regularizers, constraints, dropout rates and the kernel / recurrent kernel / bias weights.
 */
public abstract class BasicCell extends RNNCell {
    protected final Object units;
    protected final Activation activation;
    /** Null for SimpleRNNCell. */
    protected final Activation recurrentActivation;
    protected final boolean useBias;
    protected final Initializer kernelInitializer;
    protected final Initializer recurrentInitializer;
    protected final Initializer biasInitializer;
    protected final Regularizer kernelRegularizer;
    protected final Regularizer recurrentRegularizer;
    protected final Regularizer biasRegularizer;
    protected final Constraint kernelConstraint;
    protected final Constraint recurrentConstraint;
    protected final Constraint biasConstraint;
    protected final double dropout;
    protected final double recurrentDropout;
    protected final Object implementation;
    protected LayerVariable kernel;
    protected LayerVariable recurrentKernel;
    protected LayerVariable bias;

    /**
     * {@code undefinedActivationOnly}: GRU / LSTM take the default activation only when the
     * argument is undefined (null gives linear); SimpleRNN also when it is null.
     */
    protected BasicCell(Args args, boolean gated) {
        super(args);
        this.units = args.raw("units");
        Checks.positiveInteger(units, "units");
        Object act = args.raw("activation");
        if (gated) {
            this.activation = Activations.get(act == dev.samovar.layers.serialization.Undefined.INSTANCE ? "tanh" : act);
            Object ract = args.raw("recurrentActivation");
            this.recurrentActivation = Activations.get(
                    ract == dev.samovar.layers.serialization.Undefined.INSTANCE ? "hardSigmoid" : ract);
        } else {
            this.activation = Activations.get(args.has("activation") ? args.get("activation") : "tanh");
            this.recurrentActivation = null;
        }
        this.useBias = args.getBoolean("useBias", true);
        this.kernelInitializer = Initializers.get(orDefault(args.get("kernelInitializer"), "glorotNormal"));
        this.recurrentInitializer = Initializers.get(orDefault(args.get("recurrentInitializer"), "orthogonal"));
        this.biasInitializer = Initializers.get(orDefault(args.get("biasInitializer"), "zeros"));
        this.kernelRegularizer = Regularizers.get(args.get("kernelRegularizer"));
        this.recurrentRegularizer = Regularizers.get(args.get("recurrentRegularizer"));
        this.biasRegularizer = Regularizers.get(args.get("biasRegularizer"));
        this.kernelConstraint = Constraints.get(args.get("kernelConstraint"));
        this.recurrentConstraint = Constraints.get(args.get("recurrentConstraint"));
        this.biasConstraint = Constraints.get(args.get("biasConstraint"));
        this.dropout = clampRate(args, "dropout");
        this.recurrentDropout = clampRate(args, "recurrentDropout");
        this.implementation = args.raw("implementation");
    }

    /** JS's {@code value || dflt}. */
    static Object orDefault(Object v, Object dflt) {
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return dflt;
        }
        return v;
    }

    public int units() {
        return ((Number) units).intValue();
    }

    public LayerVariable kernel() {
        return kernel;
    }

    public LayerVariable recurrentKernel() {
        return recurrentKernel;
    }

    public LayerVariable bias() {
        return bias;
    }

    public double dropoutRate() {
        return dropout;
    }

    public double recurrentDropoutRate() {
        return recurrentDropout;
    }

    @Override
    public int[] stateSize() {
        return new int[] {units()};
    }

    /** Adds kernel [inputDim, units*gates], recurrent kernel [units, units*gates] and bias. */
    protected void buildWeights(List<int[]> inputShapes, int gates, int[] biasShape, Initializer biasInit) {
        int[] inputShape = oneShape(inputShapes);
        int inputDim = inputShape[inputShape.length - 1];
        kernel = addWeight("kernel", new int[] {inputDim, units() * gates}, null, kernelInitializer,
                kernelRegularizer, true, kernelConstraint);
        recurrentKernel = addWeight("recurrent_kernel", new int[] {units(), units() * gates}, null,
                recurrentInitializer, recurrentRegularizer, true, recurrentConstraint);
        if (useBias) {
            bias = addWeight("bias", biasShape, null, biasInit, biasRegularizer, true, biasConstraint);
        } else {
            bias = null;
        }
        built = true;
    }

    /** Makes the dropout masks on the first step when the rates are in (0, 1). */
    protected void ensureDropoutMasks(Tensor inputs, Tensor state, boolean training, int count) {
        if (0 < dropout && dropout < 1 && dropoutMask == null) {
            dropoutMask = generateDropoutMask(() -> dev.samovar.ops.Creation.onesLike(inputs), dropout, training,
                    count);
        }
        if (0 < recurrentDropout && recurrentDropout < 1 && recurrentDropoutMask == null) {
            recurrentDropoutMask = generateDropoutMask(() -> dev.samovar.ops.Creation.onesLike(state),
                    recurrentDropout, training, count);
        }
    }

    /** The shared config entries in TF.js's order; {@code between} adds the cell's own keys. */
    protected Map<String, Object> cellConfig(boolean withRecurrentActivation, Object unitForgetBias,
            boolean withUnitForgetBias) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("units", units);
        config.put("activation", Activations.serialize(activation));
        if (withRecurrentActivation) {
            config.put("recurrentActivation", Activations.serialize(recurrentActivation));
        }
        config.put("useBias", useBias);
        config.put("kernelInitializer", Initializers.serialize(kernelInitializer));
        config.put("recurrentInitializer", Initializers.serialize(recurrentInitializer));
        config.put("biasInitializer", Initializers.serialize(biasInitializer));
        if (withUnitForgetBias) {
            config.put("unitForgetBias", unitForgetBias);
        }
        config.put("kernelRegularizer", Regularizers.serialize(kernelRegularizer));
        config.put("recurrentRegularizer", Regularizers.serialize(recurrentRegularizer));
        config.put("biasRegularizer", Regularizers.serialize(biasRegularizer));
        config.put("activityRegularizer", Regularizers.serialize(activityRegularizer));
        config.put("kernelConstraint", Constraints.serialize(kernelConstraint));
        config.put("recurrentConstraint", Constraints.serialize(recurrentConstraint));
        config.put("biasConstraint", Constraints.serialize(biasConstraint));
        config.put("dropout", dropout);
        config.put("recurrentDropout", recurrentDropout);
        return config;
    }

    /** TF.js's Object.assign({}, base, own): base keys first, own values win. */
    protected Map<String, Object> baseThen(Map<String, Object> own) {
        Map<String, Object> out = super.getConfig();
        out.putAll(own);
        return out;
    }
}
