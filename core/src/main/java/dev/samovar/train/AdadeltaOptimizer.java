package dev.samovar.train;

import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Unary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's AdadeltaOptimizer. As in TF.js 4.22, the update's denominator uses the squared-gradient
 * accumulator of the previous step. Slots: {@code <name>/accum_grad}, then {@code <name>/accum_var}.
 */
public final class AdadeltaOptimizer extends Optimizer {
    private double learningRate;
    private double rho;
    private double epsilon;
    private List<OptimizerVariable> accumulatedGrads = new ArrayList<>();
    private List<OptimizerVariable> accumulatedUpdates = new ArrayList<>();

    /** {@code epsilon} null: the backend's epsilon (1e-7). */
    public AdadeltaOptimizer(double learningRate, double rho, Double epsilon) {
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilonOrDefault(epsilon);
    }

    @Override
    public String getClassName() {
        return "Adadelta";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        for (int i = 0; i < names.length; i++) {
            Variable value = registered(names[i]);
            if (at(accumulatedGrads, i) == null) {
                put(accumulatedGrads, i, slot(names[i] + "/accum_grad",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            if (at(accumulatedUpdates, i) == null) {
                put(accumulatedUpdates, i, slot(names[i] + "/accum_var",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            Tensor gradient = grads[i];
            if (gradient == null) {
                continue;
            }
            Variable accumulatedGrad = accumulatedGrads.get(i).variable;
            Variable accumulatedUpdate = accumulatedUpdates.get(i).variable;
            scoped(() -> {
                Tensor newAccumulatedGrad = Arithmetic.add(Arithmetic.mul(accumulatedGrad, num(rho)),
                        Arithmetic.mul(Unary.square(gradient), num(1 - rho)));
                Tensor updates = Arithmetic.mul(Arithmetic.div(
                        Unary.sqrt(Arithmetic.add(accumulatedUpdate, num(epsilon))),
                        Unary.sqrt(Arithmetic.add(accumulatedGrad, num(epsilon)))), gradient);
                Tensor newAccumulatedUpdate = Arithmetic.add(Arithmetic.mul(accumulatedUpdate, num(rho)),
                        Arithmetic.mul(Unary.square(updates), num(1 - rho)));
                accumulatedGrad.assign(newAccumulatedGrad);
                accumulatedUpdate.assign(newAccumulatedUpdate);
                Tensor newValue = Arithmetic.add(Arithmetic.mul(updates, num(-learningRate)),
                        orMissing(value, "b", "add"));
                value.assign(newValue);
            });
        }
        incrementIterations();
    }

    @Override
    public void dispose() {
        disposeSlots(accumulatedGrads);
        disposeSlots(accumulatedUpdates);
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getRho() {
        return rho;
    }

    public void setRho(double rho) {
        this.rho = rho;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        addWeights(out, accumulatedGrads);
        addWeights(out, accumulatedUpdates);
        return out;
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        double count = rest.size() / 2.0;
        accumulatedGrads = restore(rest, 0, count);
        accumulatedUpdates = restore(rest, count, count * 2);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("rho", rho);
        config.put("epsilon", epsilon);
        return config;
    }
}
