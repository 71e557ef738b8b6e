package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/** Caps the L2 norm of the weights along {@code axis} at {@code maxValue} (defaults 2 and 0). */
public final class MaxNorm extends Constraint {
    private final Object maxValue;
    private final Object axis;

    public MaxNorm(Args args) {
        this.maxValue = Constraints.num(args, "maxValue", 2);
        this.axis = Constraints.num(args, "axis", 0);
    }

    @Override
    public Tensor apply(Tensor w) {
        return OpSupport.op("maxNorm", () -> {
            Tensor norms = Constraints.l2Norms(w, ((Number) axis).intValue());
            Tensor desired = Unary.clipByValue(norms, 0, ((Number) maxValue).doubleValue());
            return Arithmetic.mul(w, Arithmetic.div(desired, Arithmetic.add(Constraints.eps(), norms)));
        });
    }

    @Override
    public String getClassName() {
        return "MaxNorm";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("maxValue", maxValue);
        c.put("axis", axis);
        return c;
    }

}
