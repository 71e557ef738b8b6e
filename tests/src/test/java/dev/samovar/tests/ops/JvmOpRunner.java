package dev.samovar.tests.ops;

import com.google.gson.JsonElement;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.train.Gradients;
import java.util.List;
import java.util.Map;

/** Runs a case through the Java API on the JVM's CPU backend. */
public final class JvmOpRunner {
    private JvmOpRunner() {
    }

    static JavaOps.Adapter adapter(OpCase c) {
        JavaOps.Adapter adapter = JavaOps.get(c.key());
        if (adapter == null) {
            throw new AssertionError("no Java adapter for '" + c.key() + "': add one in tests/.../ops/adapters");
        }
        return adapter;
    }

    /** The output of a gradient case's call that is differentiated. */
    static Object pick(Object result, JsonElement gradPick) {
        if (gradPick == null) {
            return result;
        }
        if (gradPick.getAsJsonPrimitive().isNumber()) {
            int i = gradPick.getAsInt();
            return result instanceof Object[] ? ((Object[]) result)[i] : ((List<?>) result).get(i);
        }
        return ((Map<?, ?>) result).get(gradPick.getAsString());
    }

    public static Outcome run(OpCase c) {
        JavaOps.Adapter adapter = adapter(c);
        Engine engine = Engine.get();
        Args args = Args.decode(c.args);
        int afterInputs = engine.numTensors();
        Object result;
        int createdBefore = args.created().size();
        try {
            if (c.grad != null) {
                Tensor[] xs = new Tensor[c.grad.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = args.t(c.grad[i]);
                }
                afterInputs = engine.numTensors();
                createdBefore = args.created().size();
                Tensor dy = c.dy == null ? null : args.decodeTensor(c.dy);
                try {
                    result = Gradients.grads(v -> (Tensor) pick(adapter.apply(args), c.gradPick), xs, dy);
                } finally {
                    if (dy != null) {
                        dy.dispose();
                    }
                }
            } else {
                result = adapter.apply(args);
            }
        } catch (RuntimeException e) {
            args.created().forEach(Tensor::dispose);
            String type = e.getClass().getSimpleName();
            return new Outcome(null, String.valueOf(e.getMessage()), type, -1, false);
        }
        if (result == JavaOps.JS_ONLY) {
            args.created().forEach(Tensor::dispose);
            return new Outcome(null, null, null, -1, true);
        }
        // Tensor-likes the adapter converted count as inputs: TF.js converts them inside the op.
        long convertedAlive = args.created().subList(createdBefore, args.created().size()).stream()
                .filter(t -> !t.isDisposed()).count();
        int newTensors = (int) (engine.numTensors() - afterInputs - convertedAlive);
        JsonElement encoded = Encode.encode(result);
        Encode.tensorsIn(result).forEach(Tensor::dispose);
        args.created().forEach(Tensor::dispose);
        return new Outcome(encoded, null, null, newTensors, false);
    }
}
