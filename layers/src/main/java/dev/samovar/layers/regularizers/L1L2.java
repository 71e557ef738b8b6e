package dev.samovar.layers.regularizers;

import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/** l1 * sum(|x|) + l2 * sum(x²) (TF.js's L1L2; both default to 0.01). */
public final class L1L2 extends Regularizer {
    private final Object l1;
    private final Object l2;
    private final boolean hasL1;
    private final boolean hasL2;

    public L1L2(Args args) {
        Object a = args == null ? null : args.get("l1");
        Object b = args == null ? null : args.get("l2");
        this.l1 = a instanceof Number ? a : (Object) 0.01;
        this.l2 = b instanceof Number ? b : (Object) 0.01;
        this.hasL1 = ((Number) l1).doubleValue() != 0;
        this.hasL2 = ((Number) l2).doubleValue() != 0;
    }

    public double l1() {
        return ((Number) l1).doubleValue();
    }

    public double l2() {
        return ((Number) l2).doubleValue();
    }

    @Override
    public Tensor apply(Tensor x) {
        return OpSupport.op("L1L2", () -> {
            Tensor regularization = Creation.zeros(1);
            if (hasL1) {
                regularization = Arithmetic.add(regularization,
                        Reduction.sum(Arithmetic.mul(LayerOps.scalar(l1()), Unary.abs(x))));
            }
            if (hasL2) {
                regularization = Arithmetic.add(regularization,
                        Reduction.sum(Arithmetic.mul(LayerOps.scalar(l2()), LayerOps.square(x))));
            }
            return Transform.reshape(regularization);
        });
    }

    @Override
    public String getClassName() {
        return "L1L2";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l1", l1);
        c.put("l2", l2);
        return c;
    }
}
