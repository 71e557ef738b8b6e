package dev.samovar.layers.training;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.layers.engine.Executor;
import dev.samovar.layers.engine.FeedDict;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Reduction;
import dev.samovar.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code model.compile} sets up (TF.js's LayersModel.compile): the optimizer, one loss per
 * output, the metric names ({@code loss}, {@code acc}, ... deduplicated) and functions, and the
 * train / test functions, which compute with TF.js's ops in TF.js's order.
 */
public final class Compiled {
    final LayersModel model;
    public final Optimizer optimizer;
    public final boolean optimizerOwned;
    final List<LossFunction> lossFunctions;
    final List<String> lossNames;
    final List<String> metricsNames = new ArrayList<>();
    final List<LossFunction> metricFns = new ArrayList<>();
    final List<Integer> metricOutputs = new ArrayList<>();
    final Object metricsSpec;
    boolean stopTraining;
    boolean isTraining;

    Compiled(LayersModel model, Optimizer optimizer, boolean owned, List<LossFunction> lossFunctions,
            List<String> lossNames, Object metricsSpec) {
        this.model = model;
        this.optimizer = optimizer;
        this.optimizerOwned = owned;
        this.lossFunctions = lossFunctions;
        this.lossNames = lossNames;
        this.metricsSpec = metricsSpec;
    }

    public List<String> metricsNames() {
        return metricsNames;
    }

    public boolean stopTraining() {
        return stopTraining;
    }

    public void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    public List<LossFunction> lossFunctions() {
        return lossFunctions;
    }

    /** TF.js's getDedupedMetricsNames. */
    public List<String> dedupedMetricsNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < metricsNames.size(); i++) {
            String label = metricsNames.get(i);
            int total = 0;
            int before = 0;
            for (int j = 0; j < metricsNames.size(); j++) {
                if (metricsNames.get(j).equals(label)) {
                    total++;
                    if (j < i) {
                        before++;
                    }
                }
            }
            out.add(total > 1 ? label + "_" + before : label);
        }
        return out;
    }

    /**
     * One optimizer step on a batch (TF.js's trainFunction): returns [total loss, metrics...] as
     * kept scalars. {@code sampleWeights} entries may be null.
     */
    public List<Tensor> trainFunction(List<Tensor> inputs, List<Tensor> targets, List<Tensor> sampleWeights) {
        List<Tensor> metricsValues = new ArrayList<>();
        List<Tensor> lossValues = new ArrayList<>();
        java.util.function.Supplier<Tensor> totalLossFunction = () -> {
            FeedDict feedDict = new FeedDict();
            for (int i = 0; i < model.inputs().size(); i++) {
                feedDict.add(model.inputs().get(i), inputs.get(i));
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            kwargs.put("training", true);
            List<Tensor> outputs = Executor.execute(model.outputs(), feedDict, kwargs);
            Tensor totalLoss = null;
            for (int i = 0; i < lossFunctions.size(); i++) {
                Tensor loss = lossFunctions.get(i).apply(targets.get(i), outputs.get(i));
                if (sampleWeights != null && sampleWeights.get(i) != null) {
                    loss = Arithmetic.mul(loss, sampleWeights.get(i));
                }
                Tensor meanLoss = Reduction.mean(loss);
                lossValues.add(meanLoss);
                totalLoss = i == 0 ? loss : Arithmetic.add(totalLoss, loss);
            }
            for (int i = 0; i < metricFns.size(); i++) {
                Tensor weightedMetric;
                if (model.outputs().size() > 1 && i < model.outputs().size()) {
                    weightedMetric = lossValues.get(i);
                } else {
                    int o = metricOutputs.get(i);
                    weightedMetric = Reduction.mean(metricFns.get(i).apply(targets.get(o), outputs.get(o)));
                }
                Engine.get().keep(weightedMetric);
                metricsValues.add(weightedMetric);
            }
            totalLoss = Reduction.mean(totalLoss);
            for (Tensor reg : model.calculateLosses()) {
                totalLoss = Arithmetic.add(totalLoss, reg);
            }
            return totalLoss;
        };
        List<Variable> variables = new ArrayList<>();
        List<LayerVariable> collected = model.collectedTrainableWeights();
        for (LayerVariable w : collected == null ? model.trainableWeights() : collected) {
            variables.add(w.read());
        }
        Tensor total = optimizer.minimize(totalLossFunction, true, variables);
        List<Tensor> out = new ArrayList<>();
        out.add(total);
        out.addAll(metricsValues);
        return out;
    }

    /** TF.js's testFunction: [loss (cumulative over outputs), metrics...] on a batch, in a tidy. */
    public List<Tensor> testFunction(List<Tensor> inputs, List<Tensor> targets) {
        return Engine.get().tidy(() -> {
            List<Tensor> valOutputs = new ArrayList<>();
            FeedDict feedDict = new FeedDict();
            for (int i = 0; i < model.inputs().size(); i++) {
                feedDict.add(model.inputs().get(i), inputs.get(i));
            }
            List<Tensor> outputs = Executor.execute(model.outputs(), feedDict, null);
            Tensor totalLoss = null;
            for (int i = 0; i < lossFunctions.size(); i++) {
                Tensor loss = Reduction.mean(lossFunctions.get(i).apply(targets.get(i), outputs.get(i)));
                totalLoss = i == 0 ? loss : Arithmetic.add(totalLoss, loss);
                valOutputs.add(totalLoss);
            }
            for (int i = 0; i < metricFns.size(); i++) {
                int o = metricOutputs.get(i);
                valOutputs.add(Reduction.mean(metricFns.get(i).apply(targets.get(o), outputs.get(o))));
            }
            return valOutputs;
        });
    }
}
