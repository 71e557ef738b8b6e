package dev.samovar.layers.training;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code model.fit} run as TF.js's fit / fitLoop computes it, stepped from outside so that the
 * page can yield and run callbacks between batches: {@link #beginEpoch}, {@link #runBatch} for each
 * batch, {@link #endEpoch}, and {@link #finish}. Epoch values are averaged as TF.js's BaseLogger
 * does (with float32 tensors), validation as its testLoop; {@link #history} is TF.js's History.
 */
public final class FitLoop {
    /** fit's arguments (TF.js's ModelFitArgs; null fields take TF.js's defaults). */
    public static final class Args {
        public Integer batchSize;
        public Integer epochs;
        public Double validationSplit;
        public List<Tensor> validationX;
        public List<Tensor> validationY;
        public Boolean shuffle;
        public Integer initialEpoch;
        /** Per output: class index → weight (or null). */
        public List<Map<Integer, Double>> classWeight;
    }

    private final LayersModel model;
    private final Compiled c;
    private final List<Tensor> userX;
    private final List<Tensor> userY;
    private List<Tensor> xs;
    private List<Tensor> ys;
    private List<Tensor> allX;
    private List<Tensor> allY;
    private List<Tensor> valX;
    private List<Tensor> valY;
    /** The caller's validationData (left alive, as TF.js does); null when none was given. */
    private List<Tensor> userValX;
    private List<Tensor> userValY;
    private List<Tensor> sampleWeights;
    public final int batchSize;
    public final int epochs;
    public final int initialEpoch;
    public final boolean doValidation;
    public final boolean shuffle;
    public final List<String> outLabels;
    public final List<String> callbackMetrics;
    public final int numTrainSamples;
    private final int[] indexArray;
    private List<int[]> batches;
    private int seen;
    private final Map<String, Tensor> totals = new LinkedHashMap<>();
    private final Map<String, Tensor> epochTensors = new LinkedHashMap<>();
    /** TF.js's History: the epochs run and, per log key, one value per epoch. */
    public final List<Integer> historyEpochs = new ArrayList<>();
    public final Map<String, List<Double>> history = new LinkedHashMap<>();

    public FitLoop(LayersModel model0, List<Tensor> x, List<Tensor> y, Args args) {
        this.model = Training.target(model0);
        this.c = Training.compiled(model);
        if (c.isTraining) {
            throw new IllegalStateException("Cannot start training because another fit() call is ongoing.");
        }
        Args a = args == null ? new Args() : args;
        this.batchSize = a.batchSize == null ? 32 : a.batchSize;
        LayersModel.checkBatchSize(batchSize);
        this.userX = x;
        this.userY = y;
        List<List<Tensor>> st = Training.standardize(model, c, x, y, false);
        xs = st.get(0);
        ys = st.get(1);
        if (a.classWeight != null) {
            sampleWeights = new ArrayList<>();
            for (int i = 0; i < ys.size(); i++) {
                Map<Integer, Double> cw = i < a.classWeight.size() ? a.classWeight.get(i) : null;
                sampleWeights.add(cw == null ? null : classSampleWeights(ys.get(i), cw));
            }
        }
        boolean validation = false;
        if (a.validationX != null && !a.validationX.isEmpty()) {
            validation = true;
            userValX = a.validationX;
            userValY = a.validationY;
            List<List<Tensor>> vs = Training.standardize(model, c, a.validationX, a.validationY, true);
            valX = vs.get(0);
            valY = vs.get(1);
        } else if (a.validationSplit != null && a.validationSplit > 0 && a.validationSplit < 1) {
            validation = true;
            int n = xs.get(0).dim(0);
            int splitAt = (int) Math.floor(n * (1 - a.validationSplit));
            allX = xs;
            allY = ys;
            valX = slice(xs, splitAt, n);
            xs = slice(xs, 0, splitAt);
            valY = slice(ys, splitAt, n);
            ys = slice(ys, 0, splitAt);
        }
        this.doValidation = validation;
        this.outLabels = c.dedupedMetricsNames();
        this.callbackMetrics = new ArrayList<>(outLabels);
        if (validation) {
            for (String l : outLabels) {
                callbackMetrics.add("val_" + l);
            }
        }
        this.epochs = a.epochs == null ? 1 : a.epochs;
        this.shuffle = a.shuffle == null || a.shuffle;
        this.initialEpoch = a.initialEpoch == null ? 0 : a.initialEpoch;
        this.numTrainSamples = xs.get(0).dim(0);
        this.indexArray = new int[numTrainSamples];
        for (int i = 0; i < numTrainSamples; i++) {
            indexArray[i] = i;
        }
        model.checkTrainableWeightsConsistency();
        c.isTraining = true;
        c.stopTraining = false;
    }

    private static List<Tensor> slice(List<Tensor> ts, int start, int stop) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(dev.samovar.layers.backend.LayerOps.sliceAlongFirstAxis(t, start, stop - start));
        }
        return out;
    }

    /** TF.js's standardizeWeights for class weights: one weight per sample from its class. */
    static Tensor classSampleWeights(Tensor y, Map<Integer, Double> classWeight) {
        Tensor classes = Engine.get().tidy(() -> {
            if (y.rank() == 1) {
                return y.clone();
            } else if (y.rank() == 2) {
                if (y.dim(1) > 1) {
                    return Reduction.argMax(y, 1);
                } else if (y.dim(1) == 1) {
                    return Transform.reshape(y, y.dim(0));
                }
                throw new IllegalArgumentException("Encountered unexpected last-dimension size (" + y.dim(1) + ") "
                        + "during handling of class weights. The size is expected to be >= 1.");
            }
            throw new IllegalArgumentException("Unexpected rank of target (y) tensor (" + y.rank() + ") during "
                    + "handling of class weights. The rank is expected to be 1 or 2.");
        });
        float[] idx = classes.dataSync();
        classes.dispose();
        float[] w = new float[idx.length];
        for (int i = 0; i < idx.length; i++) {
            Double v = classWeight.get((int) idx[i]);
            if (v == null) {
                throw new IllegalArgumentException("classWeight must contain all classes in the training data. The "
                        + "class " + dev.samovar.core.JsNumber.toString(idx[i]) + " exists in the data but not in "
                        + "classWeight");
            }
            w[i] = (float) (double) v;
        }
        return Creation.tensor(w, w.length);
    }

    public Compiled compiled() {
        return c;
    }

    /** Starts an epoch: shuffles (unless shuffle is off) and cuts the batches; returns their count. */
    public int beginEpoch(int epoch) {
        if (shuffle) {
            int counter = indexArray.length;
            while (counter > 0) {
                int index = (int) (Math.random() * counter);
                counter--;
                int t = indexArray[counter];
                indexArray[counter] = indexArray[index];
                indexArray[index] = t;
            }
        }
        batches = LayersModel.makeBatches(numTrainSamples, batchSize);
        seen = 0;
        disposeAll(totals);
        disposeAll(epochTensors);
        return batches.size();
    }

    private static void disposeAll(Map<String, Tensor> m) {
        for (Tensor t : m.values()) {
            t.dispose();
        }
        m.clear();
    }

    /**
     * Trains one batch; returns TF.js's batch logs with numbers ({batch, size, loss, metrics...})
     * and accumulates the epoch totals (BaseLogger). The last batch also runs the validation.
     */
    public Map<String, Object> runBatch(int batchIndex) {
        return runBatch(batchIndex, true);
    }

    /**
     * {@link #runBatch(int)}; with {@code readLogs} false the logs hold only batch and size: the loss
     * and metric values are not read (TF.js reads a batch's values only for a callback that receives
     * them, so a fit without one never waits on the backend between batches).
     */
    public Map<String, Object> runBatch(int batchIndex, boolean readLogs) {
        Map<String, Object> logs = new LinkedHashMap<>();
        int start = batches.get(batchIndex)[0];
        int end = batches.get(batchIndex)[1];
        int size = end - start;
        List<Tensor> outs = Engine.get().tidy(() -> {
            int[] ids = new int[size];
            System.arraycopy(indexArray, start, ids, 0, size);
            Tensor batchIds = Creation.tensor(ids, new int[] {size}, DType.INT32);
            List<Tensor> bx = new ArrayList<>();
            for (Tensor t : xs) {
                bx.add(Training.gatherRows(t, batchIds));
            }
            List<Tensor> by = new ArrayList<>();
            for (Tensor t : ys) {
                by.add(Training.gatherRows(t, batchIds));
            }
            List<Tensor> bw = null;
            if (sampleWeights != null) {
                bw = new ArrayList<>();
                for (Tensor t : sampleWeights) {
                    bw.add(t == null ? null : Training.gatherRows(t, batchIds));
                }
            }
            List<Tensor> r = c.trainFunction(bx, by, bw);
            if (batchIndex == batches.size() - 1 && doValidation) {
                List<Tensor> valOuts = Training.testLoop(c, valX, valY, batchSize);
                for (int i = 0; i < outLabels.size(); i++) {
                    epochTensors.put("val_" + outLabels.get(i), Engine.get().keep(valOuts.get(i)));
                }
            }
            return r;
        });
        logs.put("batch", batchIndex);
        logs.put("size", size);
        seen += size;
        for (int i = 0; i < outLabels.size(); i++) {
            Tensor v = outs.get(i);
            if (readLogs) {
                logs.put(outLabels.get(i), (double) v.dataSync()[0]);
            }
            String key = outLabels.get(i);
            Tensor old = totals.get(key);
            Tensor total = Engine.get().tidy(() -> Arithmetic.add(old == null ? Creation.scalar(0, DType.FLOAT32) : old,
                    Arithmetic.mul(v, Creation.scalar(size, DType.FLOAT32))));
            totals.put(key, total);
            if (old != null) {
                old.dispose();
            }
        }
        for (Tensor t : outs) {
            t.dispose();
        }
        return logs;
    }

    /** Ends an epoch: TF.js's epoch logs (val_* first, then the averaged training values), recorded in the history. */
    public Map<String, Object> endEpoch(int epoch) {
        Map<String, Object> logs = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : epochTensors.entrySet()) {
            logs.put(e.getKey(), (double) e.getValue().dataSync()[0]);
        }
        for (String key : callbackMetrics) {
            Tensor total = totals.get(key);
            if (total == null) {
                continue;
            }
            Tensor v = Engine.get().tidy(() -> Arithmetic.mul(Creation.scalar(1.0 / seen, DType.FLOAT32), total));
            logs.put(key, (double) v.dataSync()[0]);
            v.dispose();
        }
        disposeAll(totals);
        disposeAll(epochTensors);
        historyEpochs.add(epoch);
        for (Map.Entry<String, Object> e : logs.entrySet()) {
            history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((Double) e.getValue());
        }
        return logs;
    }

    /** Whether a callback asked to stop (model.stopTraining). */
    public boolean stopRequested() {
        return c.stopTraining;
    }

    /** Releases what fit made (slices, class weights) and ends the run. */
    public void finish() {
        c.isTraining = false;
        disposeAll(totals);
        disposeAll(epochTensors);
        LayersModel.disposeNew(xs, userX);
        LayersModel.disposeNew(ys, userY);
        if (allX != null) {
            LayersModel.disposeNew(allX, userX);
            LayersModel.disposeNew(allY, userY);
        }
        if (valX != null && userValX != null) {
            // validationData belongs to the caller: only the reshaped copies standardize made go.
            LayersModel.disposeNew(valX, userValX);
            LayersModel.disposeNew(valY, userValY);
        } else if (valX != null) {
            // validationSplit slices of the training data.
            LayersModel.disposeNew(valX, userX);
            LayersModel.disposeNew(valY, userY);
        }
        if (sampleWeights != null) {
            for (Tensor t : sampleWeights) {
                if (t != null) {
                    t.dispose();
                }
            }
        }
    }

    /** Receives the loop's events (the JVM's callbacks). */
    public interface Callback {
        default void onEpochBegin(int epoch) {
        }

        default void onBatchEnd(int batch, Map<String, Object> logs) {
        }

        default void onEpochEnd(int epoch, Map<String, Object> logs) {
        }
    }

    /** Runs the whole loop on the JVM (TF.js's fit without yielding); returns the loop with its history. */
    public static FitLoop fit(LayersModel model, List<Tensor> x, List<Tensor> y, Args args, Callback callback) {
        FitLoop loop = new FitLoop(model, x, y, args);
        try {
            for (int epoch = loop.initialEpoch; epoch < loop.epochs; epoch++) {
                if (callback != null) {
                    callback.onEpochBegin(epoch);
                }
                int n = loop.beginEpoch(epoch);
                for (int b = 0; b < n; b++) {
                    Map<String, Object> logs = loop.runBatch(b, callback != null);
                    if (callback != null) {
                        callback.onBatchEnd(b, logs);
                    }
                    if (loop.stopRequested()) {
                        break;
                    }
                }
                Map<String, Object> logs = loop.endEpoch(epoch);
                if (callback != null) {
                    callback.onEpochEnd(epoch, logs);
                }
                if (loop.stopRequested()) {
                    break;
                }
            }
        } finally {
            loop.finish();
        }
        return loop;
    }
}
