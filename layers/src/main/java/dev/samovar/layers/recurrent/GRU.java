package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.serialization.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's GRU layer: an {@link RNN} of a {@link GRUCell} made from the same arguments. */
public class GRU extends RNN {
    public GRU(Args args) {
        super(args, new GRUCell(warnImplementation(args)));
    }

    private static Args warnImplementation(Args args) {
        Object impl = args.get("implementation");
        if (impl instanceof Number && ((Number) impl).doubleValue() == 0) {
            Warnings.warn("`implementation=0` has been deprecated, and now defaults to `implementation=1`. Please "
                    + "update your layer call.");
        }
        return args;
    }

    @Override
    public String getClassName() {
        return "GRU";
    }

    @Override
    public GRUCell cell() {
        return (GRUCell) cell;
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
