package dev.samovar.train;

import dev.samovar.core.Engine;
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
 * TF.js's AdamaxOptimizer: Adam with the infinity norm, and a learning rate decayed by
 * {@code 1 / (1 + decay * iteration)}. Slots: {@code <name>/m}, {@code <name>/v}. As in TF.js 4.22,
 * its state cannot be saved: getWeights and setWeights throw.
 */
public final class AdamaxOptimizer extends Optimizer {
    private double learningRate;
    private double beta1;
    private double beta2;
    private double epsilon;
    private double decay;
    private final List<OptimizerVariable> accumulatedFirstMoment = new ArrayList<>();
    private final List<OptimizerVariable> accumulatedWeightedInfNorm = new ArrayList<>();
    private final Variable iteration;
    private final Variable accBeta1;

    /** {@code epsilon} null: the backend's epsilon (1e-7). */
    public AdamaxOptimizer(double learningRate, double beta1, double beta2, Double epsilon, double decay) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.decay = decay;
        Engine e = Engine.get();
        Variable[] vars = e.tidy(() -> new Variable[] {
            e.makeVariable(num(0), true, null, null), e.makeVariable(num(beta1), true, null, null)});
        iteration = vars[0];
        accBeta1 = vars[1];
        this.epsilon = epsilonOrDefault(epsilon);
    }

    @Override
    public String getClassName() {
        return "Adamax";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        scoped(() -> {
            Tensor oneMinusAccBeta1 = Arithmetic.sub(num(1), accBeta1);
            Tensor lr = Arithmetic.div(num(-learningRate), Arithmetic.add(Arithmetic.mul(iteration, num(decay)), num(1)));
            for (int i = 0; i < names.length; i++) {
                Variable value = registered(names[i]);
                if (at(accumulatedFirstMoment, i) == null) {
                    put(accumulatedFirstMoment, i, new OptimizerVariable(names[i] + "/m", Engine.get().makeVariable(
                            Creation.zerosLike(orMissing(value, "x", "zerosLike")), false, null, null)));
                }
                if (at(accumulatedWeightedInfNorm, i) == null) {
                    put(accumulatedWeightedInfNorm, i, new OptimizerVariable(names[i] + "/v",
                            Engine.get().makeVariable(Creation.zerosLike(orMissing(value, "x", "zerosLike")), false,
                                    null, null)));
                }
                Tensor gradient = grads[i];
                if (gradient == null) {
                    continue;
                }
                Variable firstMoment = accumulatedFirstMoment.get(i).variable;
                Variable weightedInfNorm = accumulatedWeightedInfNorm.get(i).variable;
                Tensor newFirstMoment = Arithmetic.add(Arithmetic.mul(firstMoment, num(beta1)),
                        Arithmetic.mul(gradient, num(1 - beta1)));
                Tensor ut0 = Arithmetic.mul(weightedInfNorm, num(beta2));
                Tensor ut1 = Unary.abs(gradient);
                Tensor newWeightedInfNorm = Arithmetic.maximum(ut0, ut1);
                firstMoment.assign(newFirstMoment);
                weightedInfNorm.assign(newWeightedInfNorm);
                Tensor newValue = Arithmetic.add(Arithmetic.mul(Arithmetic.div(lr, oneMinusAccBeta1),
                        Arithmetic.div(newFirstMoment, Arithmetic.add(newWeightedInfNorm, num(epsilon)))),
                        orMissing(value, "b", "add"));
                value.assign(newValue);
            }
            iteration.assign(Arithmetic.add(iteration, num(1)));
            accBeta1.assign(Arithmetic.mul(accBeta1, num(beta1)));
        });
        incrementIterations();
    }

    @Override
    public void dispose() {
        accBeta1.dispose();
        iteration.dispose();
        disposeSlots(accumulatedFirstMoment);
        disposeSlots(accumulatedWeightedInfNorm);
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = beta1;
    }

    public double getBeta2() {
        return beta2;
    }

    public void setBeta2(double beta2) {
        this.beta2 = beta2;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        this.decay = decay;
    }

    @Override
    public List<NamedTensor> getWeights() {
        throw new UnsupportedOperationException("getWeights() is not implemented for Adamax yet.");
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        throw new UnsupportedOperationException("setWeights() is not implemented for Adamax yet.");
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("beta1", beta1);
        config.put("beta2", beta2);
        config.put("epsilon", epsilon);
        config.put("decay", decay);
        return config;
    }
}
