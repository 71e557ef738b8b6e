package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's SimpleRNN layer: an {@link RNN} of a {@link SimpleRNNCell} made from the same arguments. */
public class SimpleRNN extends RNN {
    public SimpleRNN(Args args) {
        super(args, new SimpleRNNCell(args));
    }

    @Override
    public String getClassName() {
        return "SimpleRNN";
    }

    @Override
    public SimpleRNNCell cell() {
        return (SimpleRNNCell) cell;
    }

    /** Disposes the previous call's dropout masks, then runs the RNN with mask, training and initialState only. */
    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            cell.clearDropoutMasks();
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("mask", kwargs == null ? null : kwargs.get("mask"));
            kw.put("training", kwargs == null ? null : kwargs.get("training"));
            kw.put("initialState", kwargs == null ? null : kwargs.get("initialState"));
            return super.call(inputs, kw);
        });
    }
}
