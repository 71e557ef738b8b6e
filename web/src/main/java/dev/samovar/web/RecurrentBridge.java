package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.recurrent.BasicCell;
import dev.samovar.layers.recurrent.Bidirectional;
import dev.samovar.layers.recurrent.Embedding;
import dev.samovar.layers.recurrent.RNN;
import dev.samovar.layers.recurrent.RNNCell;
import dev.samovar.layers.recurrent.StackedRNNCells;
import dev.samovar.layers.recurrent.Wrapper;
import java.util.List;
import org.teavm.jso.JSExport;

/**
 * The recurrent and sequence layers' extras for the JS API (api/93-recurrent.js): resetStates,
 * states, cells, wrapped layers, weights by field. The layers themselves are made by
 * {@link LayersBridge#create}.
 */
public final class RecurrentBridge {
    private RecurrentBridge() {
    }

    /** resetStates(states?): given values for an RNN, zeros otherwise; fails for non-stateful layers. */
    @JSExport
    public static void resetStates(Layer l, TensorList states) {
        if (states != null && l instanceof RNN) {
            ((RNN) l).resetStates(states.items(), false);
        } else {
            l.resetStates();
        }
    }

    /** An RNN's states (entries null before the first call), or null for other layers. */
    @JSExport
    public static Tensor[] states(Layer l) {
        if (l instanceof RNN) {
            List<Tensor> s = ((RNN) l).getStates();
            return s.toArray(new Tensor[0]);
        }
        return null;
    }

    @JSExport
    public static Layer cell(Layer l) {
        return l instanceof RNN ? ((RNN) l).cell() : null;
    }

    @JSExport
    public static Layer[] cells(Layer l) {
        return l instanceof StackedRNNCells ? ((StackedRNNCells) l).cells().toArray(new Layer[0]) : null;
    }

    /** A cell's state size as JSON: a number, or an array (LSTM, stacked cells), as TF.js. */
    @JSExport
    public static String stateSize(Layer l) {
        if (!(l instanceof RNNCell)) {
            return null;
        }
        RNNCell c = (RNNCell) l;
        int[] s = c.stateSize();
        if (!c.stateSizeIsList()) {
            return String.valueOf(s[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.append(']').toString();
    }

    /** The inner layer of a wrapper (which 0), or a Bidirectional's forward (1) / backward (2) layer. */
    @JSExport
    public static Layer wrapped(Layer l, int which) {
        if (which == 0) {
            return l instanceof Wrapper ? ((Wrapper) l).layer() : null;
        }
        if (!(l instanceof Bidirectional)) {
            return null;
        }
        return which == 1 ? ((Bidirectional) l).forwardLayer() : ((Bidirectional) l).backwardLayer();
    }

    /** kernel / recurrentKernel / bias of a cell (an RNN's: its cell's), embeddings of an Embedding. */
    @JSExport
    public static LayerVariable field(Layer l, String field) {
        Layer target = l instanceof RNN ? ((RNN) l).cell() : l;
        if (target instanceof BasicCell) {
            BasicCell c = (BasicCell) target;
            switch (field) {
                case "kernel":
                    return c.kernel();
                case "recurrentKernel":
                    return c.recurrentKernel();
                case "bias":
                    return c.bias();
                default:
                    return null;
            }
        }
        if (target instanceof Embedding && "embeddings".equals(field)) {
            return ((Embedding) target).embeddings();
        }
        return null;
    }

    @JSExport
    public static boolean isRecurrent(Layer l) {
        return l instanceof RNN || l instanceof RNNCell || l instanceof Wrapper || l instanceof Embedding;
    }

    /** 1 for an RNN layer (tf.RNN's instances: SimpleRNN, LSTM, GRU, ConvLSTM2D, ...), 2 for a cell, else 0. */
    @JSExport
    public static int kind(Layer l) {
        return l instanceof RNN ? 1 : l instanceof RNNCell ? 2 : 0;
    }
}
