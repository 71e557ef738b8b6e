package dev.samovar.layers.training;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's fitDataset / evaluateDataset accumulation (engine/training_dataset.js), for batches that
 * the caller pulls from a dataset iterator: {@link #runBatch} trains one batch (BaseLogger totals as
 * {@link FitLoop}), {@link #addValidationBatch} accumulates evaluation batches (sum of batch size
 * times value, then divided by the number of examples), {@link #endEpoch} gives the epoch logs.
 */
public final class DatasetLoop {
    private final LayersModel model;
    private final Compiled c;
    private final List<String> outLabels;
    private int seen;
    private final Map<String, Tensor> totals = new LinkedHashMap<>();
    private List<Tensor> valTotals;
    private int valExamples;
    private List<Tensor> valX;
    private List<Tensor> valY;
    private int valBatchSize = 32;
    public final List<Integer> historyEpochs = new ArrayList<>();
    public final Map<String, List<Double>> history = new LinkedHashMap<>();

    public DatasetLoop(LayersModel model0) {
        this.model = Training.target(model0);
        this.c = Training.compiled(model);
        this.outLabels = c.dedupedMetricsNames();
    }

    public List<String> callbackMetrics(boolean doValidation) {
        List<String> out = new ArrayList<>(outLabels);
        if (doValidation) {
            for (String l : outLabels) {
                out.add("val_" + l);
            }
        }
        return out;
    }

    /** Validation on tensors (run with model.evaluate's loop at each epoch end). */
    public void setValidationTensors(List<Tensor> x, List<Tensor> y, int batchSize) {
        valX = x;
        valY = y;
        valBatchSize = batchSize;
    }

    public void beginEpoch() {
        seen = 0;
        for (Tensor t : totals.values()) {
            t.dispose();
        }
        totals.clear();
        clearValidation();
    }

    private void clearValidation() {
        if (valTotals != null) {
            for (Tensor t : valTotals) {
                t.dispose();
            }
        }
        valTotals = null;
        valExamples = 0;
    }

    public Map<String, Object> runBatch(int batchIndex, List<Tensor> xs, List<Tensor> ys) {
        return runBatch(batchIndex, xs, ys, true);
    }

    /**
     * One training batch; with {@code readLogs} false the batch logs hold only batch and size (no
     * callback reads the values, and TF.js reads them only for a callback: no sync per batch).
     */
    public Map<String, Object> runBatch(int batchIndex, List<Tensor> xs, List<Tensor> ys, boolean readLogs) {
        int size = xs.get(0).dim(0);
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("batch", batchIndex);
        logs.put("size", size);
        List<Tensor> outs = c.trainFunction(xs, ys, null);
        seen += size;
        for (int i = 0; i < outLabels.size(); i++) {
            Tensor v = outs.get(i);
            if (readLogs) {
                logs.put(outLabels.get(i), (double) v.dataSync()[0]);
            }
            Tensor old = totals.get(outLabels.get(i));
            Tensor total = Engine.get().tidy(() -> Arithmetic.add(old == null ? Creation.scalar(0, DType.FLOAT32) : old,
                    Arithmetic.mul(v, Creation.scalar(size, DType.FLOAT32))));
            totals.put(outLabels.get(i), total);
            if (old != null) {
                old.dispose();
            }
        }
        for (Tensor t : outs) {
            t.dispose();
        }
        return logs;
    }

    /** One evaluation batch (evaluateDataset / dataset validation). */
    public void addValidationBatch(List<Tensor> xs, List<Tensor> ys) {
        List<Tensor> batchOuts = c.testFunction(xs, ys);
        int bs = xs.get(0).dim(0);
        if (valTotals == null) {
            valTotals = new ArrayList<>();
            for (int i = 0; i < batchOuts.size(); i++) {
                valTotals.add(Creation.scalar(0, DType.FLOAT32));
            }
        }
        for (int i = 0; i < batchOuts.size(); i++) {
            Tensor old = valTotals.get(i);
            Tensor out = batchOuts.get(i);
            valTotals.set(i, Engine.get().tidy(() -> Arithmetic.add(old, Arithmetic.mul(Creation.scalar(bs,
                    DType.FLOAT32), out))));
            old.dispose();
            out.dispose();
        }
        valExamples += bs;
    }

    /** The evaluation averages (new scalars; the accumulation is reset). */
    public List<Tensor> validationAverages() {
        if (valTotals == null) {
            throw new IllegalArgumentException("Empty dataset: no batches were evaluated");
        }
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : valTotals) {
            out.add(Arithmetic.div(t, Creation.scalar(valExamples, DType.FLOAT32)));
        }
        clearValidation();
        return out;
    }

    public Map<String, Object> endEpoch(int epoch) {
        Map<String, Object> logs = new LinkedHashMap<>();
        List<Tensor> val = null;
        if (valX != null) {
            val = Training.testLoop(c, valX, valY, valBatchSize);
        } else if (valTotals != null) {
            val = validationAverages();
        }
        if (val != null) {
            for (int i = 0; i < outLabels.size(); i++) {
                logs.put("val_" + outLabels.get(i), (double) val.get(i).dataSync()[0]);
            }
            for (Tensor t : val) {
                t.dispose();
            }
        }
        for (String key : outLabels) {
            Tensor total = totals.get(key);
            if (total == null) {
                continue;
            }
            Tensor v = Engine.get().tidy(() -> Arithmetic.mul(Creation.scalar(1.0 / seen, DType.FLOAT32), total));
            logs.put(key, (double) v.dataSync()[0]);
            v.dispose();
        }
        for (Tensor t : totals.values()) {
            t.dispose();
        }
        totals.clear();
        historyEpochs.add(epoch);
        for (Map.Entry<String, Object> e : logs.entrySet()) {
            history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((Double) e.getValue());
        }
        return logs;
    }

    public boolean stopRequested() {
        return c.stopTraining;
    }

    public void finish() {
        for (Tensor t : totals.values()) {
            t.dispose();
        }
        totals.clear();
        clearValidation();
    }
}
