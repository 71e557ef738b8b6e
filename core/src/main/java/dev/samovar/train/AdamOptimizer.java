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
 * TF.js's AdamOptimizer: bias-corrected first and second moments. Slots: {@code <name>/m} for every
 * variable, then {@code <name>/v}. As in TF.js, the running powers of beta1 and beta2 are two
 * (trainable, registered) scalar variables made at construction.
 */
public final class AdamOptimizer extends Optimizer {
    private double learningRate;
    private double beta1;
    private double beta2;
    private double epsilon;
    private List<OptimizerVariable> accumulatedFirstMoment = new ArrayList<>();
    private List<OptimizerVariable> accumulatedSecondMoment = new ArrayList<>();
    private final Variable accBeta1;
    private final Variable accBeta2;

    /** {@code epsilon} null: the backend's epsilon (1e-7). */
    public AdamOptimizer(double learningRate, double beta1, double beta2, Double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        Engine e = Engine.get();
        Variable[] acc = e.tidy(() -> new Variable[] {
            e.makeVariable(num(beta1), true, null, null), e.makeVariable(num(beta2), true, null, null)});
        accBeta1 = acc[0];
        accBeta2 = acc[1];
        this.epsilon = epsilonOrDefault(epsilon);
    }

    @Override
    public String getClassName() {
        return "Adam";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        scoped(() -> {
            Tensor oneMinusAccBeta1 = Arithmetic.sub(num(1), accBeta1);
            Tensor oneMinusAccBeta2 = Arithmetic.sub(num(1), accBeta2);
            for (int i = 0; i < names.length; i++) {
                Variable value = registered(names[i]);
                if (at(accumulatedFirstMoment, i) == null) {
                    put(accumulatedFirstMoment, i, slot(names[i] + "/m",
                            () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
                }
                if (at(accumulatedSecondMoment, i) == null) {
                    put(accumulatedSecondMoment, i, slot(names[i] + "/v",
                            () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
                }
                Tensor gradient = grads[i];
                if (gradient == null) {
                    continue;
                }
                Variable firstMoment = accumulatedFirstMoment.get(i).variable;
                Variable secondMoment = accumulatedSecondMoment.get(i).variable;
                Tensor newFirstMoment = Arithmetic.add(Arithmetic.mul(firstMoment, num(beta1)),
                        Arithmetic.mul(gradient, num(1 - beta1)));
                Tensor newSecondMoment = Arithmetic.add(Arithmetic.mul(secondMoment, num(beta2)),
                        Arithmetic.mul(Unary.square(gradient), num(1 - beta2)));
                Tensor biasCorrectedFirstMoment = Arithmetic.div(newFirstMoment, oneMinusAccBeta1);
                Tensor biasCorrectedSecondMoment = Arithmetic.div(newSecondMoment, oneMinusAccBeta2);
                firstMoment.assign(newFirstMoment);
                secondMoment.assign(newSecondMoment);
                Tensor newValue = Arithmetic.add(Arithmetic.mul(Arithmetic.div(biasCorrectedFirstMoment,
                        Arithmetic.add(Unary.sqrt(biasCorrectedSecondMoment), num(epsilon))), num(-learningRate)),
                        orMissing(value, "b", "add"));
                value.assign(newValue);
            }
            accBeta1.assign(Arithmetic.mul(accBeta1, num(beta1)));
            accBeta2.assign(Arithmetic.mul(accBeta2, num(beta2)));
        });
        incrementIterations();
    }

    @Override
    public void dispose() {
        accBeta1.dispose();
        accBeta2.dispose();
        disposeSlots(accumulatedFirstMoment);
        disposeSlots(accumulatedSecondMoment);
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

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        addWeights(out, accumulatedFirstMoment);
        addWeights(out, accumulatedSecondMoment);
        return out;
    }

    /** Restores the moments and sets the running powers to beta^(iterations + 1), as TF.js. */
    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        double next = iterationsValue() + 1;
        scoped(() -> {
            accBeta1.assign(Arithmetic.pow(num(beta1), num(next)));
            accBeta2.assign(Arithmetic.pow(num(beta2), num(next)));
        });
        double count = rest.size() / 2.0;
        accumulatedFirstMoment = restore(rest, 0, count);
        accumulatedSecondMoment = restore(rest, count, count * 2);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("beta1", beta1);
        config.put("beta2", beta2);
        config.put("epsilon", epsilon);
        return config;
    }
}
