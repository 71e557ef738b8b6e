package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.io.Json;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.training.Compiled;
import dev.samovar.layers.training.DatasetLoop;
import dev.samovar.layers.training.FitLoop;
import dev.samovar.layers.training.LayerMetrics;
import dev.samovar.layers.training.LossFunction;
import dev.samovar.layers.training.Training;
import dev.samovar.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Training for the JS API (api/94-training.js): compile, the fit loop stepped batch by batch (the
 * JS side awaits callbacks and yields to the page between batches), evaluate, trainOnBatch, the
 * dataset loop. Loss and metric specs cross as JSON: names, or {"$fn": name} for tf.metrics
 * functions; logs and histories come back as JSON.
 */
public final class TrainingBridge {
    private TrainingBridge() {
    }

    static Object spec(Object v) {
        if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.containsKey("$js")) {
                int index = ((Number) m.get("$js")).intValue();
                Object name = m.get("name");
                return new Training.Named(name == null ? "" : String.valueOf(name), PENDING.get(index));
            }
            if (m.containsKey("$fn")) {
                String name = String.valueOf(m.get("$fn"));
                return new Training.Named(name, LayerMetrics.function(name));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), spec(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add(spec(o));
            }
            return out;
        }
        return v;
    }

    /** A loss or metric written in JS: (yTrue, yPred) → the result's handle (runs inside the step). */
    @JSFunctor
    public interface JsLossOrMetric extends JSObject {
        Tensor run(Tensor yTrue, Tensor yPred);
    }

    /** JS loss / metric functions registered for the next compile ({"$js": index} in its specs). */
    private static final List<LossFunction> PENDING = new ArrayList<>();

    @JSExport
    public static void clearFunctions() {
        PENDING.clear();
    }

    @JSExport
    public static int addFunction(JsLossOrMetric fn) {
        PENDING.add((yTrue, yPred) -> fn.run(yTrue, yPred));
        return PENDING.size() - 1;
    }

    @JSExport
    public static void compile(LayersModel model, Optimizer optimizer, boolean owned, String lossJson,
            String metricsJson) {
        try {
            Training.compile(model, optimizer, owned, spec(Json.parse(lossJson)),
                    metricsJson == null ? null : spec(Json.parse(metricsJson)));
        } finally {
            PENDING.clear();
        }
    }

    @JSExport
    public static boolean isCompiled(LayersModel model) {
        return Training.target(model).trainingState() instanceof Compiled;
    }

    @JSExport
    public static String metricsNames(LayersModel model) {
        return Json.stringify(Training.compiled(model).metricsNames());
    }

    @JSExport
    public static void setStopTraining(LayersModel model, boolean stop) {
        Object st = Training.target(model).trainingState();
        if (st instanceof Compiled) {
            ((Compiled) st).setStopTraining(stop);
        }
    }

    @JSExport
    public static boolean stopTraining(LayersModel model) {
        Object st = Training.target(model).trainingState();
        return st instanceof Compiled && ((Compiled) st).stopTraining();
    }

    @SuppressWarnings("unchecked")
    static List<Map<Integer, Double>> classWeights(Object cw, List<String> outputNames) {
        if (cw == null) {
            return null;
        }
        List<Object> perOutput = new ArrayList<>();
        if (cw instanceof List) {
            List<?> l = (List<?>) cw;
            if (outputNames.size() > 1 && l.size() != outputNames.size()) {
                throw new IllegalArgumentException("Provided classWeight is an array of " + l.size() + " element(s), "
                        + "but the model has " + outputNames.size() + " outputs. Make sure a set of weights is provided "
                        + "for each model output.");
            }
            perOutput.addAll(l);
        } else {
            Map<String, Object> m = (Map<String, Object>) cw;
            if (outputNames.size() == 1) {
                perOutput.add(m.containsKey(outputNames.get(0)) ? m.get(outputNames.get(0)) : m);
            } else {
                for (String n : outputNames) {
                    perOutput.add(m.get(n));
                }
            }
        }
        List<Map<Integer, Double>> out = new ArrayList<>();
        for (Object o : perOutput) {
            if (o == null) {
                out.add(null);
                continue;
            }
            Map<Integer, Double> w = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) o).entrySet()) {
                w.put(Integer.parseInt(e.getKey()), ((Number) e.getValue()).doubleValue());
            }
            out.add(w);
        }
        return out;
    }

    /** Starts fit: args JSON {batchSize, epochs, validationSplit, shuffle, initialEpoch, classWeight}. */
    @JSExport
    @SuppressWarnings("unchecked")
    public static FitLoop fitStart(LayersModel model, TensorList x, TensorList y, String argsJson, TensorList valX,
            TensorList valY) {
        Map<String, Object> m = (Map<String, Object>) Json.parse(argsJson);
        FitLoop.Args a = new FitLoop.Args();
        if (m.get("batchSize") instanceof Number) {
            a.batchSize = ((Number) m.get("batchSize")).intValue();
            if (((Number) m.get("batchSize")).doubleValue() != a.batchSize) {
                LayersModel.checkBatchSize(((Number) m.get("batchSize")).doubleValue());
            }
        }
        if (m.get("epochs") instanceof Number) {
            a.epochs = ((Number) m.get("epochs")).intValue();
        }
        if (m.get("validationSplit") instanceof Number) {
            a.validationSplit = ((Number) m.get("validationSplit")).doubleValue();
        }
        if (m.get("shuffle") instanceof Boolean) {
            a.shuffle = (Boolean) m.get("shuffle");
        }
        if (m.get("initialEpoch") instanceof Number) {
            a.initialEpoch = ((Number) m.get("initialEpoch")).intValue();
        }
        if (valX != null) {
            a.validationX = valX.items();
            a.validationY = valY.items();
        }
        a.classWeight = classWeights(m.get("classWeight"), Training.target(model).outputNames());
        return new FitLoop(model, x.items(), y.items(), a);
    }

    @JSExport
    public static String fitInfo(FitLoop loop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", loop.epochs);
        m.put("initialEpoch", loop.initialEpoch);
        m.put("samples", loop.numTrainSamples);
        m.put("batchSize", loop.batchSize);
        m.put("doValidation", loop.doValidation);
        m.put("metrics", loop.callbackMetrics);
        return Json.stringify(m);
    }

    @JSExport
    public static int fitBeginEpoch(FitLoop loop, int epoch) {
        return loop.beginEpoch(epoch);
    }

    @JSExport
    public static String fitRunBatch(FitLoop loop, int batch, boolean readLogs) {
        return Json.stringify(loop.runBatch(batch, readLogs));
    }

    @JSExport
    public static String fitEndEpoch(FitLoop loop, int epoch) {
        return Json.stringify(loop.endEpoch(epoch));
    }

    @JSExport
    public static boolean fitStopRequested(FitLoop loop) {
        return loop.stopRequested();
    }

    @JSExport
    public static String fitHistory(FitLoop loop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", loop.historyEpochs);
        m.put("history", loop.history);
        return Json.stringify(m);
    }

    @JSExport
    public static void fitFinish(FitLoop loop) {
        loop.finish();
    }

    @JSExport
    public static Tensor[] evaluate(LayersModel model, TensorList x, TensorList y, double batchSize, boolean dflt) {
        return Training.evaluate(model, x.items(), y.items(), dflt ? null : batchSize).toArray(new Tensor[0]);
    }

    @JSExport
    public static double[] trainOnBatch(LayersModel model, TensorList x, TensorList y) {
        return Training.trainOnBatch(model, x.items(), y.items());
    }

    /** Whether {@code current - minDelta} improves on {@code best} (EarlyStopping's monitor function). */
    @JSExport
    public static boolean improved(double current, double minDelta, double best, boolean greater) {
        double v = current - minDelta;
        return greater ? v > best : v < best;
    }

    /** tf.metrics.NAME(yTrue, yPred). */
    @JSExport
    public static Tensor metric(String name, Tensor yTrue, Tensor yPred) {
        return LayerMetrics.function(name).apply(yTrue, yPred);
    }

    // ------------------------------------------------------------------------- datasets

    @JSExport
    public static DatasetLoop datasetStart(LayersModel model, String metricsMode) {
        return new DatasetLoop(model);
    }

    @JSExport
    public static void datasetValidationTensors(DatasetLoop loop, TensorList x, TensorList y, int batchSize) {
        loop.setValidationTensors(x.items(), y.items(), batchSize);
    }

    @JSExport
    public static String datasetInfo(DatasetLoop loop, boolean doValidation) {
        return Json.stringify(loop.callbackMetrics(doValidation));
    }

    @JSExport
    public static void datasetBeginEpoch(DatasetLoop loop) {
        loop.beginEpoch();
    }

    @JSExport
    public static String datasetRunBatch(DatasetLoop loop, int batch, TensorList x, TensorList y, boolean readLogs) {
        return Json.stringify(loop.runBatch(batch, x.items(), y.items(), readLogs));
    }

    @JSExport
    public static void datasetValidate(DatasetLoop loop, TensorList x, TensorList y) {
        loop.addValidationBatch(x.items(), y.items());
    }

    @JSExport
    public static String datasetEndEpoch(DatasetLoop loop, int epoch) {
        return Json.stringify(loop.endEpoch(epoch));
    }

    @JSExport
    public static String datasetHistory(DatasetLoop loop) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", loop.historyEpochs);
        m.put("history", loop.history);
        return Json.stringify(m);
    }

    @JSExport
    public static void datasetFinish(DatasetLoop loop) {
        loop.finish();
    }

    /** evaluateDataset: accumulates batches; {@link #datasetEvalResult} gives the averages. */
    @JSExport
    public static void datasetEvalBatch(DatasetLoop loop, TensorList x, TensorList y) {
        loop.addValidationBatch(x.items(), y.items());
    }

    @JSExport
    public static Tensor[] datasetEvalResult(DatasetLoop loop) {
        return loop.validationAverages().toArray(new Tensor[0]);
    }
}
