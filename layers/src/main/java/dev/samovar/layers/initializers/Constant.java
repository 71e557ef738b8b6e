package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.OpSupport;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every value {@code value} (computed as TF.js does: value * ones). */
public final class Constant extends Initializer {
    private final Object value;

    public Constant(Args args) {
        if (args == null) {
            throw new IllegalArgumentException("Expected argument of type ConstantConfig but got undefined");
        }
        if (args.raw("value") == Undefined.INSTANCE) {
            throw new IllegalArgumentException("config must have value set but got [object Object]");
        }
        this.value = args.raw("value");
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return OpSupport.op("constant", () -> Arithmetic.mul(
                LayerOps.scalar(value instanceof Number ? ((Number) value).doubleValue() : Double.NaN),
                Creation.ones(shape, orFloat(dtype))));
    }

    @Override
    public String getClassName() {
        return "Constant";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("value", value);
        return c;
    }
}
