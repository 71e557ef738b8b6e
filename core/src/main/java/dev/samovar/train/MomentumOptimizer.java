package dev.samovar.train;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's MomentumOptimizer: {@code accumulation = momentum * accumulation + gradient}, then
 * {@code value += -learningRate * accumulation} (Nesterov: {@code -learningRate * (gradient +
 * momentum * accumulation)}). Slot: {@code <name>/momentum}.
 */
public class MomentumOptimizer extends SGDOptimizer {
    private double momentum;
    private boolean useNesterov;
    /** The momentum as a float32 scalar, fixed at construction (TF.js's {@code m}). */
    private final Tensor m;
    private List<OptimizerVariable> accumulations = new ArrayList<>();

    public MomentumOptimizer(double learningRate, double momentum, boolean useNesterov) {
        super(learningRate);
        this.momentum = momentum;
        this.useNesterov = useNesterov;
        // TF.js leaves m to the enclosing scope; kept here, so an optimizer made inside a scope works.
        m = Engine.get().keep(num(momentum));
    }

    public MomentumOptimizer(double learningRate, double momentum) {
        this(learningRate, momentum, false);
    }

    @Override
    public String getClassName() {
        return "Momentum";
    }

    @Override
    protected void apply(String[] names, Tensor[] grads) {
        for (int i = 0; i < names.length; i++) {
            Variable value = registered(names[i]);
            if (at(accumulations, i) == null) {
                put(accumulations, i, slot(names[i] + "/momentum",
                        () -> Creation.zerosLike(orMissing(value, "x", "zerosLike"))));
            }
            Variable accumulation = accumulations.get(i).variable;
            Tensor gradient = grads[i];
            if (gradient == null) {
                continue;
            }
            scoped(() -> {
                Tensor newAccumulation = Arithmetic.add(Arithmetic.mul(m, accumulation), gradient);
                Tensor newValue;
                if (useNesterov) {
                    newValue = Arithmetic.add(Arithmetic.mul(c,
                            Arithmetic.add(gradient, Arithmetic.mul(newAccumulation, m))), orMissing(value, "b", "add"));
                } else {
                    newValue = Arithmetic.add(Arithmetic.mul(c, newAccumulation), orMissing(value, "b", "add"));
                }
                accumulation.assign(newAccumulation);
                value.assign(newValue);
            });
        }
        incrementIterations();
    }

    /**
     * Frees the momentum constant and the slots. As in TF.js, the learning-rate constant of the
     * SGD base is not freed.
     */
    @Override
    public void dispose() {
        m.dispose();
        disposeSlots(accumulations);
    }

    public double getMomentum() {
        return momentum;
    }

    /**
     * TF.js's setMomentum: changes the configured value only; the steps keep using the momentum
     * given at construction, as in TF.js.
     */
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    public boolean getUseNesterov() {
        return useNesterov;
    }

    /** Switches Nesterov momentum on or off from the next step (assigning TF.js's field). */
    public void setUseNesterov(boolean useNesterov) {
        this.useNesterov = useNesterov;
    }

    @Override
    public List<NamedTensor> getWeights() {
        List<NamedTensor> out = new ArrayList<>();
        out.add(saveIterations());
        addWeights(out, accumulations);
        return out;
    }

    @Override
    public void setWeights(List<NamedTensor> weightValues) {
        List<NamedTensor> rest = extractIterations(weightValues);
        accumulations = restore(rest, 0, rest.size());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learningRate", learningRate);
        config.put("momentum", momentum);
        config.put("useNesterov", useNesterov);
        return config;
    }
}
