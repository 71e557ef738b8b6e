package dev.samovar.layers.engine;

import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A functional model (TF.js's LayersModel, class name {@code Model}): a {@link Container} with
 * {@link #predict}, {@link #summary} and (added by the training code) compile / fit / evaluate.
 * Made by {@code tf.model({inputs, outputs})} ({@link #LayersModel(List, List, String)}) or from
 * JSON ({@code Models.modelFromJson}).
 *
 * <p>Training hooks: {@link #collectedTrainableWeights} (the weights a compile collected, which
 * {@link #summary} counts) and {@link #execute}; compile/fit/evaluate are written on this class's
 * public API (weights, {@link Executor#execute} with {@code training: true}, calculateLosses).
 */
public class LayersModel extends Container {
    private List<LayerVariable> collectedTrainableWeights;
    private Object trainingState;

    /** What compile set up (a {@code dev.samovar.layers.training.Compiled}), or null. */
    public Object trainingState() {
        return trainingState;
    }

    public void setTrainingState(Object state) {
        this.trainingState = state;
    }

    public LayersModel(List<SymbolicTensor> inputs, List<SymbolicTensor> outputs, String name) {
        super(inputs, outputs, name);
    }

    @Override
    public String getClassName() {
        return "Model";
    }

    /** The trainable weights a compile collected (null before compile). */
    public List<LayerVariable> collectedTrainableWeights() {
        return collectedTrainableWeights;
    }

    public void setCollectedTrainableWeights(List<LayerVariable> weights) {
        this.collectedTrainableWeights = weights;
    }

    /** Warns, as TF.js does, when {@code trainable} changed after compile. */
    public void checkTrainableWeightsConsistency() {
        if (collectedTrainableWeights == null) {
            return;
        }
        if (trainableWeights().size() != collectedTrainableWeights.size()) {
            Warnings.warn("Discrepancy between trainableweights and collected trainable weights. Did you set "
                    + "`model.trainable` without calling `model.compile()` afterwards?");
        }
    }

    /** Prints TF.js's summary table through printFn (defaults: TF.js's widths, standard output). */
    public void summary(Integer lineLength, double[] positions, Consumer<String> printFn) {
        if (!built) {
            throw new IllegalArgumentException("This model has never been called, thus its weights have not been "
                    + "created yet. So no summary can be displayed. Build the model first (e.g., by calling it on "
                    + "some test data).");
        }
        Summary.print(this, lineLength, positions, printFn == null ? System.out::println : printFn);
    }

    public void summary() {
        summary(null, null, null);
    }

    /** The summary's lines. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        summary(null, null, lines::add);
        return lines;
    }

    // ----------------------------------------------------------------------------- predict

    /**
     * TF.js's predict: runs the model on inputs (one tensor per model input; rank-1 inputs get a
     * second axis) in batches of {@code batchSize} (null: 32) and concatenates the batch outputs.
     * Returns one tensor per model output.
     */
    public List<Tensor> predict(List<Tensor> x, Double batchSize) {
        List<Tensor> xs = ensureRank2OrHigher(x);
        try {
            checkInputData(xs, inputNames, feedInputShapes, false, "");
            double bs = batchSize == null ? 32 : batchSize;
            checkBatchSize(bs);
            return predictLoop(xs, (int) bs);
        } finally {
            disposeNew(xs, x);
        }
    }

    /** Predicts one input tensor (batches of 32); fails for a model with several outputs. */
    public Tensor predict(Tensor x) {
        List<Tensor> out = predict(one(x), null);
        if (out.size() != 1) {
            throw new IllegalStateException("The model has " + out.size() + " outputs: use predict(List, batchSize)");
        }
        return out.get(0);
    }

    /** TF.js's predictOnBatch: the whole input as one batch (shapes checked with the batch axis). */
    public List<Tensor> predictOnBatch(List<Tensor> x) {
        checkInputData(x, inputNames, feedInputShapes, true, "");
        return predictLoop(x, x.get(0).dim(0));
    }

    public static void checkBatchSize(double batchSize) {
        if (!(batchSize > 0 && batchSize == Math.floor(batchSize) && !Double.isInfinite(batchSize))) {
            throw new IllegalArgumentException("batchSize is required to be a positive integer, but got "
                    + JsNumber.toString(batchSize));
        }
    }

    public static List<Tensor> ensureRank2OrHigher(List<Tensor> tensors) {
        List<Tensor> outs = new ArrayList<>();
        for (Tensor t : tensors) {
            if (t.rank() == 1) {
                outs.add(LayerOps.expandDims(t, 1));
            } else if (t.rank() == 0) {
                throw new IllegalArgumentException("Expected tensor to be at least 1D, but received a 0D tensor "
                        + "(scalar).");
            } else {
                outs.add(t);
            }
        }
        return outs;
    }

    public static void disposeNew(List<Tensor> tensors, List<Tensor> refs) {
        for (Tensor t : tensors) {
            boolean old = false;
            for (Tensor r : refs) {
                if (r.id() == t.id()) {
                    old = true;
                }
            }
            if (!old && !t.isDisposed()) {
                t.dispose();
            }
        }
    }

    /** TF.js's checkInputData (used by predict). */
    public static void checkInputData(List<Tensor> arrays, List<String> names, List<int[]> shapes, boolean checkBatchAxis,
            String exceptionPrefix) {
        if (arrays.size() != names.size()) {
            throw new IllegalArgumentException("Error when checking model " + exceptionPrefix + ": the Array of "
                    + "Tensors that you are passing to your model is not the size the the model expected. Expected to "
                    + "see " + names.size() + " Tensor(s), but instead got " + arrays.size() + " Tensors(s).");
        }
        if (shapes == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            int[] expected = shapes.get(i);
            if (expected == null) {
                continue;
            }
            int[] actual = arrays.get(i).shapeRef();
            if (actual.length != expected.length) {
                throw new IllegalArgumentException("Error when checking " + exceptionPrefix + ": expected "
                        + names.get(i) + " to have " + expected.length + " dimension(s), but got array with shape "
                        + Dims.json(actual));
            }
            for (int j = 0; j < expected.length; j++) {
                if (j == 0 && !checkBatchAxis) {
                    continue;
                }
                if (expected[j] != Dims.UNKNOWN && expected[j] != actual[j]) {
                    throw new IllegalArgumentException("Error when checking " + exceptionPrefix + ": expected "
                            + names.get(i) + " to have shape " + Dims.json(expected) + " but got array with shape "
                            + Dims.json(actual) + ".");
                }
            }
        }
    }

    /** TF.js's makeBatches: [start, end) pairs. */
    public static List<int[]> makeBatches(int size, int batchSize) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < size) {
            int end = start + batchSize;
            if (end >= size) {
                end = size;
            }
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    List<Tensor> predictLoop(List<Tensor> ins, int batchSize) {
        return Engine.get().tidy(() -> {
            int numSamples = ins.get(0).dim(0);
            List<int[]> batches = makeBatches(numSamples, batchSize);
            List<List<Tensor>> outsBatches = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                outsBatches.add(new ArrayList<>());
            }
            for (int[] batch : batches) {
                List<Tensor> batchOuts = Engine.get().tidy(() -> {
                    FeedDict feedDict = new FeedDict();
                    for (int i = 0; i < ins.size(); i++) {
                        feedDict.add(inputs.get(i), LayerOps.sliceAlongFirstAxis(ins.get(i), batch[0],
                                batch[1] - batch[0]));
                    }
                    return Executor.execute(outputs, feedDict, null);
                });
                for (int i = 0; i < batchOuts.size(); i++) {
                    outsBatches.get(i).add(batchOuts.get(i));
                }
            }
            List<Tensor> result = new ArrayList<>();
            for (List<Tensor> b : outsBatches) {
                result.add(Transform.concat(b.toArray(new Tensor[0]), 0));
            }
            return result;
        });
    }

    /**
     * TF.js's execute: the values of named symbolic tensors of this model for inputs given in
     * model-input order.
     */
    public List<Tensor> execute(List<Tensor> inputValues, List<String> outputNames) {
        if (outputNames.isEmpty()) {
            throw new IllegalArgumentException("`outputs` is an empty Array, which is not allowed.");
        }
        List<SymbolicTensor> fetches = retrieveSymbolicTensors(outputNames);
        FeedDict feedDict = new FeedDict();
        if (inputValues.size() != inputs.size()) {
            throw new IllegalArgumentException("The number of inputs provided (" + inputValues.size() + ") does not "
                    + "match the number of inputs of this model (" + inputs.size() + ").");
        }
        for (int i = 0; i < inputs.size(); i++) {
            feedDict.add(inputs.get(i), inputValues.get(i));
        }
        return Executor.execute(fetches, feedDict, null);
    }

    /** TF.js's execute with inputs by input name. */
    public List<Tensor> execute(Map<String, Tensor> inputValues, List<String> outputNames) {
        List<Tensor> ordered = new ArrayList<>();
        for (SymbolicTensor input : inputs) {
            Tensor v = inputValues.get(input.name());
            if (v == null) {
                throw new IllegalArgumentException("No value is provided for the model's input " + input.name());
            }
            ordered.add(v);
        }
        return execute(ordered, outputNames);
    }

    List<SymbolicTensor> retrieveSymbolicTensors(List<String> names) {
        List<SymbolicTensor> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(null);
        }
        int remaining = names.size();
        for (Layer layer : layers) {
            List<SymbolicTensor> layerOutputs = layer.output();
            for (int i = 0; i < names.size(); i++) {
                for (SymbolicTensor t : layerOutputs) {
                    if (t.name().equals(names.get(i))) {
                        out.set(i, t);
                        remaining--;
                        break;
                    }
                }
                if (remaining == 0) {
                    break;
                }
            }
            if (remaining == 0) {
                break;
            }
        }
        if (remaining > 0) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (out.get(i) == null) {
                    missing.add(names.get(i));
                }
            }
            throw new IllegalArgumentException("Cannot find SymbolicTensors for output name(s): " + Js.json(missing));
        }
        return out;
    }

    static LayersModel fromConfig(Map<String, Object> config, dev.samovar.layers.serialization.DeserializeContext ctx) {
        return Container.fromConfig(config, ctx, LayersModel::new);
    }
}
