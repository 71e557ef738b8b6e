package dev.samovar.web;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Gradients and variables for the JS API. The JS side runs f between startTape and endTape (f is
 * JS), then backprop does the rest in Java; customGrad's forward and backward are JS functions
 * called from Java.
 */
public final class TrainBridge {
    private static final Deque<Engine.Saver> SAVERS = new ArrayDeque<>();

    private TrainBridge() {
    }

    @JSExport
    public static void startTape() {
        Engine.get().startTape();
    }

    @JSExport
    public static void endTape() {
        Engine.get().endTape();
    }

    /** After an exception in f: frees what the outermost recording saved. */
    @JSExport
    public static void abandonTape() {
        Engine.get().abandonTape();
    }

    @JSExport
    public static void checkGradientArgs(TensorList xs, Tensor dy) {
        Engine.get().checkGradientArgs(xs.toArray(), dy);
    }

    /** Gradients of y with respect to each x (null where none flows); dy may be null. */
    @JSExport
    public static Tensor[] backprop(Tensor y, TensorList xs, Tensor dy, boolean allowNoGradients) {
        return Engine.get().backprop(y, xs.toArray(), dy, allowNoGradients).grads;
    }

    @JSExport
    public static Variable makeVariable(Tensor initial, boolean trainable, String name, String dtype) {
        return Engine.get().makeVariable(initial, trainable, name, dtype == null ? null : DType.of(dtype));
    }

    @JSExport
    public static boolean isVariable(Tensor t) {
        return t instanceof Variable;
    }

    @JSExport
    public static String variableName(Variable v) {
        return v.name();
    }

    @JSExport
    public static boolean trainable(Variable v) {
        return v.trainable();
    }

    @JSExport
    public static void setTrainable(Variable v, boolean trainable) {
        v.setTrainable(trainable);
    }

    @JSExport
    public static void assign(Variable v, Tensor value) {
        v.assign(value);
    }

    /** The registered variables, in registration order. */
    @JSExport
    public static Variable[] registeredVariables() {
        return Engine.get().registeredVariables().values().toArray(new Variable[0]);
    }

    @JSExport
    public static void disposeVariables() {
        Engine.get().disposeVariables();
    }

    /** A custom op's forward: JS, returns the value's handle. */
    @JSFunctor
    public interface Forward extends JSObject {
        Tensor run();
    }

    /** A custom op's backward: JS, given dy and the saved tensors, returns one gradient per input. */
    @JSFunctor
    public interface Backward extends JSObject {
        TensorList run(Tensor dy, Tensor[] saved);
    }

    /** TF.js's customGrad: runs forward unrecorded; records backward as the gradient. */
    @JSExport
    public static Tensor runCustom(TensorList inputs, Forward forward, Backward backward) {
        return Engine.get().runCustom(inputs.toArray(), saver -> {
            SAVERS.push(saver);
            try {
                return forward.run();
            } finally {
                SAVERS.pop();
            }
        }, (dy, saved) -> {
            TensorList grads = backward.run(dy, saved);
            return grads == null ? null : grads.toArray();
        });
    }

    /** The {@code save} function handed to a custom op's forward. */
    @JSExport
    public static void customSave(TensorList tensors) {
        Engine.Saver saver = SAVERS.peek();
        if (saver == null) {
            throw new IllegalStateException("save() may only be called while the custom op's function runs");
        }
        saver.save(tensors.toArray());
    }
}
