package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.OpSupport;
import java.util.LinkedHashMap;
import java.util.Map;

/** gain times the identity matrix (2D square shapes only; float32 whatever the dtype, as in TF.js). */
public final class Identity extends Initializer {
    private final Object gain;

    public Identity(Args args) {
        Object g = args.get("gain");
        this.gain = g != null ? g : (Object) 1.0;
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return OpSupport.op("identity", () -> {
            if (shape.length != 2 || shape[0] != shape[1]) {
                throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D square "
                        + "matrices.");
            }
            return Arithmetic.mul(LayerOps.scalar(((Number) gain).doubleValue()), Creation.eye(shape[0]));
        });
    }

    @Override
    public String getClassName() {
        return "Identity";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gain", gain);
        return c;
    }
}
