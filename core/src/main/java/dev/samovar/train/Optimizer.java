package dev.samovar.train;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * TF.js's {@code tf.train.Optimizer}: minimizes a scalar function of variables. Subclasses compute
 * their updates with the same ops in the same order as TF.js 4.22, so values match.
 *
 * <p>Memory: each step runs in a scope; an optimizer's state (moments, accumulators) lives in
 * non-trainable variables made on the first step, one per variable position, named
 * {@code "<variable name>/<slot>"} in {@link #getWeights()}. {@link #dispose()} frees them.
 *
 * <pre>{@code
 * Variable w = Gradients.variable(Creation.tensor1d(0, 0));
 * Optimizer opt = Train.adam(0.1);
 * for (int i = 0; i < 100; i++) {
 *     opt.minimize(() -> Reduction.sum(Unary.square(Arithmetic.sub(w, target))));
 * }
 * }</pre>
 */
public abstract class Optimizer {
    /** The CPU backend's epsilon (TF.js's {@code backend.epsilon()} for float32 backends). */
    public static final double BACKEND_EPSILON = 1e-7;

    /** TF.js's iterations_: a number, unset until read or incremented. */
    private double iterations = Double.NaN;

    /** The class name TF.js serializes this optimizer under ({@code "Adam"}, {@code "SGD"}, ...). */
    public abstract String getClassName();

    /** TF.js's getConfig(): the constructor arguments by name, in TF.js's order. */
    public abstract Map<String, Object> getConfig();

    /** Minimizes f over every trainable variable; returns nothing. */
    public void minimize(Supplier<Tensor> f) {
        minimize(f, false, null);
    }

    /**
     * One step: computes the gradients of scalar f with respect to the trainable variables of
     * {@code varList} (every trainable variable when null) and applies them. Returns f's value when
     * {@code returnCost} (the caller disposes it), null otherwise.
     */
    public Tensor minimize(Supplier<Tensor> f, boolean returnCost, List<Variable> varList) {
        Gradients.VariableGrads r = computeGradients(f, varList);
        if (varList != null) {
            List<NamedTensor> list = new ArrayList<>(varList.size());
            for (Variable v : varList) {
                list.add(new NamedTensor(v.name(), r.grads.get(v.name())));
            }
            applyGradients(list);
        } else {
            applyGradients(r.grads);
        }
        for (Tensor g : r.grads.values()) {
            if (g != null) {
                g.dispose();
            }
        }
        if (returnCost) {
            return r.value;
        }
        r.value.dispose();
        return null;
    }

    /** f's value and its gradients by variable name, as TF.js's variableGrads. */
    public Gradients.VariableGrads computeGradients(Supplier<Tensor> f, List<Variable> varList) {
        return Gradients.variableGrads(f, varList);
    }

    /**
     * Updates the variables named by the keys with their gradients (a null gradient skips its
     * variable). Keys are visited in JavaScript's property order, as TF.js's Object.keys: names
     * that are array indices ("0", "7", ...) first, ascending, then the others in insertion order.
     */
    public void applyGradients(Map<String, Tensor> variableGradients) {
        List<String> keys = jsKeyOrder(variableGradients.keySet());
        String[] names = keys.toArray(new String[0]);
        Tensor[] grads = new Tensor[names.length];
        for (int i = 0; i < names.length; i++) {
            grads[i] = variableGradients.get(names[i]);
        }
        apply(names, grads);
    }

    /** Updates each named variable with its gradient, in list order (a null tensor skips it). */
    public void applyGradients(List<NamedTensor> variableGradients) {
        String[] names = new String[variableGradients.size()];
        Tensor[] grads = new Tensor[names.length];
        for (int i = 0; i < names.length; i++) {
            NamedTensor nt = variableGradients.get(i);
            names[i] = nt.name();
            grads[i] = nt.tensor();
        }
        apply(names, grads);
    }

    /**
     * The update itself: {@code grads[i]} (possibly null) for the variable named {@code names[i]};
     * slots are by position {@code i}, as in TF.js.
     */
    protected abstract void apply(String[] names, Tensor[] grads);

    /** How many times gradients were applied (restored by {@link #setWeights}). */
    public int iterations() {
        return (int) iterationsValue();
    }

    /** The iteration count as TF.js holds it (a number, which setWeights may make fractional). */
    public double iterationsValue() {
        if (Double.isNaN(iterations)) {
            iterations = 0;
        }
        return iterations;
    }

    protected void incrementIterations() {
        iterations = iterationsValue() + 1;
    }

    /**
     * The optimizer's state, as TF.js orders and names it: first {@code iter} (a new int32 scalar,
     * which the caller disposes), then the slot variables themselves (not copies).
     */
    public List<NamedTensor> getWeights() {
        throw new UnsupportedOperationException("getWeights() is not implemented for this optimizer yet.");
    }

    /**
     * Restores state saved by {@link #getWeights()}: the iteration count from {@code iter}, then
     * new slot variables sharing the given tensors' values. As in TF.js, the slots held before are
     * not disposed.
     */
    public void setWeights(List<NamedTensor> weightValues) {
        throw new UnsupportedOperationException("setWeights() is not implemented for this optimizer class "
                + getClassName());
    }

    /** Frees the variables and constants this optimizer owns. */
    public void dispose() {
    }

    /** TF.js's saveIterations(): {@code {name: 'iter', tensor: int32 scalar}}. */
    protected NamedTensor saveIterations() {
        return new NamedTensor("iter", Creation.scalar(iterationsValue(), DType.INT32));
    }

    /** TF.js's extractIterations(): reads the count from the first weight, returns the rest. */
    protected List<NamedTensor> extractIterations(List<NamedTensor> weightValues) {
        if (weightValues.isEmpty() || weightValues.get(0) == null || weightValues.get(0).tensor() == null) {
            throw new IllegalArgumentException("Cannot read properties of undefined (reading 'tensor')");
        }
        Tensor t = weightValues.get(0).tensor();
        Object data = t.data();
        if (t.size() == 0) {
            iterations = Double.NaN;
            throw new IllegalArgumentException("The iterations weight 'iter' is empty");
        }
        iterations = data instanceof float[] ? ((float[]) data)[0] : ((int[]) data)[0];
        return new ArrayList<>(weightValues.subList(1, weightValues.size()));
    }

    // ------------------------------------------------------------------------------ helpers

    /** The registered variable of that name, null when there is none. */
    protected static Variable registered(String name) {
        return Engine.get().registeredVariables().get(name);
    }

    /**
     * The variable, or TF.js's message for passing {@code undefined} (an unregistered name) to the
     * op that first uses it.
     */
    protected static Tensor orMissing(Tensor value, String arg, String op) {
        if (value == null) {
            throw new IllegalArgumentException("Argument '" + arg + "' passed to '" + op
                    + "' must be a Tensor or TensorLike, but got 'undefined'");
        }
        return value;
    }

    /** A number as TF.js's ops take it: a float32 scalar. */
    protected static Tensor num(double value) {
        return Creation.scalar(value, DType.FLOAT32);
    }

    /** A new non-trainable slot variable holding {@code init()}, made in its own scope. */
    protected static OptimizerVariable slot(String originalName, Supplier<Tensor> init) {
        Variable v = Engine.get().tidy(() -> Engine.get().makeVariable(init.get(), false, null, null));
        return new OptimizerVariable(originalName, v);
    }

    /** The slot at position i, null when the list is shorter. */
    protected static OptimizerVariable at(List<OptimizerVariable> slots, int i) {
        return i < slots.size() ? slots.get(i) : null;
    }

    /** Puts a slot at position i, growing the list with empty positions as a JS array grows. */
    protected static void put(List<OptimizerVariable> slots, int i, OptimizerVariable v) {
        while (slots.size() <= i) {
            slots.add(null);
        }
        slots.set(i, v);
    }

    /** Adds the slots' names and variables to a weight list, in order. */
    protected static void addWeights(List<NamedTensor> out, List<OptimizerVariable> slots) {
        for (OptimizerVariable v : slots) {
            if (v == null) {
                throw new IllegalStateException("Cannot read properties of undefined (reading 'originalName')");
            }
            out.add(new NamedTensor(v.originalName, v.variable));
        }
    }

    /** Disposes the slots' variables (empty positions are skipped, as TF.js's dispose does). */
    protected static void disposeSlots(List<OptimizerVariable> slots) {
        for (OptimizerVariable v : slots) {
            if (v != null) {
                v.variable.dispose();
            }
        }
    }

    /**
     * TF.js's {@code weightValues.slice(start, end).map(v => v.tensor.variable(false))}: new
     * non-trainable variables; the bounds are truncated as Array.slice truncates them.
     */
    protected static List<OptimizerVariable> restore(List<NamedTensor> weights, double start, double end) {
        int from = (int) Math.min(weights.size(), Math.max(0, start));
        int to = (int) Math.min(weights.size(), Math.max(0, end));
        List<OptimizerVariable> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            NamedTensor w = weights.get(i);
            w.tensor().assertNotDisposed();
            out.add(new OptimizerVariable(w.name(), Engine.get().makeVariable(w.tensor(), false, null, null)));
        }
        return out;
    }

    /** Runs {@code body} in a scope that disposes everything it made. */
    protected static void scoped(Runnable body) {
        Engine.get().tidy(() -> {
            body.run();
            return null;
        });
    }

    /** Keys in JavaScript's own-property order (array indices ascending, then insertion order). */
    static List<String> jsKeyOrder(Collection<String> keys) {
        List<String> indices = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String k : keys) {
            (isArrayIndex(k) ? indices : others).add(k);
        }
        indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        indices.addAll(others);
        return indices;
    }

    /** A canonical array index: "0" or digits without a leading zero, below 2^32 - 1. */
    static boolean isArrayIndex(String k) {
        int n = k.length();
        if (n == 0 || n > 10 || (n > 1 && k.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = k.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(k) < 4294967295L;
    }

    static double epsilonOrDefault(Double epsilon) {
        return epsilon == null ? BACKEND_EPSILON : epsilon;
    }
}
