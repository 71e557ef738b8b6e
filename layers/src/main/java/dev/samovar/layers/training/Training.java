package dev.samovar.layers.training;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * compile / evaluate / trainOnBatch of TF.js's LayersModel (engine/training.js); fit is
 * {@link FitLoop}. A Sequential trains its inner functional model, as TF.js's does.
 */
public final class Training {
    private Training() {
    }

    /** The model that actually trains (a Sequential's inner model, built if needed). */
    public static LayersModel target(LayersModel model) {
        if (model instanceof Sequential) {
            Sequential s = (Sequential) model;
            if (s.innerModel() == null) {
                s.build();
            }
            return s.innerModel();
        }
        return model;
    }

    /** What compile set up; fails with TF.js's message before compile. */
    public static Compiled compiled(LayersModel model) {
        Object st = target(model).trainingState();
        if (!(st instanceof Compiled)) {
            throw new IllegalStateException("You must compile a model before training/testing. Use "
                    + "LayersModel.compile(modelCompileArgs).");
        }
        return (Compiled) st;
    }

    /** A loss or metric function with the name TF.js would give it. */
    public static final class Named {
        public final String name;
        public final LossFunction fn;

        public Named(String name, LossFunction fn) {
            this.name = name;
            this.fn = fn;
        }
    }

    /**
     * TF.js's compile. {@code loss}: a String / {@link Named} / {@link LossFunction} for every
     * output, a List (one per output) or a Map by output name. {@code metrics}: null, one entry, a
     * List, or a Map by output name of entries / Lists; an entry is a metric name or a {@link Named}.
     */
    @SuppressWarnings("unchecked")
    public static Compiled compile(LayersModel model0, Optimizer optimizer, boolean optimizerOwned, Object loss,
            Object metrics) {
        LayersModel model = target(model0);
        List<String> outputNames = model.outputNames();
        List<LossFunction> lossFunctions = new ArrayList<>();
        List<String> lossNames = new ArrayList<>();
        if (loss instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) loss;
            for (String name : m.keySet()) {
                if (!outputNames.contains(name)) {
                    throw new IllegalArgumentException("Unknown entry in loss dictionary: \"" + name + "\". Only "
                            + "expected the following keys: " + String.join(",", outputNames));
                }
            }
            for (String name : outputNames) {
                if (m.get(name) == null) {
                    dev.samovar.layers.backend.Warnings.warn("Output \"" + name + "\" is missing from loss "
                            + "dictionary. We assume this was done on purpose, and we will not be expecting data to "
                            + "be passed to " + name + " during training");
                }
                lossFunctions.add(lossOf(m.get(name)));
                lossNames.add(lossName(m.get(name)));
            }
        } else if (loss instanceof List) {
            List<Object> l = (List<Object>) loss;
            if (l.size() != model.outputs().size()) {
                throw new IllegalArgumentException("When passing an Array as loss, it should have one entry per model "
                        + "output. The model has " + model.outputs().size() + " output(s), but you passed loss="
                        + Js.str(l) + ".");
            }
            for (Object o : l) {
                lossFunctions.add(lossOf(o));
                lossNames.add(lossName(o));
            }
        } else {
            LossFunction f = lossOf(loss);
            for (int i = 0; i < model.outputs().size(); i++) {
                lossFunctions.add(f);
                lossNames.add(lossName(loss));
            }
        }
        Compiled c = new Compiled(model, optimizer, optimizerOwned, lossFunctions, lossNames, metrics);
        c.metricsNames.add("loss");
        if (model.outputs().size() > 1) {
            for (int i = 0; i < model.outputs().size(); i++) {
                c.metricFns.add(lossFunctions.get(i));
                c.metricOutputs.add(i);
                c.metricsNames.add(outputNames.get(i) + "_loss");
            }
        }
        List<List<Object>> nested = collectMetrics(metrics, outputNames);
        for (int i = 0; i < model.outputs().size(); i++) {
            for (Object metric : nested.get(i)) {
                String metricName;
                LossFunction fn;
                if (metric instanceof String && List.of("accuracy", "acc", "crossentropy", "ce").contains(metric)) {
                    boolean acc = "accuracy".equals(metric) || "acc".equals(metric);
                    int[] os = model.internalOutputShapes().get(i);
                    if (os[os.length - 1] == 1 || lossFunctions.get(i) == LayerLosses.get("binaryCrossentropy")) {
                        fn = acc ? LayerMetrics.get("binaryAccuracy") : LayerLosses.get("binaryCrossentropy");
                    } else if (lossFunctions.get(i) == LayerLosses.get("sparseCategoricalCrossentropy")) {
                        fn = acc ? LayerMetrics.function("sparseCategoricalAccuracy")
                                : LayerLosses.get("sparseCategoricalCrossentropy");
                    } else {
                        fn = acc ? LayerMetrics.get("categoricalAccuracy") : LayerLosses.get("categoricalCrossentropy");
                    }
                    metricName = acc ? "acc" : "ce";
                } else if (metric instanceof Named) {
                    fn = ((Named) metric).fn;
                    metricName = ((Named) metric).name;
                } else if (metric instanceof LossFunction) {
                    fn = (LossFunction) metric;
                    metricName = LayerMetrics.nameOf(fn, "");
                } else {
                    fn = LayerMetrics.get(String.valueOf(metric));
                    metricName = String.valueOf(metric);
                }
                if (outputNames.size() > 1) {
                    metricName = outputNames.get(i) + "_" + metricName;
                }
                c.metricsNames.add(metricName);
                c.metricFns.add(fn);
                c.metricOutputs.add(i);
            }
        }
        model.setCollectedTrainableWeights(model.trainableWeights());
        model.setTrainingState(c);
        if (model0 != model) {
            model0.setTrainingState(c);
        }
        return c;
    }

    static LossFunction lossOf(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Named) {
            return ((Named) o).fn;
        }
        if (o instanceof LossFunction) {
            return (LossFunction) o;
        }
        return LayerLosses.get(String.valueOf(o));
    }

    static String lossName(Object o) {
        if (o instanceof Named) {
            return ((Named) o).name;
        }
        if (o instanceof LossFunction) {
            String n = LayerLosses.nameOf((LossFunction) o);
            return n == null ? "custom" : n;
        }
        return o == null ? null : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static List<List<Object>> collectMetrics(Object metrics, List<String> outputNames) {
        List<List<Object>> out = new ArrayList<>();
        if (metrics == null || metrics instanceof List && ((List<?>) metrics).isEmpty()) {
            for (int i = 0; i < outputNames.size(); i++) {
                out.add(new ArrayList<>());
            }
            return out;
        }
        if (metrics instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) metrics;
            for (String name : outputNames) {
                Object om = m.containsKey(name) ? m.get(name) : new ArrayList<>();
                out.add(om instanceof List ? new ArrayList<>((List<Object>) om) : new ArrayList<>(List.of(om)));
            }
            return out;
        }
        List<Object> wrapped = metrics instanceof List ? (List<Object>) metrics : new ArrayList<>(List.of(metrics));
        for (int i = 0; i < outputNames.size(); i++) {
            out.add(wrapped);
        }
        return out;
    }

    /** TF.js's checks of x and y against the model (standardizeUserDataXY); returns [xs, ys] (rank ≥ 2). */
    static List<List<Tensor>> standardize(LayersModel model, Compiled c, List<Tensor> x, List<Tensor> y,
            boolean checkBatchAxis) {
        List<Tensor> xs = LayersModel.ensureRank2OrHigher(x);
        List<Tensor> ys = LayersModel.ensureRank2OrHigher(y);
        LayersModel.checkInputData(xs, model.inputNames(), model.feedInputShapes(), false, "input");
        List<int[]> outShapes = new ArrayList<>();
        for (int i = 0; i < model.outputNames().size(); i++) {
            int[] s = model.internalOutputShapes().get(i).clone();
            if (c.lossFunctions.get(i) == LayerLosses.get("sparseCategoricalCrossentropy")) {
                s[s.length - 1] = 1;
            }
            outShapes.add(s);
        }
        LayersModel.checkInputData(ys, model.outputNames(), outShapes, false, "target");
        int n = xs.get(0).dim(0);
        for (Tensor t : xs) {
            if (t.dim(0) != n) {
                throw new IllegalArgumentException("All input Tensors (x) should have the same number of samples. Got "
                        + "array shapes: " + shapes(xs));
            }
        }
        for (Tensor t : ys) {
            if (t.dim(0) != ys.get(0).dim(0)) {
                throw new IllegalArgumentException("All target Tensors (y) should have the same number of samples. Got "
                        + "array shapes: " + shapes(ys));
            }
        }
        if (!ys.isEmpty() && n != ys.get(0).dim(0)) {
            throw new IllegalArgumentException("Input Tensors should have the same number of samples as target Tensors. "
                    + "Found " + n + " input sample(s) and " + ys.get(0).dim(0) + " target sample(s).");
        }
        List<List<Tensor>> out = new ArrayList<>();
        out.add(xs);
        out.add(ys);
        return out;
    }

    private static String shapes(List<Tensor> ts) {
        List<String> s = new ArrayList<>();
        for (Tensor t : ts) {
            s.add(dev.samovar.layers.serialization.Dims.json(t.shapeRef()));
        }
        return Js.json(s).replace("\"", "");
    }

    static Tensor gatherRows(Tensor x, Tensor indices) {
        return Transform.gather(x, indices);
    }

    /** TF.js's testLoop: per-output losses and metrics averaged over batches (sample-weighted). */
    static List<Tensor> testLoop(Compiled c, List<Tensor> xs, List<Tensor> ys, int batchSize) {
        return Engine.get().tidy(() -> {
            int numSamples = xs.get(0).dim(0);
            List<int[]> batches = LayersModel.makeBatches(numSamples, batchSize);
            int[] idx = new int[numSamples];
            for (int i = 0; i < numSamples; i++) {
                idx[i] = i;
            }
            Tensor indexArray = Creation.tensor(idx, new int[] {numSamples}, DType.INT32);
            List<Tensor> outs = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                int start = batches.get(b)[0];
                int end = batches.get(b)[1];
                Tensor ids = Transform.slice(indexArray, new int[] {start}, new int[] {end - start});
                List<Tensor> bx = new ArrayList<>();
                for (Tensor t : xs) {
                    bx.add(gatherRows(t, ids));
                }
                List<Tensor> by = new ArrayList<>();
                for (Tensor t : ys) {
                    by.add(gatherRows(t, ids));
                }
                List<Tensor> batchOuts = c.testFunction(bx, by);
                if (b == 0) {
                    for (int i = 0; i < batchOuts.size(); i++) {
                        outs.add(Creation.scalar(0, DType.FLOAT32));
                    }
                }
                for (int i = 0; i < batchOuts.size(); i++) {
                    outs.set(i, Arithmetic.add(outs.get(i), Arithmetic.mul(Creation.scalar(end - start, DType.FLOAT32),
                            batchOuts.get(i))));
                }
            }
            for (int i = 0; i < outs.size(); i++) {
                outs.set(i, Arithmetic.div(outs.get(i), Creation.scalar(numSamples, DType.FLOAT32)));
            }
            return outs;
        });
    }

    /** TF.js's evaluate: scalars [loss, metrics...] (batchSize null: 32). */
    public static List<Tensor> evaluate(LayersModel model0, List<Tensor> x, List<Tensor> y, Double batchSize) {
        LayersModel model = target(model0);
        Compiled c = compiled(model);
        double bs = batchSize == null ? 32 : batchSize;
        LayersModel.checkBatchSize(bs);
        List<List<Tensor>> st = standardize(model, c, x, y, true);
        try {
            return testLoop(c, st.get(0), st.get(1), (int) bs);
        } finally {
            LayersModel.disposeNew(st.get(0), x);
            LayersModel.disposeNew(st.get(1), y);
        }
    }

    /** TF.js's trainOnBatch: one step; returns [loss, metrics...] as numbers. */
    public static double[] trainOnBatch(LayersModel model0, List<Tensor> x, List<Tensor> y) {
        LayersModel model = target(model0);
        Compiled c = compiled(model);
        List<List<Tensor>> st = standardize(model, c, x, y, true);
        List<Tensor> outs = c.trainFunction(st.get(0), st.get(1), null);
        double[] values = new double[outs.size()];
        for (int i = 0; i < outs.size(); i++) {
            values[i] = outs.get(i).dataSync()[0];
            outs.get(i).dispose();
        }
        LayersModel.disposeNew(st.get(0), x);
        LayersModel.disposeNew(st.get(1), y);
        return values;
    }

    /** The mean of a loss over a batch (used by fitDataset / evaluateDataset helpers). */
    static Tensor mean(Tensor t) {
        return Reduction.mean(t);
    }
}
