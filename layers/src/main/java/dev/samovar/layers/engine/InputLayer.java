package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry of a model (TF.js's InputLayer): holds one symbolic tensor of shape
 * {@code batchInputShape} ({@code [batchSize or null].concat(inputShape)}), named {@code input1},
 * {@code input2}, ... unless named. Made by {@link #input} ({@code tf.input}) or by
 * {@code tf.layers.inputLayer}; cannot be applied.
 */
public class InputLayer extends Layer {
    private final boolean sparse;

    public InputLayer(Args args) {
        super(baseArgs(args));
        Boolean sp = args.getBoolean("sparse");
        this.trainable = false;
        this.built = true;
        this.sparse = sp != null && sp;
        if (args.has("inputShape") && args.has("batchInputShape")) {
            throw new IllegalArgumentException("Only provide the inputShape OR batchInputShape argument to "
                    + "inputLayer, not both at the same time.");
        }
        int[] bis = args.getShape("batchInputShape");
        if (bis == null) {
            if (!args.has("inputShape")) {
                throw new IllegalArgumentException("An InputLayer should be passed either a `batchInputShape` or an "
                        + "`inputShape`.");
            }
            int batchSize = args.has("batchSize") ? args.getInt("batchSize", Dims.UNKNOWN) : Dims.UNKNOWN;
            bis = Dims.prepend(batchSize, args.getShape("inputShape"));
        } else if (args.has("batchSize")) {
            throw new IllegalArgumentException("Cannot specify batchSize if batchInputShape is specified when creating "
                    + "an InputLayer.");
        }
        String d = args.getString("dtype");
        this.batchInputShape = bis;
        this.dtype = d == null || d.isEmpty() ? "float32" : d;
        this.inputSpec = one(new InputSpec().shape(bis));
        SymbolicTensor inputTensor = new SymbolicTensor(this.dtype, bis, this, new ArrayList<>(),
                new LinkedHashMap<>(), name, null);
        inputTensor.nodeIndex = 0;
        inputTensor.tensorIndex = 0;
        List<int[]> shapes = one(bis);
        new Node(this, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), one(inputTensor), one(inputTensor),
                nulls(1), nulls(1), shapes, shapes, null);
    }

    private static Args baseArgs(Args args) {
        String name = args.getString("name");
        return Args.of("dtype", args.get("dtype"), "name", name != null ? name : NameScope.getUid("input"));
    }

    public boolean sparse() {
        return sparse;
    }

    @Override
    public List<Object> apply(List<?> inputs, Map<String, Object> kwargs) {
        throw new IllegalArgumentException("Cannot pass any input to an InputLayer's apply() method. InputLayer name: "
                + name);
    }

    @Override
    public DisposeResult dispose() {
        return new DisposeResult(refCount, 0);
    }

    @Override
    public String getClassName() {
        return "InputLayer";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("batchInputShape", Dims.toList(batchInputShape));
        c.put("dtype", dtype);
        c.put("sparse", sparse);
        c.put("name", name);
        return c;
    }

    /**
     * TF.js's {@code tf.input({shape | batchShape, name, dtype, sparse})}: a new InputLayer's
     * symbolic tensor ({@code shape} excludes the batch dimension).
     */
    public static SymbolicTensor input(Args config) {
        if (!config.has("batchShape") && !config.has("shape")) {
            throw new IllegalArgumentException("Please provide to Input either a `shape` or a `batchShape` argument. "
                    + "Note that `shape` does not include the batch dimension.");
        }
        if (config.has("batchShape") && config.has("shape")) {
            throw new IllegalArgumentException("Please provide either a `shape` or `batchShape` argument to Input, but "
                    + "not both.");
        }
        int[] batchShape = config.getShape("batchShape");
        if (config.has("shape") && batchShape == null) {
            batchShape = Dims.prepend(Dims.UNKNOWN, config.getShape("shape"));
        }
        String dtype = config.getString("dtype");
        InputLayer layer = new InputLayer(Args.of("batchInputShape", batchShape, "name", config.get("name"),
                "dtype", dtype == null ? "float32" : dtype, "sparse", config.get("sparse")));
        return layer.inboundNodes.get(0).outputTensors.get(0);
    }
}
