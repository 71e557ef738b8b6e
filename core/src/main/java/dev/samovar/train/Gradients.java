package dev.samovar.train;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Engine.ValueAndGrads;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.ops.OpSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Automatic differentiation, as TF.js's tf.grad, grads, valueAndGrad(s), variableGrads,
 * customGrad and tf.variable. For a recording region in try-with-resources see {@link GradientTape}.
 */
public final class Gradients {
    private Gradients() {
    }

    /** The gradient of scalar-or-tensor f at x (dy: f's upstream gradient, ones when null). */
    public static Tensor grad(Function<Tensor, Tensor> f, Tensor x, Tensor dy) {
        OpSupport.check(x, "x", "tf.grad");
        Engine e = Engine.get();
        return e.tidy(() -> {
            ValueAndGrads r = e.gradients(() -> f.apply(x), new Tensor[] {x}, dy, false);
            if (dy != null) {
                Shapes.assertShapesMatch(r.value.shapeRef(), dy.shapeRef(),
                        "The shape of dy passed in grad(f)(x, dy) must match the shape returned by f(x)");
            }
            checkGrads(r.grads);
            return r.grads[0];
        });
    }

    public static Tensor grad(Function<Tensor, Tensor> f, Tensor x) {
        return grad(f, x, null);
    }

    /** The gradients of f with respect to each of xs. */
    public static Tensor[] grads(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor dy) {
        for (int i = 0; i < xs.length; i++) {
            OpSupport.check(xs[i], "args[" + i + "]", "tf.grads");
        }
        Engine e = Engine.get();
        return e.tidy(() -> {
            ValueAndGrads r = e.gradients(() -> f.apply(xs), xs, dy, false);
            if (dy != null) {
                Shapes.assertShapesMatch(r.value.shapeRef(), dy.shapeRef(),
                        "The shape of dy passed in grads(f)([x1,...], dy) must match the shape returned by f([x1,...])");
            }
            checkGrads(r.grads);
            return r.grads;
        });
    }

    public static Tensor[] grads(Function<Tensor[], Tensor> f, Tensor... xs) {
        return grads(f, xs, null);
    }

    /** f's value and gradient at x. */
    public static ValueAndGrads valueAndGrad(Function<Tensor, Tensor> f, Tensor x, Tensor dy) {
        OpSupport.check(x, "x", "valueAndGrad");
        ValueAndGrads r = Engine.get().gradients(() -> f.apply(x), new Tensor[] {x}, dy, false);
        checkGrads(r.grads);
        return r;
    }

    /** f's value and gradients with respect to each of xs. */
    public static ValueAndGrads valueAndGrads(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor dy) {
        ValueAndGrads r = Engine.get().gradients(() -> f.apply(xs), xs, dy, false);
        if (dy != null) {
            Shapes.assertShapesMatch(r.value.shapeRef(), dy.shapeRef(),
                    "The shape of dy passed in valueAndGrads(f)([x1,...], dy) must match the shape returned by f([x1,...])");
        }
        checkGrads(r.grads);
        return r;
    }

    /** The result of {@link #variableGrads}: the scalar loss and the gradient per variable name. */
    public static final class VariableGrads {
        public final Tensor value;
        /** Gradients by variable name; null for a non-trainable variable named in the var list. */
        public final Map<String, Tensor> grads;

        VariableGrads(Tensor value, Map<String, Tensor> grads) {
            this.value = value;
            this.grads = grads;
        }
    }

    /**
     * The gradients of scalar f with respect to the trainable variables of {@code varList} (every
     * registered variable when null), as TF.js's variableGrads.
     */
    public static VariableGrads variableGrads(Supplier<Tensor> f, List<Variable> varList) {
        boolean specified = varList != null;
        List<Variable> vars = specified ? new ArrayList<>(varList)
                : new ArrayList<>(Engine.get().registeredVariables().values());
        List<Variable> nonTrainable = new ArrayList<>();
        List<Variable> trainable = new ArrayList<>();
        for (Variable v : vars) {
            (v.trainable() ? trainable : nonTrainable).add(v);
        }
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("variableGrads() expects at least one of the input variables to be "
                    + "trainable, but none of the " + vars.size() + " variables is trainable.");
        }
        ValueAndGrads r = Engine.get().gradients(f, trainable.toArray(new Tensor[0]), null, true);
        boolean any = false;
        for (Tensor g : r.grads) {
            any |= g != null;
        }
        if (!any) {
            throw new IllegalArgumentException("Cannot find a connection between any variable and the result of the "
                    + "loss function y=f(x). Please make sure the operations that use variables are inside the "
                    + "function f passed to minimize().");
        }
        if (r.value.rank() != 0) {
            throw new IllegalArgumentException("The f passed in variableGrads(f) must return a scalar, but it returned "
                    + "a rank-" + r.value.rank() + " tensor");
        }
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (int i = 0; i < trainable.size(); i++) {
            if (r.grads[i] != null) {
                named.put(trainable.get(i).name(), r.grads[i]);
            }
        }
        if (specified) {
            for (Variable v : nonTrainable) {
                named.put(v.name(), null);
            }
        }
        return new VariableGrads(r.value, named);
    }

    /** What a custom function returns: its value and its gradient function. */
    public static final class Custom {
        final Tensor value;
        final Engine.CustomBackward gradFunc;

        public Custom(Tensor value, Engine.CustomBackward gradFunc) {
            this.value = value;
            this.gradFunc = gradFunc;
        }
    }

    /** A function of tensors that defines its own gradient (TF.js's customGrad). */
    @FunctionalInterface
    public interface CustomFunction {
        Custom apply(Tensor[] inputs, Engine.Saver save);
    }

    /** TF.js's customGrad: f computes a value and says how to differentiate it. */
    public static Function<Tensor[], Tensor> customGrad(CustomFunction f) {
        return inputs -> {
            Custom[] result = new Custom[1];
            return Engine.get().runCustom(inputs, save -> {
                result[0] = f.apply(inputs, save);
                if (result[0] == null || result[0].value == null) {
                    throw new IllegalArgumentException("The function f passed in customGrad(f) must return an object "
                            + "where `obj.value` is a tensor");
                }
                return result[0].value;
            }, (dy, saved) -> result[0].gradFunc.gradients(dy, saved));
        };
    }

    /** TF.js's tf.variable: a trainable variable holding initialValue. */
    public static Variable variable(Tensor initialValue) {
        return variable(initialValue, true, null, null);
    }

    public static Variable variable(Tensor initialValue, boolean trainable, String name, DType dtype) {
        OpSupport.check(initialValue, "initialValue", "variable");
        return Engine.get().makeVariable(initialValue, trainable, name, dtype);
    }

    static void checkGrads(Tensor[] grads) {
        for (Tensor g : grads) {
            if (g == null) {
                throw new IllegalArgumentException("Cannot compute gradient of y=f(x) with respect to x. Make sure that\n"
                        + "    the f you passed encloses all operations that lead from x to y.");
            }
        }
    }
}
