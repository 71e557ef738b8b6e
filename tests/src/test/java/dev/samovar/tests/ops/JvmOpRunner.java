package dev.samovar.tests.ops;

import com.google.gson.JsonElement;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/** Runs a case through the Java API on the JVM's CPU backend. */
public final class JvmOpRunner {
    private JvmOpRunner() {
    }

    public static Outcome run(OpCase c) {
        JavaOps.Adapter adapter = JavaOps.get(c.key());
        if (adapter == null) {
            throw new AssertionError("no Java adapter for '" + c.key() + "': add one in tests/.../ops/adapters");
        }
        Engine engine = Engine.get();
        int before = engine.numTensors();
        Args args = Args.decode(c.args);
        int afterInputs = engine.numTensors();
        Object result;
        try {
            result = adapter.apply(args);
        } catch (RuntimeException e) {
            args.created().forEach(Tensor::dispose);
            String type = e.getClass().getSimpleName();
            return new Outcome(null, String.valueOf(e.getMessage()), type, -1, false);
        }
        if (result == JavaOps.JS_ONLY) {
            args.created().forEach(Tensor::dispose);
            return new Outcome(null, null, null, -1, true);
        }
        // Tensor-likes converted by the adapter count as inputs, as TF.js converts them inside the op.
        int newTensors = engine.numTensors() - afterInputs - (args.created().size() - (afterInputs - before));
        JsonElement encoded = Encode.encode(result);
        Encode.tensorsIn(result).forEach(Tensor::dispose);
        args.created().forEach(Tensor::dispose);
        return new Outcome(encoded, null, null, newTensors, false);
    }
}
