package dev.samovar.convert.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What TF.js 4.22 can load: its layer classes, initializers, regularizers, constraints and
 * activations (the names its serialization registry knows), and for each layer with weights, the
 * weights it creates (names and order, as {@code layer.weights} lists them) and the shapes the
 * config implies. One list drives the converter's validation, its weight naming and the README.
 */
public final class LayerCatalog {
    private LayerCatalog() {
    }

    /** Layer classes TF.js 4.22's {@code tf.loadLayersModel} can deserialize. */
    public static final Set<String> TFJS_LAYERS = set("Activation", "Add", "AlphaDropout", "Average",
            "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "BatchNormalization", "Bidirectional",
            "CategoryEncoding", "CenterCrop", "Concatenate", "Conv1D", "Conv2D", "Conv2DTranspose", "Conv3D",
            "Conv3DTranspose", "ConvLSTM2D", "Cropping2D", "Dense", "DepthwiseConv2D", "Dot", "Dropout", "ELU",
            "Embedding", "Flatten", "Functional", "GRU", "GaussianDropout", "GaussianNoise", "GlobalAveragePooling1D",
            "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "InputLayer", "LSTM",
            "LayerNormalization", "LeakyReLU", "Masking", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "Maximum",
            "Minimum", "Model", "Multiply", "PReLU", "Permute", "RNN", "RandomWidth", "ReLU", "RepeatVector",
            "Rescaling", "Reshape", "Resizing", "SeparableConv2D", "Sequential", "SimpleRNN", "Softmax",
            "SpatialDropout1D", "ThresholdedReLU", "TimeDistributed", "UpSampling2D", "ZeroPadding2D");

    /** RNN cells TF.js knows (inside RNN / StackedRNNCells). */
    public static final Set<String> TFJS_CELLS = set("GRUCell", "LSTMCell", "SimpleRNNCell", "StackedRNNCells",
            "ConvLSTM2DCell");

    public static final Set<String> TFJS_INITIALIZERS = set("Constant", "GlorotNormal", "GlorotUniform", "HeNormal",
            "HeUniform", "Identity", "LeCunNormal", "LeCunUniform", "Ones", "Orthogonal", "RandomNormal",
            "RandomUniform", "TruncatedNormal", "VarianceScaling", "Zeros");

    public static final Set<String> TFJS_REGULARIZERS = set("L1L2");

    public static final Set<String> TFJS_CONSTRAINTS = set("MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm");

    /** Activation names TF.js accepts (after its snake_case to camelCase conversion). */
    public static final Set<String> TFJS_ACTIVATIONS = set("elu", "gelu", "gelu_new", "hard_sigmoid", "linear",
            "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid", "softmax", "softplus", "softsign", "swish",
            "tanh");

    /** Keras layers that hold code or custom graphs TF.js cannot run, with the reason. */
    public static String whyUnsupported(String className) {
        switch (className) {
            case "Lambda":
                return "a Lambda layer holds a Python function, which cannot be converted";
            case "TensorFlowOpLayer":
            case "TFOpLambda":
            case "SlicingOpLambda":
                return "a TensorFlow op recorded from Python (" + className + "), which TF.js layers cannot run";
            default:
                return null;
        }
    }

    private static Set<String> set(String... names) {
        return new HashSet<>(Arrays.asList(names));
    }

    // ------------------------------------------------------------------------------ weights

    /**
     * The weights (names relative to the layer, in creation order) TF.js creates for a layer of
     * {@code className} with {@code config}; null when the class is not in the catalog.
     */
    public static List<String> weightNames(String className, Map<String, Object> config) {
        boolean bias = Cfg.bool(config, "use_bias", true);
        switch (className) {
            case "Dense":
            case "Conv1D":
            case "Conv2D":
            case "Conv3D":
            case "Conv2DTranspose":
            case "Conv3DTranspose":
                return bias ? List.of("kernel", "bias") : List.of("kernel");
            case "DepthwiseConv2D":
                return bias ? List.of("depthwise_kernel", "bias") : List.of("depthwise_kernel");
            case "SeparableConv1D":
            case "SeparableConv2D":
                return bias ? List.of("depthwise_kernel", "pointwise_kernel", "bias")
                        : List.of("depthwise_kernel", "pointwise_kernel");
            case "BatchNormalization": {
                List<String> out = new ArrayList<>();
                if (Cfg.bool(config, "scale", true)) {
                    out.add("gamma");
                }
                if (Cfg.bool(config, "center", true)) {
                    out.add("beta");
                }
                out.add("moving_mean");
                out.add("moving_variance");
                return out;
            }
            case "LayerNormalization": {
                List<String> out = new ArrayList<>();
                if (Cfg.bool(config, "scale", true)) {
                    out.add("gamma");
                }
                if (Cfg.bool(config, "center", true)) {
                    out.add("beta");
                }
                return out;
            }
            case "Embedding":
                return List.of("embeddings");
            case "PReLU":
                return List.of("alpha");
            case "SimpleRNN":
            case "GRU":
            case "LSTM":
            case "ConvLSTM2D":
                return bias ? List.of("kernel", "recurrent_kernel", "bias") : List.of("kernel", "recurrent_kernel");
            case "Bidirectional": {
                Map<String, Object> inner = Cfg.map(config.get("layer"));
                Map<String, Object> innerConfig = inner == null ? null : Cfg.map(inner.get("config"));
                String innerClass = inner == null ? null : Cfg.str(inner, "class_name");
                if (innerConfig == null || innerClass == null) {
                    return null;
                }
                List<String> names = weightNames(innerClass, innerConfig);
                if (names == null) {
                    return null;
                }
                String innerName = Cfg.str(innerConfig, "name");
                List<String> out = new ArrayList<>();
                for (String dir : new String[] {"forward_", "backward_"}) {
                    for (String n : names) {
                        out.add(dir + innerName + "/" + n);
                    }
                }
                return out;
            }
            case "TimeDistributed": {
                Map<String, Object> inner = Cfg.map(config.get("layer"));
                if (inner == null) {
                    return null;
                }
                return weightNames(Cfg.str(inner, "class_name"), Cfg.map(inner.get("config")));
            }
            default:
                return TFJS_LAYERS.contains(className) && !hasUnknownWeights(className) ? List.of() : null;
        }
    }

    private static boolean hasUnknownWeights(String className) {
        return className.equals("RNN") || className.equals("Sequential") || className.equals("Model")
                || className.equals("Functional");
    }

    /**
     * Checks weight shapes against the config. Returns null when they fit, else what was expected
     * (e.g. {@code kernel [10,5] does not match units=8: expected [*,8]}).
     */
    public static String checkShapes(String className, Map<String, Object> config, List<String> names, List<int[]> shapes) {
        for (int i = 0; i < names.size(); i++) {
            String problem = checkOne(className, config, names.get(i), shapes.get(i), names, shapes);
            if (problem != null) {
                return names.get(i) + " has shape " + dev.samovar.io.WeightSpec.shapeString(shapes.get(i)) + " but "
                        + problem;
            }
        }
        return null;
    }

    private static int[] shapeOf(String name, List<String> names, List<int[]> shapes) {
        int i = names.indexOf(name);
        return i < 0 ? null : shapes.get(i);
    }

    private static String expect(int[] got, String what, int... dims) {
        // dims: -1 = any
        boolean ok = got.length == dims.length;
        for (int i = 0; ok && i < dims.length; i++) {
            ok = dims[i] < 0 || dims[i] == got[i];
        }
        if (ok) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i > 0 ? "," : "").append(dims[i] < 0 ? "*" : String.valueOf(dims[i]));
        }
        return what + ": expected " + sb.append(']');
    }

    private static String checkOne(String cls, Map<String, Object> c, String name, int[] s, List<String> names,
            List<int[]> shapes) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        switch (cls) {
            case "Dense": {
                int units = Cfg.integer(c, "units", -1);
                return base.equals("kernel") ? expect(s, "units=" + units + " needs a [inputs, units] kernel", -1, units)
                        : expect(s, "units=" + units, units);
            }
            case "Conv1D":
            case "Conv2D":
            case "Conv3D": {
                int n = cls.charAt(4) - '0';
                int filters = Cfg.integer(c, "filters", -1);
                if (base.equals("bias")) {
                    return expect(s, "filters=" + filters, filters);
                }
                int[] k = Cfg.tuple(c, "kernel_size", n);
                int[] dims = new int[n + 2];
                for (int i = 0; i < n; i++) {
                    dims[i] = k == null || k.length != n ? -1 : k[i];
                }
                dims[n] = -1;
                dims[n + 1] = filters;
                return expect(s, "kernel_size=" + Arrays.toString(k) + ", filters=" + filters, dims);
            }
            case "Conv2DTranspose":
            case "Conv3DTranspose": {
                int n = cls.charAt(4) - '0';
                int filters = Cfg.integer(c, "filters", -1);
                if (base.equals("bias")) {
                    return expect(s, "filters=" + filters, filters);
                }
                int[] k = Cfg.tuple(c, "kernel_size", n);
                int[] dims = new int[n + 2];
                for (int i = 0; i < n; i++) {
                    dims[i] = k == null || k.length != n ? -1 : k[i];
                }
                dims[n] = filters;
                dims[n + 1] = -1;
                return expect(s, "kernel_size=" + Arrays.toString(k) + ", filters=" + filters
                        + " (a transposed kernel is [..., filters, inputs])", dims);
            }
            case "DepthwiseConv2D": {
                int[] k = Cfg.tuple(c, "kernel_size", 2);
                int dm = Cfg.integer(c, "depth_multiplier", 1);
                if (base.equals("depthwise_kernel")) {
                    return expect(s, "kernel_size=" + Arrays.toString(k) + ", depth_multiplier=" + dm, k == null ? -1 : k[0],
                            k == null ? -1 : k[1], -1, dm);
                }
                int[] dk = shapeOf("depthwise_kernel", names, shapes);
                return expect(s, "the depthwise kernel makes " + (dk == null ? "?" : dk[2] * dk[3]) + " channels",
                        dk == null || dk.length != 4 ? -1 : dk[2] * dk[3]);
            }
            case "SeparableConv2D": {
                int[] k = Cfg.tuple(c, "kernel_size", 2);
                int dm = Cfg.integer(c, "depth_multiplier", 1);
                int filters = Cfg.integer(c, "filters", -1);
                int[] dk = shapeOf("depthwise_kernel", names, shapes);
                int channels = dk == null || dk.length != 4 ? -1 : dk[2] * dk[3];
                switch (base) {
                    case "depthwise_kernel":
                        return expect(s, "kernel_size=" + Arrays.toString(k) + ", depth_multiplier=" + dm,
                                k == null ? -1 : k[0], k == null ? -1 : k[1], -1, dm);
                    case "pointwise_kernel":
                        return expect(s, "filters=" + filters + " after " + channels + " depthwise channels", 1, 1, channels,
                                filters);
                    default:
                        return expect(s, "filters=" + filters, filters);
                }
            }
            case "BatchNormalization":
            case "LayerNormalization": {
                int[] first = shapes.get(0);
                return java.util.Arrays.equals(first, s) ? null
                        : "all " + cls + " weights must have the same shape (" + names.get(0) + " has "
                                + dev.samovar.io.WeightSpec.shapeString(first) + ")";
            }
            case "Embedding": {
                int in = Cfg.integer(c, "input_dim", -1);
                int out = Cfg.integer(c, "output_dim", -1);
                return expect(s, "input_dim=" + in + ", output_dim=" + out, in, out);
            }
            case "SimpleRNN":
            case "GRU":
            case "LSTM": {
                int units = Cfg.integer(c, "units", -1);
                int gates = cls.equals("LSTM") ? 4 : cls.equals("GRU") ? 3 : 1;
                int width = units < 0 ? -1 : units * gates;
                String what = "units=" + units + (gates > 1 ? " with " + gates + " gates" : "");
                switch (base) {
                    case "kernel":
                        return expect(s, what, -1, width);
                    case "recurrent_kernel":
                        return expect(s, what, units, width);
                    default:
                        if (cls.equals("GRU") && Cfg.bool(c, "reset_after", false)) {
                            return expect(s, what + " and reset_after=true", 2, width);
                        }
                        return expect(s, what, width);
                }
            }
            case "ConvLSTM2D": {
                int filters = Cfg.integer(c, "filters", -1);
                int width = filters < 0 ? -1 : 4 * filters;
                int[] k = Cfg.tuple(c, "kernel_size", 2);
                int k0 = k == null ? -1 : k[0];
                int k1 = k == null || k.length < 2 ? -1 : k[1];
                switch (base) {
                    case "kernel":
                        return expect(s, "kernel_size=" + Arrays.toString(k) + ", filters=" + filters + " with 4 gates", k0, k1,
                                -1, width);
                    case "recurrent_kernel":
                        return expect(s, "kernel_size=" + Arrays.toString(k) + ", filters=" + filters + " with 4 gates", k0, k1,
                                filters, width);
                    default:
                        return expect(s, "filters=" + filters + " with 4 gates", width);
                }
            }
            case "Bidirectional":
            case "TimeDistributed": {
                Map<String, Object> inner = Cfg.map(c.get("layer"));
                if (inner == null) {
                    return null;
                }
                String innerClass = Cfg.str(inner, "class_name");
                Map<String, Object> ic = Cfg.map(inner.get("config"));
                String prefix = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                List<String> siblings = new ArrayList<>();
                List<int[]> siblingShapes = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).startsWith(prefix) && names.get(i).indexOf('/', prefix.length()) < 0) {
                        siblings.add(names.get(i).substring(prefix.length()));
                        siblingShapes.add(shapes.get(i));
                    }
                }
                return checkOne(innerClass, ic, base, s, siblings, siblingShapes);
            }
            default:
                return null;
        }
    }
}
