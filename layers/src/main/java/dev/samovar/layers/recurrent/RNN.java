package dev.samovar.layers.recurrent;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's RNN layer ({@code tf.layers.rnn}): runs a cell over the time axis of a
 * {@code [batch, time, features]} input. Options: returnSequences, returnState, goBackwards,
 * stateful (states kept between calls; {@link #resetStates}), unroll (accepted and ignored, with
 * TF.js's warnings), {@code initialState} in apply's kwargs (tensors or symbolic tensors), masks
 * ({@code mask} kwarg or propagated in a model). SimpleRNN, GRU and LSTM are this with their cell.
 */
public class RNN extends dev.samovar.layers.engine.Layer {
    protected final RNNCell cell;
    protected final boolean returnSequences;
    protected final boolean returnState;
    protected final boolean goBackwards;
    protected final boolean unroll;
    protected List<InputSpec> stateSpec;
    protected List<Tensor> states;
    protected final List<List<Tensor>> keptStates = new ArrayList<>();

    public RNN(Args args) {
        this(args, cellFrom(args, null));
    }

    RNN(Args args, DeserializeContext ctx) {
        this(args, cellFrom(args, ctx));
    }

    protected RNN(Args args, RNNCell cell) {
        super(args);
        this.cell = cell;
        this.returnSequences = args.getBoolean("returnSequences", false);
        this.returnState = args.getBoolean("returnState", false);
        this.goBackwards = args.getBoolean("goBackwards", false);
        this.stateful = args.getBoolean("stateful", false);
        this.unroll = args.getBoolean("unroll", false);
        this.supportsMasking = true;
        this.inputSpec = one(new InputSpec().ndim(3));
    }

    @SuppressWarnings("unchecked")
    private static RNNCell cellFrom(Args args, DeserializeContext ctx) {
        Object c = args.get("cell");
        if (c == null) {
            throw new IllegalArgumentException("cell property is missing for the constructor of RNN.");
        }
        if (c instanceof List) {
            return new StackedRNNCells(Args.of("cells", c), ctx == null ? null : ctx.child(".cell"));
        }
        return StackedRNNCells.toCell(c, ctx == null ? null : ctx.child(".cell"));
    }

    @Override
    public String getClassName() {
        return "RNN";
    }

    public RNNCell cell() {
        return cell;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    public boolean returnState() {
        return returnState;
    }

    public boolean goBackwards() {
        return goBackwards;
    }

    public boolean unroll() {
        return unroll;
    }

    /** The states of a stateful layer (null entries before the first call), as TF.js's {@code states}. */
    public List<Tensor> getStates() {
        if (states == null) {
            List<Tensor> out = new ArrayList<>();
            for (int i = 0; i < cell.stateSize().length; i++) {
                out.add(null);
            }
            return out;
        }
        return states;
    }

    public void setStates(List<Tensor> s) {
        this.states = s;
    }

    void setStateSpec(List<InputSpec> spec) {
        this.stateSpec = spec;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] inputShape = inputShapes.get(0);
        int[] stateSize = cell.stateSize();
        int outputDim = stateSize[0];
        int[] outputShape = returnSequences ? new int[] {inputShape[0], inputShape[1], outputDim}
                : new int[] {inputShape[0], outputDim};
        List<int[]> out = new ArrayList<>();
        out.add(outputShape);
        if (returnState) {
            for (int dim : stateSize) {
                out.add(new int[] {inputShape[0], dim});
            }
        }
        return out;
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
        Tensor outputMask = returnSequences ? mask : null;
        List<Tensor> out = new ArrayList<>();
        out.add(outputMask);
        if (returnState) {
            for (int i = 0; i < getStates().size(); i++) {
                out.add(null);
            }
        }
        return out;
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] inputShape = inputShapes.get(0);
        int batchSize = stateful ? inputShape[0] : Dims.UNKNOWN;
        int[] spec = new int[inputShape.length];
        spec[0] = batchSize;
        spec[1] = Dims.UNKNOWN;
        System.arraycopy(inputShape, 2, spec, 2, inputShape.length - 2);
        inputSpec.set(0, new InputSpec().shape(spec));
        int[] stepInputShape = new int[inputShape.length - 1];
        stepInputShape[0] = inputShape[0];
        System.arraycopy(inputShape, 2, stepInputShape, 1, inputShape.length - 2);
        cell.build(one(stepInputShape));
        int[] stateSize = cell.stateSize();
        if (stateSpec != null) {
            boolean same = stateSpec.size() == stateSize.length;
            for (int i = 0; same && i < stateSize.length; i++) {
                int[] s = stateSpec.get(i).shape();
                same = s[s.length - 1] == stateSize[i];
            }
            if (!same) {
                throw new IllegalArgumentException("An initialState was passed that is not compatible with "
                        + "cell.stateSize. Received stateSpec=" + specsString(stateSpec) + "; However cell.stateSize is "
                        + stateSizeString());
            }
        } else {
            stateSpec = new ArrayList<>();
            for (int dim : stateSize) {
                stateSpec.add(new InputSpec().shape(new int[] {Dims.UNKNOWN, dim}));
            }
        }
        if (stateful) {
            resetStates();
        }
    }

    private static String specsString(List<InputSpec> specs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("[object Object]");
        }
        return sb.toString();
    }

    /** TF.js's `${cell.stateSize}`: a number, or the list joined by commas. */
    String stateSizeString() {
        int[] s = cell.stateSize();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.toString();
    }

    @Override
    public void resetStates() {
        resetStates(null, false);
    }

    /** The shape of state {@code index} of a stateful layer: {@code [batchSize, stateSize[index]]}. */
    protected int[] stateShape(int batchSize, int index) {
        return new int[] {batchSize, cell.stateSize()[index]};
    }

    /** TF.js's resetStates(states, training): zeros, or the given values (shape-checked). */
    public void resetStates(List<Tensor> newStates, boolean training) {
        Engine.get().tidy(() -> {
            if (!stateful) {
                throw new IllegalStateException("Cannot call resetStates() on an RNN Layer that is not stateful.");
            }
            int batchSize = inputSpec.get(0).shape() == null ? Dims.UNKNOWN : inputSpec.get(0).shape()[0];
            if (batchSize == Dims.UNKNOWN) {
                throw new IllegalArgumentException("If an RNN is stateful, it needs to know its batch size. Specify "
                        + "the batch size of your input tensors: \n"
                        + "- If using a Sequential model, specify the batch size by passing a `batchInputShape` option "
                        + "to your first layer.\n"
                        + "- If using the functional API, specify the batch size by passing a `batchShape` option to "
                        + "your Input layer.");
            }
            int[] stateSize = cell.stateSize();
            if (states == null) {
                states = new ArrayList<>();
                for (int i = 0; i < stateSize.length; i++) {
                    states.add(Creation.zeros(stateShape(batchSize, i)));
                }
            } else if (newStates == null) {
                for (Tensor t : states) {
                    if (t != null) {
                        t.dispose();
                    }
                }
                for (List<Tensor> kept : keptStates) {
                    for (Tensor t : kept) {
                        t.dispose();
                    }
                }
                keptStates.clear();
                if (cell.stateSizeIsList()) {
                    states = new ArrayList<>();
                    for (int i = 0; i < stateSize.length; i++) {
                        states.add(Creation.zeros(stateShape(batchSize, i)));
                    }
                } else {
                    states.set(0, Creation.zeros(stateShape(batchSize, 0)));
                }
            } else {
                if (newStates.size() != states.size()) {
                    throw new IllegalArgumentException("Layer " + name + " expects " + states.size() + " state(s), "
                            + "but it received " + newStates.size() + " state value(s). Input received: "
                            + Js.str(newStates));
                }
                if (training) {
                    keptStates.add(new ArrayList<>(states));
                } else {
                    for (Tensor t : states) {
                        t.dispose();
                    }
                }
                for (int index = 0; index < states.size(); index++) {
                    Tensor value = newStates.get(index);
                    int[] expected = stateShape(batchSize, index);
                    if (!Dims.equal(value.shapeRef(), expected)) {
                        throw new IllegalArgumentException("State " + index + " is incompatible with layer " + name
                                + ": expected shape=" + Dims.str(expected).replace("[", "").replace("]", "")
                                + ", received shape=" + Dims.str(value.shapeRef()).replace("[", "").replace("]", ""));
                    }
                    states.set(index, value);
                }
            }
            List<Tensor> kept = new ArrayList<>();
            for (Tensor s : states) {
                kept.add(Engine.get().keep(s.clone()));
            }
            states = kept;
            return null;
        });
    }

    /**
     * TF.js's RNN.apply: an {@code initialState} (kwarg, or inputs after the first) joins the
     * inputs when symbolic, so that the states are graph inputs of the layer.
     */
    @Override
    public List<Object> apply(List<?> inputs, Map<String, Object> kwargs) {
        Map<String, Object> kw = kwargs == null ? new LinkedHashMap<>() : kwargs;
        List<Object> initialState = toListOrNull(kw.get("initialState"));
        if (kw.get("constants") != null) {
            throw new UnsupportedOperationException("Constants support is not implemented in RNN yet.");
        }
        Object x = inputs.get(0);
        if (inputs.size() > 1) {
            if (initialState != null) {
                throw new IllegalArgumentException("When inputs is an array, neither initialState or constants "
                        + "should be provided");
            }
            initialState = new ArrayList<>(inputs.subList(1, inputs.size()));
        }
        List<Object> one = new ArrayList<>();
        one.add(x);
        if (initialState == null) {
            return super.apply(one, kw);
        }
        kw.put("initialState", initialState);
        List<InputSpec> specs = new ArrayList<>();
        for (Object s : initialState) {
            specs.add(new InputSpec().shape(s instanceof SymbolicTensor ? ((SymbolicTensor) s).shapeRef()
                    : ((Tensor) s).shapeRef()));
        }
        stateSpec = specs;
        if (initialState.get(0) instanceof SymbolicTensor) {
            List<Object> full = new ArrayList<>(one);
            full.addAll(initialState);
            List<InputSpec> original = inputSpec;
            List<InputSpec> fullSpec = new ArrayList<>(original);
            fullSpec.addAll(specs);
            inputSpec = fullSpec;
            try {
                return super.apply(full, kw);
            } finally {
                inputSpec = original;
            }
        }
        return super.apply(one, kw);
    }

    @SuppressWarnings("unchecked")
    static List<Object> toListOrNull(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List) {
            return new ArrayList<>((List<Object>) v);
        }
        if (v instanceof Object[]) {
            List<Object> out = new ArrayList<>();
            for (Object o : (Object[]) v) {
                out.add(o);
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        out.add(v);
        return out;
    }

    @SuppressWarnings("unchecked")
    static Tensor maskOf(Map<String, Object> kwargs) {
        Object m = kwargs == null ? null : kwargs.get("mask");
        if (m instanceof List) {
            m = ((List<Object>) m).isEmpty() ? null : ((List<Object>) m).get(0);
        }
        return (Tensor) m;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor mask = maskOf(kwargs);
            Object training = kwargs == null ? null : kwargs.get("training");
            List<Object> given = kwargs == null ? null : toListOrNull(kwargs.get("initialState"));
            Tensor x = oneTensor(inputs);
            List<Tensor> initialState = new ArrayList<>();
            if (given == null) {
                if (stateful) {
                    initialState.addAll(states);
                } else {
                    initialState.addAll(getInitialState(x));
                }
            } else {
                for (Object o : given) {
                    initialState.add((Tensor) o);
                }
            }
            int numStates = cell.stateSize().length;
            if (initialState.size() != numStates) {
                throw new IllegalArgumentException("RNN Layer has " + numStates + " state(s) but was passed "
                        + initialState.size() + " initial state(s).");
            }
            if (unroll) {
                Warnings.warn("Ignoring unroll = true for RNN layer, due to imperative backend.");
            }
            Map<String, Object> cellKwargs = new LinkedHashMap<>();
            cellKwargs.put("training", training);
            StepFunction step = (in, st) -> {
                List<Tensor> callIn = new ArrayList<>(st.size() + 1);
                callIn.add(in);
                callIn.addAll(st);
                return cell.step(callIn, cellKwargs);
            };
            RnnResult r = rnn(step, x, initialState, goBackwards, mask, unroll, returnSequences);
            if (stateful) {
                resetStates(r.states, Boolean.TRUE.equals(training));
            }
            List<Tensor> out = new ArrayList<>();
            out.add(returnSequences ? r.outputs : r.lastOutput);
            if (returnState) {
                out.addAll(r.states);
            }
            return out;
        });
    }

    /** TF.js's getInitialState: zeros of [batch, stateSize] made from the input (sum, expandDims, tile). */
    public List<Tensor> getInitialState(Tensor inputs) {
        return Engine.get().tidy(() -> {
            Tensor initial = Creation.zeros(inputs.shape());
            initial = Reduction.sum(initial, new int[] {1, 2}, false);
            initial = LayerOps.expandDims(initial, -1);
            List<Tensor> out = new ArrayList<>();
            for (int dim : cell.stateSize()) {
                out.add(dim > 1 ? Transform.tile(initial, 1, dim) : initial);
            }
            return out;
        });
    }

    /** One step: the input at a time step and the states in; [output, new states] out. */
    public interface StepFunction {
        List<Tensor> apply(Tensor input, List<Tensor> states);
    }

    /** What {@link #rnn} returns. */
    public static final class RnnResult {
        public final Tensor lastOutput;
        /** [batch, time, ...] when per-step outputs were asked for, else null. */
        public final Tensor outputs;
        public final List<Tensor> states;

        RnnResult(Tensor lastOutput, Tensor outputs, List<Tensor> states) {
            this.lastOutput = lastOutput;
            this.outputs = outputs;
            this.states = states;
        }
    }

    /**
     * TF.js's backend rnn(): transposes the input to time-major, unstacks it, runs the step in its
     * own tidy per time step (a mask keeps the previous output and states where it is 0), and
     * stacks the per-step outputs when asked.
     */
    public static RnnResult rnn(StepFunction step, Tensor inputs, List<Tensor> initialStates, boolean goBackwards,
            Tensor mask, boolean unroll, boolean needPerStepOutputs) {
        List<Object> r = Engine.get().tidy(() -> {
            int ndim = inputs.rank();
            if (ndim < 3) {
                throw new IllegalArgumentException("Input should be at least 3D, but is " + ndim + "D.");
            }
            int[] axes = new int[ndim];
            axes[0] = 1;
            axes[1] = 0;
            for (int i = 2; i < ndim; i++) {
                axes[i] = i;
            }
            Tensor in = Transform.transpose(inputs, axes);
            if (unroll) {
                Warnings.warn("Backend rnn(): the unroll = true option is not applicable to the imperative "
                        + "deeplearn.js backend.");
            }
            Tensor m = mask;
            if (m != null) {
                m = Transform.cast(Transform.cast(m, DType.BOOL), DType.FLOAT32);
                if (m.rank() == ndim - 1) {
                    m = Transform.expandDims(m, -1);
                }
                m = Transform.transpose(m, axes);
            }
            if (goBackwards) {
                in = Transform.reverse(in, new int[] {0});
                if (m != null) {
                    m = Transform.reverse(m, new int[] {0});
                }
            }
            List<Tensor> perStepOutputs = new ArrayList<>();
            Tensor lastOutput = null;
            List<Tensor> states = initialStates;
            int timeSteps = in.shapeRef()[0];
            Tensor[] perStepInputs = Transform.unstack(in, 0);
            Tensor[] perStepMasks = m == null ? null : Transform.unstack(m, 0);
            for (int t = 0; t < timeSteps; ++t) {
                Tensor currentInput = perStepInputs[t];
                final List<Tensor> prev = states;
                List<Tensor> stepOutputs = Engine.get().tidy(() -> step.apply(currentInput, prev));
                List<Tensor> newStates = stepOutputs.subList(1, stepOutputs.size());
                if (perStepMasks == null) {
                    lastOutput = stepOutputs.get(0);
                    states = new ArrayList<>(newStates);
                } else {
                    Tensor stepMask = perStepMasks[t];
                    List<Tensor> masked = Engine.get().tidy(() -> {
                        Tensor negStepMask = Arithmetic.sub(Creation.onesLike(stepMask), stepMask);
                        List<Tensor> o = new ArrayList<>();
                        o.add(Arithmetic.add(Arithmetic.mul(stepOutputs.get(0), stepMask),
                                Arithmetic.mul(prev.get(0), negStepMask)));
                        for (int i = 0; i < prev.size(); i++) {
                            o.add(Arithmetic.add(Arithmetic.mul(newStates.get(i), stepMask),
                                    Arithmetic.mul(prev.get(i), negStepMask)));
                        }
                        return o;
                    });
                    lastOutput = masked.get(0);
                    states = new ArrayList<>(masked.subList(1, masked.size()));
                }
                if (needPerStepOutputs) {
                    perStepOutputs.add(lastOutput);
                }
            }
            Tensor outputs = null;
            if (needPerStepOutputs) {
                outputs = Transform.stack(perStepOutputs.toArray(new Tensor[0]), 1);
            }
            List<Object> res = new ArrayList<>();
            res.add(lastOutput);
            res.add(outputs);
            res.add(states);
            return res;
        });
        @SuppressWarnings("unchecked")
        List<Tensor> st = (List<Tensor>) r.get(2);
        return new RnnResult((Tensor) r.get(0), (Tensor) r.get(1), st);
    }

    // ------------------------------------------------------------------------------ weights

    @Override
    public List<LayerVariable> trainableWeights() {
        if (!trainable) {
            return new ArrayList<>();
        }
        return cell.trainableWeights();
    }

    @Override
    public List<LayerVariable> nonTrainableWeights() {
        if (!trainable) {
            return cell.weights();
        }
        return cell.nonTrainableWeights();
    }

    @Override
    public void setTrainable(boolean value) {
        cell.setTrainable(value);
        this.trainable = value;
    }

    @Override
    public void setFastWeightInitDuringBuild(boolean value) {
        super.setFastWeightInitDuringBuild(value);
        if (cell != null) {
            cell.setFastWeightInitDuringBuild(value);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> base = super.getConfig();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("returnSequences", returnSequences);
        config.put("returnState", returnState);
        config.put("goBackwards", goBackwards);
        config.put("stateful", stateful);
        config.put("unroll", unroll);
        Map<String, Object> cellConfig = cell.getConfig();
        if ("RNN".equals(getClassName())) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("className", cell.getClassName());
            c.put("config", cellConfig);
            config.put("cell", c);
        }
        Map<String, Object> out = new LinkedHashMap<>(cellConfig);
        out.putAll(base);
        out.putAll(config);
        return out;
    }
}
