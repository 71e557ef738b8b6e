package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.engine.NameScope;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's StackedRNNCells: cells run one after the other within a step. The states are listed
 * last cell first (TF.js's order), each cell's states in its own order.
 */
public class StackedRNNCells extends RNNCell {
    private final List<RNNCell> cells;

    public StackedRNNCells(Args args) {
        this(args, null);
    }

    StackedRNNCells(Args args, DeserializeContext ctx) {
        super(args);
        this.cells = toCells(args.get("cells"), ctx);
    }

    /** Cells from a list of cells or of {className, config} maps. */
    @SuppressWarnings("unchecked")
    static List<RNNCell> toCells(Object v, DeserializeContext ctx) {
        List<RNNCell> out = new ArrayList<>();
        if (v instanceof List) {
            int i = 0;
            for (Object o : (List<Object>) v) {
                out.add(toCell(o, ctx == null ? null : ctx.child(".cells[" + i + "]")));
                i++;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static RNNCell toCell(Object o, DeserializeContext ctx) {
        if (o instanceof RNNCell) {
            return (RNNCell) o;
        }
        if (o instanceof Map) {
            Object l = LayerRegistry.deserialize((Map<String, Object>) o, ctx);
            if (l instanceof RNNCell) {
                return (RNNCell) l;
            }
        }
        throw new IllegalArgumentException("The RNN cell should have an attribute `stateSize` (tuple of integers, "
                + "one integer per RNN state).");
    }

    public List<RNNCell> cells() {
        return Collections.unmodifiableList(cells);
    }

    @Override
    public String getClassName() {
        return "StackedRNNCells";
    }

    @Override
    public int[] stateSize() {
        List<Integer> s = new ArrayList<>();
        for (int i = cells.size() - 1; i >= 0; i--) {
            for (int d : cells.get(i).stateSize()) {
                s.add(d);
            }
        }
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i);
        }
        return out;
    }

    @Override
    public boolean stateSizeIsList() {
        return true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            List<Tensor> states = new ArrayList<>(inputs.subList(1, inputs.size()));
            List<List<Tensor>> nested = new ArrayList<>();
            int at = 0;
            for (int i = cells.size() - 1; i >= 0; i--) {
                int n = cells.get(i).stateSize().length;
                nested.add(new ArrayList<>(states.subList(at, Math.min(at + n, states.size()))));
                at += n;
            }
            Collections.reverse(nested);
            List<List<Tensor>> newNested = new ArrayList<>();
            List<Tensor> callInputs = null;
            for (int i = 0; i < cells.size(); i++) {
                List<Tensor> in = new ArrayList<>();
                in.add(i == 0 ? inputs.get(0) : callInputs.get(0));
                in.addAll(nested.get(i));
                callInputs = cells.get(i).invoke(in, kwargs);
                newNested.add(callInputs.subList(1, callInputs.size()));
            }
            List<Tensor> out = new ArrayList<>();
            out.add(callInputs.get(0));
            for (int i = newNested.size() - 1; i >= 0; i--) {
                out.addAll(newNested.get(i));
            }
            return out;
        });
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] shape = inputShapes.get(0);
        for (int i = 0; i < cells.size(); i++) {
            RNNCell cell = cells.get(i);
            final int[] s = shape;
            NameScope.nameScope("RNNCell_" + i, () -> {
                List<int[]> one = new ArrayList<>();
                one.add(s);
                cell.build(one);
                return null;
            });
            shape = new int[] {shape[0], cell.stateSize()[0]};
        }
        built = true;
    }

    @Override
    public void clearDropoutMasks() {
        for (RNNCell c : cells) {
            c.clearDropoutMasks();
        }
    }

    @Override
    public void setFastWeightInitDuringBuild(boolean value) {
        super.setFastWeightInitDuringBuild(value);
        for (RNNCell c : cells) {
            c.setFastWeightInitDuringBuild(value);
        }
    }

    @Override
    public List<LayerVariable> trainableWeights() {
        List<LayerVariable> out = new ArrayList<>();
        if (!trainable) {
            return out;
        }
        for (RNNCell c : cells) {
            out.addAll(c.trainableWeights());
        }
        return out;
    }

    @Override
    public List<LayerVariable> nonTrainableWeights() {
        List<LayerVariable> ws = new ArrayList<>();
        for (RNNCell c : cells) {
            ws.addAll(c.nonTrainableWeights());
        }
        if (!trainable) {
            List<LayerVariable> out = new ArrayList<>();
            for (RNNCell c : cells) {
                out.addAll(c.trainableWeights());
            }
            out.addAll(ws);
            return out;
        }
        return ws;
    }

    /** The cells' weights in cell order (TF.js's getWeights). */
    @Override
    public List<Tensor> getWeights(boolean trainableOnly) {
        List<Tensor> out = new ArrayList<>();
        for (RNNCell c : cells) {
            out.addAll(c.getWeights(false));
        }
        return out;
    }

    /** Assigns the cells' weights in cell order. */
    @Override
    public void setWeights(List<Tensor> values) {
        int at = 0;
        for (RNNCell c : cells) {
            int n = c.weights().size();
            c.setWeights(new ArrayList<>(values.subList(at, Math.min(values.size(), at + n))));
            at += n;
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        List<Object> cs = new ArrayList<>();
        for (RNNCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("className", c.getClassName());
            m.put("config", c.getConfig());
            cs.add(m);
        }
        config.put("cells", cs);
        return config;
    }
}
