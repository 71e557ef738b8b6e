package dev.samovar.layers.constraints;

import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the L2 norm along {@code axis} between {@code minValue} and {@code maxValue}, moving it by
 * {@code rate} (defaults 0, 1, 1, axis 0).
 */
public final class MinMaxNorm extends Constraint {
    private final Object minValue;
    private final Object maxValue;
    private final Object rate;
    private final Object axis;

    public MinMaxNorm(Args args) {
        this.minValue = Constraints.num(args, "minValue", 0.0);
        this.maxValue = Constraints.num(args, "maxValue", 1.0);
        this.rate = Constraints.num(args, "rate", 1.0);
        this.axis = Constraints.num(args, "axis", 0);
    }

    @Override
    public Tensor apply(Tensor w) {
        return OpSupport.op("minMaxNorm", () -> {
            double r = ((Number) rate).doubleValue();
            Tensor norms = Constraints.l2Norms(w, ((Number) axis).intValue());
            Tensor desired = Arithmetic.add(
                    Arithmetic.mul(LayerOps.scalar(r), Unary.clipByValue(norms, ((Number) minValue).doubleValue(),
                            ((Number) maxValue).doubleValue())),
                    Arithmetic.mul(LayerOps.scalar(1.0 - r), norms));
            return Arithmetic.mul(w, Arithmetic.div(desired, Arithmetic.add(Constraints.eps(), norms)));
        });
    }

    @Override
    public String getClassName() {
        return "MinMaxNorm";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("minValue", minValue);
        c.put("maxValue", maxValue);
        c.put("rate", rate);
        c.put("axis", axis);
        return c;
    }
}
