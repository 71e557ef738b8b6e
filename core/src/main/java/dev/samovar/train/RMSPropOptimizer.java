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
 * TF.js's RMSPropOptimizer, plain or centered, with optional momentum. Slots: {@code <name>/rms},
 * {@code <name>/momentum} and, when centered, {@code <name>/mg}. As in TF.js 4.22, the centered
 * denominator is {@code sqrt(meanSquare - (meanGrad^2 + epsilon))}.
 */
public final class RMSPropOptimizer extends Optimizer {
    private double learningRate;
    private double decay;
    private double momentum;
    private double epsilon;
    private boolean centered;
    private List<OptimizerVariable> accumulatedMeanSquares = new ArrayList<>();
    private List<OptimizerVariable> accumulatedMoments = new ArrayList<>();
    private List<OptimizerVariable> accumulatedMeanGrads = new ArrayList<>();

    /** {@code epsilon} null: the backend's epsilon (1e-7). */
    public RMSPropOptimizer(double learningRate, double decay, double momentum, Double epsilon, boolean centered) {
        this.learningRate = learningRate;
        this.decay = decay;
        this.momentum = momentum;
        this.epsilon = epsilonOrDefault(epsilon);
        this.centered = centered;
    }

    public RMSPropOptimizer(double learningRate) {
        this(learningRate, 0.9, 0.0, null, false);
    }

    @Override
    public String getClassName() {
        return "RMSProp";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        for (int i = 0; i < names.length; i++) {
            Variable value = registered(names[i]);
            if (at(accumulatedMeanSquares, i) == null) {
                put(accumulatedMeanSquares, i, slot(names[i] + "/rms",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            if (at(accumulatedMoments, i) == null) {
                put(accumulatedMoments, i, slot(names[i] + "/momentum",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            if (at(accumulatedMeanGrads, i) == null && centered) {
                put(accumulatedMeanGrads, i, slot(names[i] + "/mg",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            Tensor gradient = grads[i];
            if (gradient == null) {
                continue;
            }
            Variable accumulatedMeanSquare = accumulatedMeanSquares.get(i).variable;
            Variable accumulatedMoment = accumulatedMoments.get(i).variable;
            int index = i;
            scoped(() -> {
                Tensor newAccumulatedMeanSquare = Arithmetic.add(Arithmetic.mul(accumulatedMeanSquare, num(decay)),
                        Arithmetic.mul(Unary.square(gradient), num(1 - decay)));
                Tensor newAccumulatedMoments;
                if (centered) {
                    Variable accumulatedMeanGrad = meanGrad(index);
                    Tensor newAccumulatedMeanGrad = Arithmetic.add(Arithmetic.mul(accumulatedMeanGrad, num(decay)),
                            Arithmetic.mul(gradient, num(1 - decay)));
                    Tensor gradContribution = Arithmetic.div(Arithmetic.mul(gradient, num(learningRate)),
                            Unary.sqrt(Arithmetic.sub(newAccumulatedMeanSquare,
                                    Arithmetic.add(Unary.square(newAccumulatedMeanGrad), num(epsilon)))));
                    newAccumulatedMoments = Arithmetic.add(Arithmetic.mul(accumulatedMoment, num(momentum)),
                            gradContribution);
                    accumulatedMeanSquare.assign(newAccumulatedMeanSquare);
                    accumulatedMeanGrad.assign(newAccumulatedMeanGrad);
                } else {
                    newAccumulatedMoments = Arithmetic.add(Arithmetic.mul(accumulatedMoment, num(momentum)),
                            Arithmetic.div(Arithmetic.mul(gradient, num(learningRate)),
                                    Unary.sqrt(Arithmetic.add(newAccumulatedMeanSquare, num(epsilon)))));
                    accumulatedMeanSquare.assign(newAccumulatedMeanSquare);
                }
                accumulatedMoment.assign(newAccumulatedMoments);
                Tensor newValue = Arithmetic.sub(orMissing(value, "a", "sub"), newAccumulatedMoments);
                value.assign(newValue);
            });
        }
        incrementIterations();
    }

    /** The mean-gradient slot at i (made on a step while centered; TF.js fails here otherwise). */
    private Variable meanGrad(int i) {
        OptimizerVariable v = at(accumulatedMeanGrads, i);
        if (v == null) {
            throw new IllegalStateException("Cannot read properties of undefined (reading 'variable')");
        }
        return v.variable;
    }

    @Override
    public void dispose() {
        disposeSlots(accumulatedMeanSquares);
        if (centered) {
            disposeSlots(accumulatedMeanGrads);
        }
        disposeSlots(accumulatedMoments);
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        this.decay = decay;
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    public boolean getCentered() {
        return centered;
    }

    public void setCentered(boolean centered) {
        this.centered = centered;
    }

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        addWeights(out, accumulatedMeanSquares);
        addWeights(out, accumulatedMoments);
        if (centered) {
            addWeights(out, accumulatedMeanGrads);
        }
        return out;
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        double count = centered ? rest.size() / 3.0 : rest.size() / 2.0;
        accumulatedMeanSquares = restore(rest, 0, count);
        accumulatedMoments = restore(rest, count, count * 2);
        if (centered) {
            accumulatedMeanGrads = restore(rest, count * 2, count * 3);
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("decay", decay);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("centered", centered);
        return config;
    }
}
