package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cell of a recurrent layer (TF.js's {@code RNNCell}): {@link #call} takes
 * {@code [input, state...]} for one time step and returns {@code [output, newState...]}.
 * {@link #stateSize} has one entry per state (TF.js's number is a list of one here).
 */
public abstract class RNNCell extends Layer {
    /** Dropout masks of the inputs / the recurrent state, made on the first step and kept (TF.js's). */
    protected Tensor[] dropoutMask;
    protected Tensor[] recurrentDropoutMask;

    protected RNNCell(Args args) {
        super(args);
    }

    /** The size of each state (the first is the output size). */
    public abstract int[] stateSize();

    /** Whether TF.js's stateSize is an array (LSTM, stacked cells) rather than a number. */
    public boolean stateSizeIsList() {
        return false;
    }

    /** Disposes the dropout masks (TF.js's SimpleRNN / GRU / LSTM do this at the start of each call). */
    public void clearDropoutMasks() {
        if (dropoutMask != null) {
            for (Tensor t : dropoutMask) {
                t.dispose();
            }
            dropoutMask = null;
        }
        if (recurrentDropoutMask != null) {
            for (Tensor t : recurrentDropoutMask) {
                t.dispose();
            }
            recurrentDropoutMask = null;
        }
    }

    /** Runs one step: {@code [input, states...]} in, {@code [output, states...]} out. */
    public List<Tensor> step(List<Tensor> inputsAndStates, Map<String, Object> kwargs) {
        return invoke(inputsAndStates, kwargs);
    }

    /**
     * TF.js's generateDropoutMask: {@code count} masks (kept), each dropout(ones) in training and
     * ones otherwise.
     */
    protected static Tensor[] generateDropoutMask(Supplier<Tensor> ones, double rate, boolean training, int count) {
        int n = count <= 1 ? 1 : count;
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            Tensor m = training ? LayerOps.dropout(ones.get(), rate, null, null) : ones.get();
            out[i] = Engine.get().keep(m.clone());
        }
        return out;
    }

    /** TF.js's clamp of a dropout rate to [0, 1]. */
    protected static double clampRate(Args args, String key) {
        double v = args.has(key) ? args.getDouble(key, 0) : 0;
        return Math.min(1, Math.max(0, v));
    }

    protected static boolean isTraining(Map<String, Object> kwargs) {
        return kwargs != null && Boolean.TRUE.equals(kwargs.get("training"));
    }
}
