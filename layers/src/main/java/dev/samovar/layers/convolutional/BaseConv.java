package dev.samovar.layers.convolutional;

import dev.samovar.layers.activations.Activation;
import dev.samovar.layers.activations.Activations;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/** TF.js's BaseConv: kernel size, strides, padding, data format, dilation, activation, bias. */
public abstract class BaseConv extends Layer {
    protected final int rank;
    protected final int[] kernelSize;
    protected final int[] strides;
    protected final String padding;
    protected final String dataFormat;
    protected final Activation activation;
    protected final boolean useBias;
    protected final Initializer biasInitializer;
    protected final Constraint biasConstraint;
    protected final Regularizer biasRegularizer;
    protected final int[] dilationRate;
    protected LayerVariable bias;

    protected BaseConv(int rank, Args args) {
        super(args);
        if (!args.map().containsKey("kernelSize")) {
            throw new IllegalArgumentException("required key 'kernelSize' not in config");
        }
        Object ks = args.get("kernelSize");
        if (!(ks instanceof Number) && !(ks instanceof java.util.List && ((java.util.List<?>) ks).size() >= 1
                && ((java.util.List<?>) ks).size() <= 3) && !(ks instanceof int[])) {
            throw new IllegalArgumentException("BaseConv expects config.kernelSize to be number or number[] with "
                    + "length 1, 2, or 3, but received " + dev.samovar.layers.serialization.Js.json(ks) + ".");
        }
        this.rank = rank;
        this.kernelSize = ConvUtils.normalizeArray(ks, rank, "kernelSize");
        this.strides = ConvUtils.normalizeArray(args.has("strides") ? args.get("strides") : 1, rank, "strides");
        this.padding = args.getString("padding", "valid");
        ConvUtils.checkPaddingMode(padding);
        this.dataFormat = args.getString("dataFormat", "channelsLast");
        LayerOps.checkDataFormat(dataFormat);
        this.activation = Activations.get(args.get("activation"));
        this.useBias = args.getBoolean("useBias", true);
        this.biasInitializer = Initializers.get(orDefault(args.get("biasInitializer"), "zeros"));
        this.biasConstraint = Constraints.get(args.get("biasConstraint"));
        this.biasRegularizer = Regularizers.get(args.get("biasRegularizer"));
        this.activityRegularizer = Regularizers.get(args.get("activityRegularizer"));
        this.dilationRate = ConvUtils.normalizeArray(args.has("dilationRate") ? args.get("dilationRate") : 1, rank,
                "dilationRate");
    }

    /** JS's {@code value || dflt}. */
    static Object orDefault(Object v, Object dflt) {
        if (v == null || Boolean.FALSE.equals(v) || "".equals(v)) {
            return dflt;
        }
        return v;
    }

    protected static String fusedActivation(Activation a) {
        String n = a.getClassName();
        return "relu".equals(n) || "linear".equals(n) || "elu".equals(n) ? n : null;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kernelSize", ConvUtils.list(kernelSize));
        config.put("strides", ConvUtils.list(strides));
        config.put("padding", padding);
        config.put("dataFormat", dataFormat);
        config.put("dilationRate", ConvUtils.list(dilationRate));
        config.put("activation", Activations.serialize(activation));
        config.put("useBias", useBias);
        config.put("biasInitializer", Initializers.serialize(biasInitializer));
        config.put("biasRegularizer", Regularizers.serialize(biasRegularizer));
        config.put("activityRegularizer", Regularizers.serialize(activityRegularizer));
        config.put("biasConstraint", Constraints.serialize(biasConstraint));
        return merge(config, super.getConfig());
    }
}
