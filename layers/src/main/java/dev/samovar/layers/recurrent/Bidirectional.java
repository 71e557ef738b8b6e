package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.NameScope;
import dev.samovar.layers.engine.SymbolicTensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Checks;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Bidirectional: a forward copy and a backward copy ({@code goBackwards} flipped) of an
 * RNN layer, made from its config and named {@code forward_<name>} / {@code backward_<name>};
 * the outputs are merged by {@code mergeMode} (concat, sum, mul, ave, or null: both returned).
 * Weights are the forward layer's then the backward layer's.
 */
public class Bidirectional extends Wrapper {
    static final List<String> MERGE_MODES = Arrays.asList("sum", "mul", "concat", "ave");

    private final RNN forwardLayer;
    private final RNN backwardLayer;
    private final String mergeMode;
    private final boolean returnSequences;
    private final boolean returnState;

    public Bidirectional(Args args) {
        this(args, null);
    }

    @SuppressWarnings("unchecked")
    Bidirectional(Args args, DeserializeContext ctx) {
        super(args, ctx);
        Map<String, Object> layerConfig = layer.getConfig();
        Map<String, Object> forwDict = new LinkedHashMap<>();
        forwDict.put("className", layer.getClassName());
        forwDict.put("config", new LinkedHashMap<>(layerConfig));
        this.forwardLayer = asRnn(LayerRegistry.deserialize(forwDict, ctx));
        Map<String, Object> backConfig = new LinkedHashMap<>(layerConfig);
        backConfig.put("goBackwards", !Boolean.TRUE.equals(layerConfig.get("goBackwards")));
        Map<String, Object> backDict = new LinkedHashMap<>();
        backDict.put("className", layer.getClassName());
        backDict.put("config", backConfig);
        this.backwardLayer = asRnn(LayerRegistry.deserialize(backDict, ctx));
        forwardLayer.setName("forward_" + forwardLayer.name());
        backwardLayer.setName("backward_" + backwardLayer.name());
        Object mm = args.raw("mergeMode");
        this.mergeMode = mm == Undefined.INSTANCE ? "concat" : (mm == null ? null : String.valueOf(mm));
        Checks.stringUnion(MERGE_MODES, "BidirectionalMergeMode", mergeMode);
        if (args.has("weights")) {
            throw new UnsupportedOperationException("weights support is not implemented for Bidirectional layer yet.");
        }
        RNN inner = asRnn(layer);
        this.stateful = inner.stateful();
        this.returnSequences = inner.returnSequences();
        this.returnState = inner.returnState();
        this.supportsMasking = true;
        this.trainable = true;
        this.inputSpec = inner.inputSpec() == null ? null : new ArrayList<>(inner.inputSpec());
    }

    private static RNN asRnn(Layer l) {
        if (!(l instanceof RNN)) {
            throw new IllegalArgumentException("Bidirectional expects a recurrent layer (SimpleRNN, LSTM, GRU or RNN), "
                    + "but got " + l.getClassName());
        }
        return (RNN) l;
    }

    @Override
    public String getClassName() {
        return "Bidirectional";
    }

    public RNN forwardLayer() {
        return forwardLayer;
    }

    public RNN backwardLayer() {
        return backwardLayer;
    }

    public String mergeMode() {
        return mergeMode;
    }

    @Override
    public boolean trainable() {
        return trainable;
    }

    @Override
    public void setTrainable(boolean value) {
        this.trainable = value;
        if (forwardLayer != null) {
            forwardLayer.setTrainable(value);
        }
        if (backwardLayer != null) {
            backwardLayer.setTrainable(value);
        }
    }

    @Override
    public List<Tensor> getWeights(boolean trainableOnly) {
        List<Tensor> out = new ArrayList<>(forwardLayer.getWeights());
        out.addAll(backwardLayer.getWeights());
        return out;
    }

    @Override
    public void setWeights(List<Tensor> weights) {
        int half = weights.size() / 2;
        forwardLayer.setWeights(new ArrayList<>(weights.subList(0, half)));
        backwardLayer.setWeights(new ArrayList<>(weights.subList(half, weights.size())));
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        List<int[]> layerShapes = forwardLayer.computeOutputShape(inputShapes);
        int[] outputShape = layerShapes.get(0).clone();
        List<int[]> stateShape = returnState ? layerShapes.subList(1, layerShapes.size()) : null;
        List<int[]> outputShapes = new ArrayList<>();
        if ("concat".equals(mergeMode)) {
            outputShape[outputShape.length - 1] *= 2;
            outputShapes.add(outputShape);
        } else if (mergeMode == null) {
            outputShapes.add(outputShape);
            outputShapes.add(outputShape.clone());
        } else {
            outputShapes.add(outputShape);
        }
        if (returnState) {
            List<int[]> out = new ArrayList<>();
            if (mergeMode == null) {
                out.addAll(outputShapes);
            } else {
                out.add(outputShape);
            }
            for (int[] s : stateShape) {
                out.add(s.clone());
            }
            for (int[] s : stateShape) {
                out.add(s.clone());
            }
            return out;
        }
        return outputShapes;
    }

    @Override
    public List<Object> apply(List<?> inputs, Map<String, Object> kwargs) {
        Map<String, Object> kw = kwargs == null ? new LinkedHashMap<>() : kwargs;
        List<Object> initialState = RNN.toListOrNull(kw.get("initialState"));
        if (kw.get("constants") != null) {
            throw new UnsupportedOperationException("Support for constants in Bidirectional layers is not "
                    + "implemented yet.");
        }
        Object x = inputs.get(0);
        if (inputs.size() > 1) {
            initialState = new ArrayList<>(inputs.subList(1, inputs.size()));
        }
        List<Object> one = new ArrayList<>();
        one.add(x);
        if (initialState == null || initialState.isEmpty()) {
            return super.apply(one, kw);
        }
        int numStates = initialState.size();
        if (numStates % 2 > 0) {
            throw new IllegalArgumentException("When passing `initialState` to a Bidrectional RNN, the state should be "
                    + "an Array containing the states of the underlying RNNs.");
        }
        kw.put("initialState", initialState);
        List<InputSpec> stateSpecs = new ArrayList<>();
        for (Object s : initialState) {
            stateSpecs.add(new InputSpec().shape(s instanceof SymbolicTensor ? ((SymbolicTensor) s).shapeRef()
                    : ((Tensor) s).shapeRef()));
        }
        forwardLayer.setStateSpec(new ArrayList<>(stateSpecs.subList(0, numStates / 2)));
        backwardLayer.setStateSpec(new ArrayList<>(stateSpecs.subList(numStates / 2, numStates)));
        boolean symbolic = initialState.get(0) instanceof SymbolicTensor;
        for (Object s : initialState) {
            if ((s instanceof SymbolicTensor) != symbolic) {
                throw new IllegalArgumentException("The initial state of a Bidirectional layer cannot be specified as a "
                        + "mix of symbolic and non-symbolic tensors");
            }
        }
        if (symbolic) {
            List<Object> full = new ArrayList<>(one);
            full.addAll(initialState);
            List<InputSpec> original = inputSpec;
            List<InputSpec> fullSpec = new ArrayList<>(original);
            fullSpec.addAll(stateSpecs);
            inputSpec = fullSpec;
            try {
                return super.apply(full, kw);
            } finally {
                inputSpec = original;
            }
        }
        return super.apply(one, kw);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            List<Object> initialState = RNN.toListOrNull(kwargs.get("initialState"));
            List<Tensor> y;
            List<Tensor> yRev;
            if (initialState == null) {
                y = forwardLayer.invoke(inputs, kwargs);
                yRev = backwardLayer.invoke(inputs, kwargs);
            } else {
                int half = initialState.size() / 2;
                kwargs.put("initialState", new ArrayList<>(initialState.subList(0, half)));
                y = forwardLayer.invoke(inputs, kwargs);
                kwargs.put("initialState", new ArrayList<>(initialState.subList(half, initialState.size())));
                yRev = backwardLayer.invoke(inputs, kwargs);
            }
            List<Tensor> states = null;
            if (returnState) {
                states = new ArrayList<>(y.subList(1, y.size()));
                states.addAll(yRev.subList(1, yRev.size()));
            }
            Tensor f = y.get(0);
            Tensor b = yRev.get(0);
            if (returnSequences) {
                b = Transform.reverse(b, new int[] {1});
            }
            List<Tensor> output = new ArrayList<>();
            if ("concat".equals(mergeMode)) {
                output.add(Transform.concat(new Tensor[] {f, b}, f.rank() - 1));
            } else if ("sum".equals(mergeMode)) {
                output.add(Arithmetic.add(f, b));
            } else if ("ave".equals(mergeMode)) {
                output.add(Arithmetic.mul(LayerOps.scalar(.5), Arithmetic.add(f, b)));
            } else if ("mul".equals(mergeMode)) {
                output.add(Arithmetic.mul(f, b));
            } else {
                output.add(f);
                output.add(b);
            }
            if (returnState) {
                output.addAll(states);
            }
            return output;
        });
    }

    @Override
    public void resetStates() {
        forwardLayer.resetStates();
        backwardLayer.resetStates();
    }

    @Override
    public void build(List<int[]> inputShapes) {
        NameScope.nameScope(forwardLayer.name(), () -> {
            forwardLayer.build(inputShapes);
            return null;
        });
        NameScope.nameScope(backwardLayer.name(), () -> {
            backwardLayer.build(inputShapes);
            return null;
        });
        built = true;
    }

    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
        List<Tensor> out = new ArrayList<>();
        if (returnSequences) {
            out.add(mask);
            if (mergeMode == null) {
                out.add(mask);
            }
        } else {
            out.add(null);
            if (mergeMode == null) {
                out.add(null);
            }
        }
        if (returnState) {
            int n = forwardLayer.getStates().size();
            for (int i = 0; i < 2 * n; i++) {
                out.add(null);
            }
        }
        return out;
    }

    @Override
    public List<LayerVariable> trainableWeights() {
        List<LayerVariable> out = new ArrayList<>(forwardLayer.trainableWeights());
        out.addAll(backwardLayer.trainableWeights());
        return out;
    }

    @Override
    public List<LayerVariable> nonTrainableWeights() {
        List<LayerVariable> out = new ArrayList<>(forwardLayer.nonTrainableWeights());
        out.addAll(backwardLayer.nonTrainableWeights());
        return out;
    }

    @Override
    public List<Tensor> calculateLosses() {
        return super.calculateLosses();
    }

    @Override
    public void setFastWeightInitDuringBuild(boolean value) {
        super.setFastWeightInitDuringBuild(value);
        if (forwardLayer != null) {
            forwardLayer.setFastWeightInitDuringBuild(value);
        }
        if (backwardLayer != null) {
            backwardLayer.setFastWeightInitDuringBuild(value);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mergeMode", mergeMode);
        config.putAll(super.getConfig());
        return config;
    }
}
