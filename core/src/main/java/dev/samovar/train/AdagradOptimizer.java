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
 * TF.js's AdagradOptimizer: {@code accumulator += gradient^2}, then {@code value +=
 * -learningRate * gradient / sqrt(accumulator + epsilon)}. Slot: {@code <name>/accumulator},
 * starting at {@code initialAccumulatorValue}.
 */
public final class AdagradOptimizer extends Optimizer {
    private double learningRate;
    private double initialAccumulatorValue;
    private List<OptimizerVariable> accumulatedGrads = new ArrayList<>();

    public AdagradOptimizer(double learningRate, double initialAccumulatorValue) {
        this.learningRate = learningRate;
        this.initialAccumulatorValue = initialAccumulatorValue;
    }

    public AdagradOptimizer(double learningRate) {
        this(learningRate, 0.1);
    }

    @Override
    public String getClassName() {
        return "Adagrad";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        for (int i = 0; i < names.length; i++) {
            Variable value = registered(names[i]);
            if (at(accumulatedGrads, i) == null) {
                if (value == null) {
                    throw new IllegalArgumentException("Cannot read properties of undefined (reading 'shape')");
                }
                put(accumulatedGrads, i, slot(names[i] + "/accumulator",
                        () -> Creation.fill(value.shape(), initialAccumulatorValue, dev.samovar.core.DType.FLOAT32)));
            }
            Tensor gradient = grads[i];
            if (gradient == null) {
                continue;
            }
            Variable accumulatedGrad = accumulatedGrads.get(i).variable;
            scoped(() -> {
                Tensor newAccumulatedGrad = Arithmetic.add(accumulatedGrad, Unary.square(gradient));
                accumulatedGrad.assign(newAccumulatedGrad);
                Tensor newValue = Arithmetic.add(Arithmetic.mul(Arithmetic.div(gradient,
                        Unary.sqrt(Arithmetic.add(newAccumulatedGrad, num(BACKEND_EPSILON)))), num(-learningRate)),
                        orMissing(value, "b", "add"));
                value.assign(newValue);
            });
        }
        incrementIterations();
    }

    @Override
    public void dispose() {
        disposeSlots(accumulatedGrads);
    }

    public double getLearningRate() {
        return learningRate;
    }

    /** Assigns the learning rate used from the next step on. */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getInitialAccumulatorValue() {
        return initialAccumulatorValue;
    }

    /** Assigns the initial value of slots made from now on. */
    public void setInitialAccumulatorValue(double initialAccumulatorValue) {
        this.initialAccumulatorValue = initialAccumulatorValue;
    }

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        addWeights(out, accumulatedGrads);
        return out;
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        accumulatedGrads = restore(rest, 0, rest.size());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("initialAccumulatorValue", initialAccumulatorValue);
        return config;
    }
}
