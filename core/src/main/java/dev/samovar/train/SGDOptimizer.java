package dev.samovar.train;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Arithmetic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's SGDOptimizer: {@code value += -learningRate * gradient}. */
public class SGDOptimizer extends Optimizer {
    protected double learningRate;
    /** -learningRate as a kept float32 scalar (TF.js's {@code c}). */
    protected Tensor c;

    public SGDOptimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    @Override
    public String getClassName() {
        return "SGD";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        for (int i = 0; i < names.length; i++) {
            Tensor gradient = grads[i];
            if (gradient == null) {
                continue;
            }
            Variable value = registered(names[i]);
            scoped(() -> {
                Tensor newValue = Arithmetic.add(Arithmetic.mul(c, gradient), orMissing(value, "b", "add"));
                value.assign(newValue);
            });
        }
        incrementIterations();
    }

    public double getLearningRate() {
        return learningRate;
    }

    /** Sets the learning rate used from the next step on (TF.js's setLearningRate). */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
        if (c != null) {
            c.dispose();
        }
        c = Engine.get().keep(num(-learningRate));
    }

    /**
     * Changes the configured learning rate only, as assigning TF.js's {@code learningRate}
     * property does: steps keep the rate of the last {@link #setLearningRate} (or the constructor).
     */
    public void setLearningRateField(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void dispose() {
        c.dispose();
    }

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        return out;
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("SGD optimizer does not have settable weights.");
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        return config;
    }
}
