package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.train.AdadeltaOptimizer;
import dev.samovar.train.AdagradOptimizer;
import dev.samovar.train.AdamOptimizer;
import dev.samovar.train.AdamaxOptimizer;
import dev.samovar.train.MomentumOptimizer;
import dev.samovar.train.NamedTensor;
import dev.samovar.train.Optimizer;
import dev.samovar.train.RMSPropOptimizer;
import dev.samovar.train.SGDOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSString;

/**
 * Optimizers for the JS API (api/81-train.js): the JS object holds a Java {@link Optimizer}; its
 * loss function is JS, so minimize computes the gradients on the JS side (tf.variableGrads) and
 * hands them here; every update is Java. Names cross as a JS array of strings, tensors as a
 * {@link TensorList}.
 */
public final class OptimizerBridge {
    /** The names of the last {@link #getWeights} result (its tensors are the return value). */
    private static String[] lastWeightNames = new String[0];

    private OptimizerBridge() {
    }

    @JSExport
    public static Optimizer sgd(double learningRate) {
        return new SGDOptimizer(learningRate);
    }

    @JSExport
    public static Optimizer momentum(double learningRate, double momentum, boolean useNesterov) {
        return new MomentumOptimizer(learningRate, momentum, useNesterov);
    }

    @JSExport
    public static Optimizer adagrad(double learningRate, double initialAccumulatorValue) {
        return new AdagradOptimizer(learningRate, initialAccumulatorValue);
    }

    /** {@code defaultEpsilon}: epsilon was null or undefined (the backend's epsilon). */
    @JSExport
    public static Optimizer adadelta(double learningRate, double rho, double epsilon, boolean defaultEpsilon) {
        return new AdadeltaOptimizer(learningRate, rho, defaultEpsilon ? null : epsilon);
    }

    @JSExport
    public static Optimizer adam(double learningRate, double beta1, double beta2, double epsilon,
            boolean defaultEpsilon) {
        return new AdamOptimizer(learningRate, beta1, beta2, defaultEpsilon ? null : epsilon);
    }

    @JSExport
    public static Optimizer adamax(double learningRate, double beta1, double beta2, double epsilon,
            boolean defaultEpsilon, double decay) {
        return new AdamaxOptimizer(learningRate, beta1, beta2, defaultEpsilon ? null : epsilon, decay);
    }

    @JSExport
    public static Optimizer rmsprop(double learningRate, double decay, double momentum, double epsilon,
            boolean defaultEpsilon, boolean centered) {
        return new RMSPropOptimizer(learningRate, decay, momentum, defaultEpsilon ? null : epsilon, centered);
    }

    /** applyGradients: grads.get(i) (null: none) for the variable names[i]. */
    @JSExport
    public static void applyGradients(Optimizer o, JSArrayReader<JSString> names, TensorList grads) {
        o.applyGradients(named(names, grads));
    }

    @JSExport
    public static double iterations(Optimizer o) {
        return o.iterationsValue();
    }

    /** getWeights(): the tensors; their names follow from {@link #lastWeightNames()}. */
    @JSExport
    public static Tensor[] getWeights(Optimizer o) {
        List<NamedTensor> weights = o.getWeights();
        String[] names = new String[weights.size()];
        Tensor[] tensors = new Tensor[weights.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = weights.get(i).name();
            tensors[i] = weights.get(i).tensor();
        }
        lastWeightNames = names;
        return tensors;
    }

    @JSExport
    public static String[] lastWeightNames() {
        return lastWeightNames;
    }

    @JSExport
    public static void setWeights(Optimizer o, JSArrayReader<JSString> names, TensorList tensors) {
        o.setWeights(named(names, tensors));
    }

    @JSExport
    public static void dispose(Optimizer o) {
        o.dispose();
    }

    @JSExport
    public static String className(Optimizer o) {
        return o.getClassName();
    }

    /** SGD's and Momentum's setLearningRate (which also replaces the -learningRate constant). */
    @JSExport
    public static void setLearningRate(Optimizer o, double learningRate) {
        ((SGDOptimizer) o).setLearningRate(learningRate);
    }

    @JSExport
    public static void setMomentum(Optimizer o, double momentum) {
        ((MomentumOptimizer) o).setMomentum(momentum);
    }

    /** A numeric field of the config, read as the JS property of that name reads it. */
    @JSExport
    public static double getNumber(Optimizer o, String key) {
        Object v = o.getConfig().get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("No numeric property " + key + " on " + o.getClassName());
        }
        return ((Number) v).doubleValue();
    }

    @JSExport
    public static boolean getBoolean(Optimizer o, String key) {
        return Boolean.TRUE.equals(o.getConfig().get(key));
    }

    /**
     * Assigns a numeric field as assigning the JS property does in TF.js: the value that later steps
     * read (for SGD and Momentum the learning rate used is the one given to setLearningRate, as in TF.js).
     */
    @JSExport
    public static void setNumber(Optimizer o, String key, double value) {
        switch (key) {
            case "learningRate":
                if (o instanceof SGDOptimizer) {
                    ((SGDOptimizer) o).setLearningRateField(value);
                } else if (o instanceof AdagradOptimizer) {
                    ((AdagradOptimizer) o).setLearningRate(value);
                } else if (o instanceof AdadeltaOptimizer) {
                    ((AdadeltaOptimizer) o).setLearningRate(value);
                } else if (o instanceof AdamOptimizer) {
                    ((AdamOptimizer) o).setLearningRate(value);
                } else if (o instanceof AdamaxOptimizer) {
                    ((AdamaxOptimizer) o).setLearningRate(value);
                } else if (o instanceof RMSPropOptimizer) {
                    ((RMSPropOptimizer) o).setLearningRate(value);
                }
                return;
            case "momentum":
                if (o instanceof MomentumOptimizer) {
                    ((MomentumOptimizer) o).setMomentum(value);
                } else if (o instanceof RMSPropOptimizer) {
                    ((RMSPropOptimizer) o).setMomentum(value);
                }
                return;
            case "initialAccumulatorValue":
                ((AdagradOptimizer) o).setInitialAccumulatorValue(value);
                return;
            case "rho":
                ((AdadeltaOptimizer) o).setRho(value);
                return;
            case "beta1":
                if (o instanceof AdamOptimizer) {
                    ((AdamOptimizer) o).setBeta1(value);
                } else {
                    ((AdamaxOptimizer) o).setBeta1(value);
                }
                return;
            case "beta2":
                if (o instanceof AdamOptimizer) {
                    ((AdamOptimizer) o).setBeta2(value);
                } else {
                    ((AdamaxOptimizer) o).setBeta2(value);
                }
                return;
            case "epsilon":
                if (o instanceof AdadeltaOptimizer) {
                    ((AdadeltaOptimizer) o).setEpsilon(value);
                } else if (o instanceof AdamOptimizer) {
                    ((AdamOptimizer) o).setEpsilon(value);
                } else if (o instanceof AdamaxOptimizer) {
                    ((AdamaxOptimizer) o).setEpsilon(value);
                } else {
                    ((RMSPropOptimizer) o).setEpsilon(value);
                }
                return;
            case "decay":
                if (o instanceof AdamaxOptimizer) {
                    ((AdamaxOptimizer) o).setDecay(value);
                } else {
                    ((RMSPropOptimizer) o).setDecay(value);
                }
                return;
            default:
                throw new IllegalArgumentException("No numeric property " + key + " on " + o.getClassName());
        }
    }

    @JSExport
    public static void setBoolean(Optimizer o, String key, boolean value) {
        if ("useNesterov".equals(key)) {
            ((MomentumOptimizer) o).setUseNesterov(value);
        } else if ("centered".equals(key)) {
            ((RMSPropOptimizer) o).setCentered(value);
        } else {
            throw new IllegalArgumentException("No boolean property " + key + " on " + o.getClassName());
        }
    }

    private static List<NamedTensor> named(JSArrayReader<JSString> names, TensorList tensors) {
        List<Tensor> ts = tensors.items();
        int n = names.getLength();
        if (ts.size() != n) {
            throw new IllegalArgumentException("names and tensors differ in length");
        }
        List<NamedTensor> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JSString name = names.get(i);
            out.add(new NamedTensor(name == null ? null : name.stringValue(), ts.get(i)));
        }
        return out;
    }
}
