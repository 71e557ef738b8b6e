package dev.samovar.layers.engine;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import dev.samovar.layers.serialization.Pythonic;
import dev.samovar.layers.serialization.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The base of every layer, as TF.js's {@code Layer} (engine/topology.js).
 *
 * <p><b>Single and multiple inputs.</b> Internally a layer always works on lists: {@link #call}
 * takes and returns {@code List<Tensor>}, {@link #build} and {@link #computeOutputShape} take and
 * return {@code List<int[]>}; a list of one is what TF.js calls a single tensor or shape (TF.js's
 * {@code singletonOrArray}: apply([x]) and apply(x) are the same call, and one output comes back
 * as a tensor, several as an array). Single-input layers read {@link #oneShape} / {@link #oneTensor}.
 * {@link #apply(Tensor)} and {@link #apply(SymbolicTensor)} are the single-tensor conveniences.
 *
 * <p><b>Shapes</b> are {@code int[]} with {@link Dims#UNKNOWN} (-1) for TF.js's null.
 *
 * <p><b>Writing a layer</b> (see docs/ADDING-LAYERS.md): a constructor taking {@link Args} that
 * calls {@code super(args)} and reads its fields; {@link #getClassName}; {@link #build} (weights via
 * {@link #addWeight}); {@link #computeOutputShape}; {@link #call} (ops inside
 * {@code Engine.get().tidy}); {@link #getConfig} (own keys first, then {@code super.getConfig()}).
 */
public abstract class Layer implements Serializable {
    private static int nextLayerId;

    protected final int id;
    protected String name;
    protected boolean trainable;
    protected boolean built;
    protected int[] batchInputShape;
    protected String dtype;
    protected List<Tensor> initialWeights;
    /** One spec per input, or null (nothing checked). */
    protected List<InputSpec> inputSpec;
    protected boolean supportsMasking;
    protected Regularizer activityRegularizer;
    protected boolean stateful;
    protected List<LayerVariable> trainableWeightsList = new ArrayList<>();
    protected List<LayerVariable> nonTrainableWeightsList = new ArrayList<>();
    protected final List<Supplier<Tensor>> losses = new ArrayList<>();
    final List<Node> inboundNodes = new ArrayList<>();
    List<Node> outboundNodes = new ArrayList<>();
    /** Null until first used; 0 once disposed. */
    protected Integer refCount;
    protected boolean fastWeightInitDuringBuild;
    private final List<String> addedWeightNames = new ArrayList<>();

    /**
     * Reads the base arguments: {@code name} (default: the snake_case class name and a per-class
     * uid, {@code dense_Dense1}), {@code trainable}, {@code inputShape} / {@code batchInputShape} /
     * {@code batchSize} (for the first layer of a Sequential), {@code dtype} / {@code inputDType}
     * and {@code weights} (initial weight values).
     */
    protected Layer(Args args) {
        if (args == null) {
            args = new Args();
        }
        this.id = nextLayerId++;
        String n = args.getString("name");
        if (n == null || n.isEmpty()) {
            String prefix = getClassName();
            n = Pythonic.toSnakeCase(prefix) + "_" + NameScope.getUid(prefix);
        }
        this.name = n;
        this.trainable = args.getBoolean("trainable", true);
        if (args.has("inputShape") || args.has("batchInputShape")) {
            int[] bis;
            if (args.has("batchInputShape")) {
                bis = args.getShape("batchInputShape");
            } else {
                int batchSize = args.has("batchSize") ? args.getInt("batchSize", Dims.UNKNOWN) : Dims.UNKNOWN;
                bis = Dims.prepend(batchSize, args.getShape("inputShape"));
            }
            this.batchInputShape = bis;
            String d = args.getString("dtype");
            if (d == null) {
                d = args.getString("inputDType");
            }
            this.dtype = d == null ? "float32" : d;
        }
        this.initialWeights = args.has("weights") ? args.getTensors("weights") : null;
    }

    // ---------------------------------------------------------------------------- identity

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Renames the layer (TF.js's {@code layer.name = ...}). */
    public void setName(String name) {
        this.name = name;
    }

    /** TF.js's {@code Layer.nodeKey}: "name_ib-index". */
    public static String nodeKey(Layer layer, int nodeIndex) {
        return layer.name + "_ib-" + nodeIndex;
    }

    public boolean built() {
        return built;
    }

    public void setBuilt(boolean built) {
        this.built = built;
    }

    public int[] batchInputShape() {
        return batchInputShape == null ? null : batchInputShape.clone();
    }

    public String dtype() {
        return dtype;
    }

    public List<InputSpec> inputSpec() {
        return inputSpec;
    }

    public boolean supportsMasking() {
        return supportsMasking;
    }

    public boolean stateful() {
        return stateful;
    }

    public List<Node> inboundNodes() {
        return inboundNodes;
    }

    public List<Node> outboundNodes() {
        return outboundNodes;
    }

    /** Resets the state of a stateful layer; fails as TF.js does for the others. */
    public void resetStates() {
        if (!stateful()) {
            throw new IllegalStateException("Cannot call the resetStates() method of a non-stateful Layer object.");
        }
    }

    // ----------------------------------------------------------------------------- weights

    public boolean trainable() {
        return trainable;
    }

    /** Freezes (false) or unfreezes the layer and its weights. */
    public void setTrainable(boolean trainable) {
        for (LayerVariable w : trainableWeightsList) {
            w.setTrainable(trainable);
        }
        this.trainable = trainable;
    }

    /** The weights trained by backprop (none when the layer is frozen). */
    public List<LayerVariable> trainableWeights() {
        List<LayerVariable> out = new ArrayList<>();
        if (trainable) {
            for (LayerVariable w : trainableWeightsList) {
                if (w.trainable()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    public List<LayerVariable> nonTrainableWeights() {
        List<LayerVariable> out = new ArrayList<>();
        if (trainable) {
            for (LayerVariable w : trainableWeightsList) {
                if (!w.trainable()) {
                    out.add(w);
                }
            }
        } else {
            out.addAll(trainableWeightsList);
        }
        out.addAll(nonTrainableWeightsList);
        return out;
    }

    /** Trainable then non-trainable weights (TF.js's {@code layer.weights}). */
    public List<LayerVariable> weights() {
        List<LayerVariable> out = trainableWeights();
        out.addAll(nonTrainableWeights());
        return out;
    }

    /** The weights' variables themselves (not copies), as TF.js's getWeights. */
    public List<Tensor> getWeights(boolean trainableOnly) {
        List<Tensor> out = new ArrayList<>();
        for (LayerVariable w : trainableOnly ? trainableWeights() : weights()) {
            out.add(w.read());
        }
        return out;
    }

    public List<Tensor> getWeights() {
        return getWeights(false);
    }

    /** Assigns new values to the weights, in {@link #weights()} order (shapes must match). */
    public void setWeights(List<Tensor> values) {
        Engine.get().tidy(() -> {
            List<LayerVariable> params = weights();
            if (params.size() != values.size()) {
                throw new IllegalArgumentException("You called setWeights(weights) on layer \"" + name + "\" with a "
                        + "weight list of length " + values.size() + ", but the layer was expecting " + params.size()
                        + " weights. Provided weights: " + Js.str(values) + "...");
            }
            if (params.isEmpty()) {
                return null;
            }
            for (int i = 0; i < params.size(); i++) {
                int[] pv = params.get(i).read().shapeRef();
                int[] w = values.get(i).shapeRef();
                if (!Dims.equal(pv, w)) {
                    throw new IllegalArgumentException("Layer weight shape " + Js.str(pv)
                            + " not compatible with provided weight shape " + Js.str(w));
                }
            }
            for (int i = 0; i < params.size(); i++) {
                params.get(i).write(values.get(i));
            }
            return null;
        });
    }

    /**
     * Creates a weight: a {@link LayerVariable} named {@code name} in the current name scope (the
     * layer's, during {@link #apply}), initialized by {@code initializer} (zeros when
     * {@link #setFastWeightInitDuringBuild fast init} is on), with an optional regularizer (whose
     * penalty joins {@link #losses}) and constraint. {@code trainable} null counts as trainable for
     * the layer but leaves the variable's own flag off, as in TF.js.
     */
    public LayerVariable addWeight(String name, int[] shape, DType dtype, Initializer initializer,
            Regularizer regularizer, Boolean trainable, Constraint constraint) {
        if (addedWeightNames.contains(name)) {
            throw new IllegalArgumentException("Duplicate weight name " + name + " for layer " + this.name);
        }
        addedWeightNames.add(name);
        DType d = dtype == null ? DType.FLOAT32 : dtype;
        Initializer init = fastWeightInitDuringBuild ? Initializers.zeros() : initializer;
        Tensor initValue = init.apply(shape, d);
        // TF.js's LayerVariable defaults trainable to true
        LayerVariable weight = new LayerVariable(initValue, d, name, trainable == null || trainable, constraint);
        initValue.dispose();
        if (regularizer != null) {
            addLoss(() -> regularizer.apply(weight.read()));
        }
        if (trainable == null || trainable) {
            trainableWeightsList.add(weight);
        } else {
            nonTrainableWeightsList.add(weight);
        }
        return weight;
    }

    /** Skip initializers while building (the weights are about to be loaded). */
    public void setFastWeightInitDuringBuild(boolean value) {
        this.fastWeightInitDuringBuild = value;
    }

    /** The number of weight values; fails before the layer is built. */
    public int countParams() {
        if (!built) {
            throw new IllegalStateException("You tried to call countParams() on " + name + ", but the layer is not "
                    + "built yet. Build it first by calling build(batchInputShape).");
        }
        return countParamsIn(weights());
    }

    /** TF.js's countParamsInWeights (a scalar counts 1). */
    public static int countParamsIn(List<LayerVariable> weights) {
        int count = 0;
        for (LayerVariable w : weights) {
            count += w.size();
        }
        return count;
    }

    // ------------------------------------------------------------------------------ losses

    /** Loss functions (regularization penalties), evaluated by {@link #calculateLosses}. */
    public List<Supplier<Tensor>> losses() {
        return losses;
    }

    public void addLoss(Supplier<Tensor> loss) {
        if (loss != null) {
            losses.add(loss);
        }
    }

    /** The current values of the losses (new scalars). */
    public List<Tensor> calculateLosses() {
        List<Tensor> out = new ArrayList<>();
        for (Supplier<Tensor> l : losses) {
            out.add(l.get());
        }
        return out;
    }

    // ------------------------------------------------------------------- the layer's logic

    /** Creates the weights for the given input shapes (one per input). */
    public void build(List<int[]> inputShapes) {
        built = true;
    }

    /** Computes the outputs (one list entry per output); the default returns the inputs. */
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return inputs;
    }

    /** Runs {@link #call} directly (what the executor and wrappers use). */
    public final List<Tensor> invoke(List<Tensor> inputs, Map<String, Object> kwargs) {
        return call(inputs, kwargs == null ? new LinkedHashMap<>() : kwargs);
    }

    /** The output shapes for input shapes; the default returns them unchanged. */
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        return inputShapes;
    }

    /**
     * The output masks (null: none). A layer that does not support masking fails on a given mask
     * and returns null; one that does passes the masks through.
     */
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        if (!supportsMasking) {
            if (masks != null) {
                for (Tensor m : masks) {
                    if (m != null) {
                        throw new IllegalArgumentException("Layer " + name + " does not support masking, but was "
                                + "passed an inputMask.");
                    }
                }
            }
            return null;
        }
        return masks;
    }

    /** The one shape of a single-input layer (TF.js's getExactlyOneShape). */
    protected static int[] oneShape(List<int[]> shapes) {
        if (shapes.size() != 1) {
            throw new IllegalArgumentException("Expected exactly 1 Shape; got " + shapes.size());
        }
        return shapes.get(0);
    }

    /** The one tensor of a single-input layer (TF.js's getExactlyOneTensor). */
    protected static Tensor oneTensor(List<Tensor> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Expected Tensor length to be 1; got " + inputs.size());
        }
        return inputs.get(0);
    }

    /** Whether kwargs ask for training behaviour ({@code training: true}). */
    protected static boolean training(Map<String, Object> kwargs) {
        return kwargs != null && Boolean.TRUE.equals(kwargs.get("training"));
    }

    /** A list of one. */
    protected static <T> List<T> one(T x) {
        List<T> l = new ArrayList<>(1);
        l.add(x);
        return l;
    }

    // ------------------------------------------------------------------------------- apply

    /**
     * Runs the layer on concrete tensors (computes) or on symbolic tensors (connects it in a
     * graph: builds it if needed, computes the output shapes, adds a node), as TF.js's apply. All
     * inputs must be of one kind. Returns tensors or symbolic tensors, one per output.
     */
    public List<Object> apply(List<?> inputs, Map<String, Object> kwargs) {
        Map<String, Object> kw = kwargs == null ? new LinkedHashMap<>() : kwargs;
        assertNotDisposed();
        boolean allSymbolic = true;
        boolean noneSymbolic = true;
        for (Object x : inputs) {
            if (x instanceof SymbolicTensor) {
                noneSymbolic = false;
            } else {
                allSymbolic = false;
            }
        }
        if (allSymbolic == noneSymbolic) {
            throw new IllegalArgumentException("Arguments to apply() must be all SymbolicTensors or all Tensors");
        }
        final boolean concrete = noneSymbolic;
        return NameScope.nameScope(name, () -> {
            if (!built) {
                assertInputCompatibility(inputs);
                List<int[]> shapes = new ArrayList<>();
                for (Object x : inputs) {
                    shapes.add(shapeOf(x));
                }
                build(shapes);
                built = true;
                if (initialWeights != null) {
                    setWeights(initialWeights);
                }
                if (refCount == null && concrete) {
                    refCount = 1;
                }
            }
            assertInputCompatibility(inputs);
            if (concrete) {
                List<Tensor> ts = new ArrayList<>();
                for (Object x : inputs) {
                    ts.add((Tensor) x);
                }
                List<Tensor> output = call(ts, kw);
                List<Object> out = new ArrayList<>(output.size());
                for (Tensor y : output) {
                    out.add(ts.contains(y) ? y.clone() : y);
                }
                if (activityRegularizer != null) {
                    throw new UnsupportedOperationException("Layer invocation in the presence of activity "
                            + "regularizer(s) is not supported yet.");
                }
                return out;
            }
            List<SymbolicTensor> sym = new ArrayList<>();
            List<int[]> inputShapes = new ArrayList<>();
            for (Object x : inputs) {
                sym.add((SymbolicTensor) x);
                inputShapes.add(((SymbolicTensor) x).shapeRef());
            }
            List<int[]> outputShapes = computeOutputShape(inputShapes);
            warnOnIncompatibleInputShape(inputShapes.get(0));
            List<SymbolicTensor> outputs = new ArrayList<>();
            if (outputShapes.size() > 1) {
                for (int i = 0; i < outputShapes.size(); i++) {
                    outputs.add(new SymbolicTensor("float32", outputShapes.get(i), this, sym, kw, name, i));
                }
            } else {
                outputs.add(new SymbolicTensor("float32", outputShapes.get(0), this, sym, kw, name, null));
            }
            addInboundNode(sym, outputs, null, null, inputShapes, outputShapes, kw);
            refCount = refCount == null ? 1 : refCount + 1;
            if (activityRegularizer != null) {
                throw new UnsupportedOperationException("Layer invocation in the presence of activity "
                        + "regularizer(s) is not supported yet.");
            }
            return new ArrayList<Object>(outputs);
        });
    }

    /** Computes the layer on one tensor; fails if the layer has several outputs. */
    public Tensor apply(Tensor x) {
        return apply(x, null);
    }

    public Tensor apply(Tensor x, Map<String, Object> kwargs) {
        return single(apply(one(x), kwargs));
    }

    /** Connects the layer to one symbolic tensor; fails if the layer has several outputs. */
    public SymbolicTensor apply(SymbolicTensor x) {
        return apply(x, null);
    }

    public SymbolicTensor apply(SymbolicTensor x, Map<String, Object> kwargs) {
        return single(apply(one(x), kwargs));
    }

    /** Computes the layer on tensors. */
    @SuppressWarnings("unchecked")
    public List<Tensor> applyTensors(List<Tensor> xs, Map<String, Object> kwargs) {
        return (List<Tensor>) (List<?>) apply(xs, kwargs);
    }

    /** Connects the layer to symbolic tensors. */
    @SuppressWarnings("unchecked")
    public List<SymbolicTensor> applySymbolic(List<SymbolicTensor> xs, Map<String, Object> kwargs) {
        return (List<SymbolicTensor>) (List<?>) apply(xs, kwargs);
    }

    @SuppressWarnings("unchecked")
    private <T> T single(List<Object> out) {
        if (out.size() != 1) {
            throw new IllegalStateException("Layer " + name + " has " + out.size() + " outputs: use applyTensors / "
                    + "applySymbolic");
        }
        return (T) out.get(0);
    }

    static int[] shapeOf(Object x) {
        return x instanceof SymbolicTensor ? ((SymbolicTensor) x).shapeRef() : ((Tensor) x).shapeRef();
    }

    static String dtypeOf(Object x) {
        return x instanceof SymbolicTensor ? ((SymbolicTensor) x).dtype() : ((Tensor) x).dtype().jsName();
    }

    /** Checks inputs against {@link #inputSpec} with TF.js's messages. */
    public void assertInputCompatibility(List<?> inputs) {
        if (inputSpec == null || inputSpec.isEmpty()) {
            return;
        }
        if (inputs.size() != inputSpec.size()) {
            throw new IllegalArgumentException("Layer " + name + " expects " + inputSpec.size() + " inputs, but it "
                    + "received " + inputs.size() + " input tensors. Input received: " + Js.str(inputsForMessage(inputs)));
        }
        for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
            Object x = inputs.get(inputIndex);
            InputSpec spec = inputSpec.get(inputIndex);
            if (spec == null) {
                continue;
            }
            int[] xShape = shapeOf(x);
            int ndim = xShape.length;
            if (spec.ndim() != null && ndim != spec.ndim()) {
                throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer " + name
                        + ": expected ndim=" + spec.ndim() + ", found ndim=" + ndim);
            }
            if (spec.maxNDim() != null && ndim > spec.maxNDim()) {
                throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer " + name
                        + ": expected max_ndim=" + spec.maxNDim() + ", found ndim=" + ndim);
            }
            if (spec.minNDim() != null && ndim < spec.minNDim()) {
                throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer " + name
                        + ": expected min_ndim=" + spec.minNDim() + ", found ndim=" + ndim + ".");
            }
            if (spec.dtype() != null && !spec.dtype().equals(dtypeOf(x))) {
                throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer " + name
                        + " : expected dtype=" + spec.dtype() + ", found dtype=" + dtypeOf(x) + ".");
            }
            for (Map.Entry<Integer, Integer> e : spec.axesInJsOrder()) {
                int axis = e.getKey();
                Integer value = e.getValue();
                int at = axis >= 0 ? axis : xShape.length + axis;
                boolean defined = at >= 0 && at < xShape.length;
                if (value != null && !(defined && (xShape[at] == value || xShape[at] == Dims.UNKNOWN))) {
                    throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer " + name
                            + ": expected axis " + axis + " of input shape to have value " + value
                            + " but got shape " + Dims.str(xShape) + ".");
                }
            }
            if (spec.shape() != null) {
                int[] ss = spec.shape();
                for (int i = 0; i < ss.length; i++) {
                    if (i >= xShape.length) {
                        continue;
                    }
                    if (ss[i] != Dims.UNKNOWN && xShape[i] != Dims.UNKNOWN && ss[i] != xShape[i]) {
                        throw new IllegalArgumentException("Input " + inputIndex + " is incompatible with layer "
                                + name + ": expected shape=" + Dims.str(ss) + ", found shape=" + Dims.str(xShape) + ".");
                    }
                }
            }
        }
    }

    private static Object inputsForMessage(List<?> inputs) {
        return inputs.size() == 1 ? inputs.get(0) : inputs;
    }

    /** Warns when an input shape does not match batchInputShape (a layer may turn this off, as TF.js's Embedding). */
    protected void warnOnIncompatibleInputShape(int[] inputShape) {
        if (batchInputShape == null) {
            return;
        }
        if (inputShape.length != batchInputShape.length) {
            Warnings.warn("The rank of the input tensor provided (shape: " + Dims.json(inputShape) + ") does not "
                    + "match that of the batchInputShape (" + Dims.json(batchInputShape) + ") of the layer " + name);
            return;
        }
        boolean mismatch = false;
        for (int i = 0; i < batchInputShape.length; i++) {
            int d = batchInputShape[i];
            if (d != Dims.UNKNOWN && inputShape[i] != Dims.UNKNOWN && inputShape[i] != d) {
                mismatch = true;
            }
        }
        if (mismatch) {
            Warnings.warn("The shape of the input tensor (" + Dims.json(inputShape) + ") does not match the "
                    + "expectation of layer " + name + ": " + Dims.json(batchInputShape));
        }
    }

    /** Creates the node of a symbolic call and points the outputs at it. */
    void addInboundNode(List<SymbolicTensor> inputTensors, List<SymbolicTensor> outputTensors, List<Object> inputMasks,
            List<Object> outputMasks, List<int[]> inputShapes, List<int[]> outputShapes, Map<String, Object> kwargs) {
        List<Layer> inboundLayers = new ArrayList<>();
        List<Integer> nodeIndices = new ArrayList<>();
        List<Integer> tensorIndices = new ArrayList<>();
        for (SymbolicTensor x : inputTensors) {
            inboundLayers.add(x.sourceLayer);
            nodeIndices.add(x.nodeIndex);
            tensorIndices.add(x.tensorIndex);
        }
        new Node(this, inboundLayers, nodeIndices, tensorIndices, inputTensors, outputTensors,
                inputMasks == null ? nulls(inputTensors.size()) : inputMasks,
                outputMasks == null ? nulls(outputTensors.size()) : outputMasks, inputShapes, outputShapes, kwargs);
        for (int i = 0; i < outputTensors.size(); i++) {
            SymbolicTensor t = outputTensors.get(i);
            t.sourceLayer = this;
            t.nodeIndex = inboundNodes.size() - 1;
            t.tensorIndex = i;
        }
    }

    static List<Object> nulls(int n) {
        return new ArrayList<>(Collections.nCopies(n, (Object) null));
    }

    // ---------------------------------------------------------------- graph information

    private Node nodeAt(int nodeIndex, String attrName) {
        if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("The layer has never been called and thus has no defined " + attrName + ".");
        }
        if (inboundNodes.size() <= nodeIndex) {
            throw new IllegalArgumentException("Asked to get " + attrName + " at node " + nodeIndex + ", but the layer "
                    + "has only " + inboundNodes.size() + " inbound nodes.");
        }
        return inboundNodes.get(nodeIndex);
    }

    /** The input tensors of a node (one per input). */
    public List<SymbolicTensor> getInputAt(int nodeIndex) {
        return nodeAt(nodeIndex, "input").inputTensors;
    }

    public List<SymbolicTensor> getOutputAt(int nodeIndex) {
        return nodeAt(nodeIndex, "output").outputTensors;
    }

    /** The input tensors (TF.js's {@code layer.input}); only for a layer with exactly one node. */
    public List<SymbolicTensor> input() {
        if (inboundNodes.size() > 1) {
            throw new IllegalStateException("Layer " + name + " has multiple inbound nodes, hence the notion of "
                    + "\"layer input\" is ill-defined. Use `getInputAt(nodeIndex)` instead.");
        } else if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("Layer " + name + " is not connected, no input to return.");
        }
        return nodeAt(0, "input").inputTensors;
    }

    /** The output tensors (TF.js's {@code layer.output}); only for a layer with exactly one node. */
    public List<SymbolicTensor> output() {
        if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("Layer " + name + " has no inbound nodes.");
        }
        if (inboundNodes.size() > 1) {
            throw new IllegalStateException("Layer " + name + " has multiple inbound nodes, hence the notion of "
                    + "\"layer output\" is ill-defined. Use `getOutputAt(nodeIndex)` instead.");
        }
        return nodeAt(0, "output").outputTensors;
    }

    /**
     * The output shape(s), when every node agrees (TF.js's {@code layer.outputShape}): a list of one
     * for a single output.
     */
    public List<int[]> outputShape() {
        if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("The layer " + name + " has never been called and thus has no defined "
                    + "output shape.");
        }
        List<String> all = new ArrayList<>();
        for (Node node : inboundNodes) {
            String s = node.outputShapesJson();
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        if (all.size() == 1) {
            return inboundNodes.get(0).outputShapes;
        }
        throw new IllegalStateException("The layer " + name + " has multiple inbound nodes with different output "
                + "shapes. Hence the notion of \"output shape\" is ill-defined for the layer.");
    }

    // ------------------------------------------------------------------------ config

    /** TF.js's base config: name, trainable, and batchInputShape / dtype when set. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("trainable", trainable());
        if (batchInputShape != null) {
            config.put("batchInputShape", Dims.toList(batchInputShape));
        }
        if (dtype != null) {
            config.put("dtype", dtype);
        }
        return config;
    }

    /** {@code own} followed by the keys of {@code base} not in it (TF.js's Object.assign(config, base)). */
    protected static Map<String, Object> merge(Map<String, Object> own, Map<String, Object> base) {
        own.putAll(base);
        return own;
    }

    // ------------------------------------------------------------------------ disposal

    protected int disposeWeights() {
        List<LayerVariable> ws = weights();
        for (LayerVariable w : ws) {
            w.dispose();
        }
        return ws.size();
    }

    protected void assertNotDisposed() {
        if (refCount != null && refCount == 0) {
            throw new IllegalStateException("Layer '" + name + "' is already disposed.");
        }
    }

    /**
     * Decrements the reference count (one per model using the layer, or one after a concrete
     * call); at 0 the weights are disposed.
     */
    public DisposeResult dispose() {
        if (!built) {
            throw new IllegalStateException("Cannot dispose Layer " + name + " because it has not been built yet.");
        }
        if (refCount == null) {
            throw new IllegalStateException("Cannot dispose Layer " + name + " because it has not been used yet.");
        }
        assertNotDisposed();
        int numDisposed = 0;
        refCount = refCount - 1;
        if (refCount == 0) {
            numDisposed = disposeWeights();
        }
        return new DisposeResult(refCount, numDisposed);
    }

    public Integer refCount() {
        return refCount;
    }

    @Override
    public String toString() {
        return getClassName() + " " + name;
    }
}
