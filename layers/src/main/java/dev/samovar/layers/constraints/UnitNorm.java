package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.OpSupport;
import java.util.LinkedHashMap;
import java.util.Map;

/** Scales the weights to unit L2 norm along {@code axis} (default 0). */
public final class UnitNorm extends Constraint {
    private final Object axis;

    public UnitNorm(Args args) {
        this.axis = Constraints.num(args, "axis", 0);
    }

    @Override
    public Tensor apply(Tensor w) {
        return OpSupport.op("unitNorm", () -> Arithmetic.div(w,
                Arithmetic.add(Constraints.eps(), Constraints.l2Norms(w, ((Number) axis).intValue()))));
    }

    @Override
    public String getClassName() {
        return "UnitNorm";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("axis", axis);
        return c;
    }
}
