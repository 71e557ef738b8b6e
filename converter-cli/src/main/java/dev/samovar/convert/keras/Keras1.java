package dev.samovar.convert.keras;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 1.x configs in Keras 2 terms (what Keras 2's legacy interfaces did when loading them):
 * old class names ({@code Convolution2D}), old argument names ({@code output_dim}, {@code nb_filter},
 * {@code border_mode}, {@code init}, {@code W_regularizer}, {@code dim_ordering}, ...) and old
 * initializer names. tensorflowjs_converter rejects Keras 1 files; Samovar maps them.
 */
final class Keras1 {
    private Keras1() {
    }

    /** Whether a config looks like Keras 1 (old class or argument names). */
    static boolean looksLikeKeras1(Object json) {
        if (json instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) json;
            Object cls = m.get("class_name");
            if (cls instanceof String && CLASSES.containsKey(cls)) {
                return true;
            }
            for (Object k : m.keySet()) {
                if (k.equals("output_dim") && !m.containsKey("input_dim") && m.containsKey("init")) {
                    return true;
                }
                if (k.equals("nb_filter") || k.equals("border_mode") || k.equals("dim_ordering") || k.equals("W_regularizer")
                        || k.equals("input_dtype") || k.equals("inner_init") || k.equals("subsample")) {
                    return true;
                }
                if (k.equals("init") && m.containsKey("output_dim")) {
                    return true;
                }
            }
            for (Object v : m.values()) {
                if (looksLikeKeras1(v)) {
                    return true;
                }
            }
        } else if (json instanceof List) {
            for (Object v : (List<?>) json) {
                if (looksLikeKeras1(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    static final Map<String, String> CLASSES = Map.of(
            "Convolution1D", "Conv1D",
            "Convolution2D", "Conv2D",
            "Convolution3D", "Conv3D",
            "AtrousConvolution1D", "Conv1D",
            "AtrousConvolution2D", "Conv2D",
            "Deconvolution2D", "Conv2DTranspose",
            "SeparableConvolution2D", "SeparableConv2D");

    /** Keras 1 layers that have no Keras 2 / TF.js counterpart. */
    static String unsupported(String cls) {
        switch (cls) {
            case "MaxoutDense":
            case "Highway":
            case "TimeDistributedDense":
            case "SReLU":
            case "LocallyConnected1D":
            case "LocallyConnected2D":
                return "the Keras 1 layer " + cls + " has no counterpart in Keras 2 or TF.js";
            default:
                return null;
        }
    }

    private static String initializer(Object v) {
        if (!(v instanceof String)) {
            return null;
        }
        switch ((String) v) {
            case "zero":
                return "zeros";
            case "one":
                return "ones";
            case "uniform":
                return "random_uniform";
            case "normal":
                return "random_normal";
            default:
                return (String) v;
        }
    }

    private static String dataFormat(Object dimOrdering) {
        return "th".equals(dimOrdering) ? "channels_first" : "channels_last";
    }

    /**
     * Maps one layer's class name and config in place; returns the Keras 2 class name. Throws
     * {@link IllegalArgumentException} with the reason when the layer cannot be mapped.
     */
    static String map(String cls, Map<String, Object> c, boolean firstLayer) {
        String why = unsupported(cls);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        String out = CLASSES.getOrDefault(cls, cls);
        boolean added = !c.containsKey("batch_input_shape");
        rename(c, "input_dtype", "dtype");
        if (c.containsKey("init") && !(cls.equals("PReLU"))) {
            c.put("init", initializer(c.get("init")));
        }
        switch (out) {
            case "Dense":
                rename(c, "output_dim", "units");
                kernelAndBias(c);
                inputDim(c, false);
                break;
            case "Dropout":
            case "SpatialDropout1D":
            case "SpatialDropout2D":
            case "SpatialDropout3D":
            case "GaussianDropout":
                rename(c, "p", "rate");
                break;
            case "GaussianNoise":
                rename(c, "sigma", "stddev");
                break;
            case "Embedding":
                rename(c, "init", "embeddings_initializer");
                rename(c, "W_regularizer", "embeddings_regularizer");
                rename(c, "W_constraint", "embeddings_constraint");
                c.remove("dropout");
                if (c.get("input_length") != null && !c.containsKey("batch_input_shape")) {
                    c.put("batch_input_shape", java.util.Arrays.asList(null, c.get("input_length")));
                }
                break;
            case "SimpleRNN":
            case "GRU":
            case "LSTM":
                rename(c, "output_dim", "units");
                rename(c, "init", "kernel_initializer");
                c.put("kernel_initializer", initializer(c.get("kernel_initializer")));
                rename(c, "inner_init", "recurrent_initializer");
                c.put("recurrent_initializer", initializer(c.get("recurrent_initializer")));
                rename(c, "inner_activation", "recurrent_activation");
                rename(c, "W_regularizer", "kernel_regularizer");
                rename(c, "U_regularizer", "recurrent_regularizer");
                rename(c, "b_regularizer", "bias_regularizer");
                rename(c, "dropout_W", "dropout");
                rename(c, "dropout_U", "recurrent_dropout");
                if (c.containsKey("forget_bias_init")) {
                    Object f = c.remove("forget_bias_init");
                    if (out.equals("LSTM")) {
                        c.put("unit_forget_bias", "one".equals(f));
                    }
                }
                if (c.containsKey("consume_less")) {
                    Object cl = c.remove("consume_less");
                    c.put("implementation", "mem".equals(cl) ? 1.0 : "gpu".equals(cl) ? 2.0 : 0.0);
                }
                inputDim(c, true);
                break;
            case "Conv1D":
                rename(c, "nb_filter", "filters");
                rename(c, "filter_length", "kernel_size");
                rename(c, "subsample_length", "strides");
                rename(c, "atrous_rate", "dilation_rate");
                rename(c, "border_mode", "padding");
                kernelAndBias(c);
                inputDim(c, true);
                break;
            case "Conv2D":
            case "Conv2DTranspose":
            case "SeparableConv2D":
                rename(c, "nb_filter", "filters");
                if (c.containsKey("nb_row") || c.containsKey("nb_col")) {
                    c.put("kernel_size", java.util.Arrays.asList(c.remove("nb_row"), c.remove("nb_col")));
                }
                rename(c, "subsample", "strides");
                rename(c, "atrous_rate", "dilation_rate");
                rename(c, "border_mode", "padding");
                c.remove("output_shape");
                dimOrdering(c);
                if (out.equals("SeparableConv2D")) {
                    rename(c, "init", "depthwise_initializer");
                    if (c.containsKey("depthwise_initializer")) {
                        c.put("pointwise_initializer", c.get("depthwise_initializer"));
                    }
                    rename(c, "b_regularizer", "bias_regularizer");
                    rename(c, "b_constraint", "bias_constraint");
                    rename(c, "bias", "use_bias");
                } else {
                    kernelAndBias(c);
                }
                break;
            case "Conv3D":
                rename(c, "nb_filter", "filters");
                if (c.containsKey("kernel_dim1")) {
                    c.put("kernel_size", java.util.Arrays.asList(c.remove("kernel_dim1"), c.remove("kernel_dim2"),
                            c.remove("kernel_dim3")));
                }
                rename(c, "subsample", "strides");
                rename(c, "border_mode", "padding");
                dimOrdering(c);
                kernelAndBias(c);
                break;
            case "MaxPooling1D":
            case "AveragePooling1D":
                rename(c, "pool_length", "pool_size");
                rename(c, "stride", "strides");
                rename(c, "border_mode", "padding");
                break;
            case "MaxPooling2D":
            case "AveragePooling2D":
            case "MaxPooling3D":
            case "AveragePooling3D":
                rename(c, "border_mode", "padding");
                dimOrdering(c);
                break;
            case "GlobalMaxPooling2D":
            case "GlobalAveragePooling2D":
            case "GlobalMaxPooling3D":
            case "GlobalAveragePooling3D":
            case "ZeroPadding2D":
            case "ZeroPadding3D":
            case "UpSampling2D":
            case "UpSampling3D":
            case "Cropping2D":
            case "Cropping3D":
                dimOrdering(c);
                break;
            case "UpSampling1D":
                rename(c, "length", "size");
                break;
            case "BatchNormalization": {
                Object mode = c.remove("mode");
                if (mode instanceof Number && ((Number) mode).intValue() != 0) {
                    throw new IllegalArgumentException("Keras 1 BatchNormalization mode=" + ((Number) mode).intValue()
                            + " (sample-wise normalization) has no counterpart in Keras 2 or TF.js; only mode=0 converts");
                }
                rename(c, "beta_init", "beta_initializer");
                rename(c, "gamma_init", "gamma_initializer");
                c.put("beta_initializer", initializer(c.get("beta_initializer")));
                c.put("gamma_initializer", initializer(c.get("gamma_initializer")));
                break;
            }
            case "PReLU":
                rename(c, "init", "alpha_initializer");
                c.put("alpha_initializer", initializer(c.get("alpha_initializer")));
                break;
            default:
                break;
        }
        if (!firstLayer && c.containsKey("batch_input_shape") && !cls.equals("InputLayer") && added) {
            c.remove("batch_input_shape");
        }
        if (!cls.equals("Embedding")) { // input_dim / input_length are Embedding's own settings
            c.remove("input_dim");
            c.remove("input_length");
        }
        // Values that are null after renaming are dropped, so TF.js uses its defaults.
        c.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private static void rename(Map<String, Object> c, String from, String to) {
        if (c.containsKey(from)) {
            Object v = c.remove(from);
            if (!c.containsKey(to)) {
                c.put(to, v);
            }
        }
    }

    private static void kernelAndBias(Map<String, Object> c) {
        rename(c, "init", "kernel_initializer");
        rename(c, "W_regularizer", "kernel_regularizer");
        rename(c, "b_regularizer", "bias_regularizer");
        rename(c, "W_constraint", "kernel_constraint");
        rename(c, "b_constraint", "bias_constraint");
        rename(c, "bias", "use_bias");
    }

    private static void dimOrdering(Map<String, Object> c) {
        if (c.containsKey("dim_ordering")) {
            c.put("data_format", dataFormat(c.remove("dim_ordering")));
        }
    }

    /** Keras 1's input_dim / input_length shortcuts become batch_input_shape. */
    private static void inputDim(Map<String, Object> c, boolean sequence) {
        if (c.containsKey("batch_input_shape") || c.get("input_dim") == null) {
            return;
        }
        if (sequence) {
            c.put("batch_input_shape", java.util.Arrays.asList(null, c.get("input_length"), c.get("input_dim")));
        } else {
            c.put("batch_input_shape", java.util.Arrays.asList(null, c.get("input_dim")));
        }
    }

    /** Keras 1 functional {@code Merge} layers: the Keras 2 merge class and its config. */
    static String mapMerge(Map<String, Object> c) {
        Object mode = c.get("mode");
        String cls;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.get("name"));
        if (c.containsKey("trainable")) {
            out.put("trainable", c.get("trainable"));
        }
        switch (String.valueOf(mode)) {
            case "sum":
                cls = "Add";
                break;
            case "mul":
                cls = "Multiply";
                break;
            case "ave":
                cls = "Average";
                break;
            case "max":
                cls = "Maximum";
                break;
            case "concat":
                cls = "Concatenate";
                out.put("axis", c.getOrDefault("concat_axis", -1.0));
                break;
            case "dot":
                cls = "Dot";
                out.put("axes", c.get("dot_axes"));
                out.put("normalize", false);
                break;
            default:
                throw new IllegalArgumentException("Keras 1 Merge mode '" + mode + "' has no TF.js counterpart "
                        + "(sum, mul, ave, max, concat and dot convert)");
        }
        c.clear();
        c.putAll(out);
        return cls;
    }
}
