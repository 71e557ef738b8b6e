package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Reduction;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Masking: zeroes the time steps whose features all equal {@code maskValue} and gives
 * the next layers the mask {@code any(x != maskValue, -1)}.
 */
public class Masking extends Layer {
    private final double maskValue;

    public Masking(Args args) {
        super(args == null ? new Args() : args);
        this.supportsMasking = true;
        this.maskValue = args == null ? 0 : args.getDouble("maskValue", 0);
    }

    @Override
    public String getClassName() {
        return "Masking";
    }

    public double maskValue() {
        return maskValue;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        return inputShapes;
    }

    /** As TF.js, not in a tidy: the notEqual tensor stays alive. */
    @Override
    public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor input = oneTensor(inputs);
        return one(Reduction.any(Logic.notEqual(input, Creation.scalar(maskValue, input.dtype())), -1));
    }

    /**
     * A concrete apply also computes the output mask, as TF.js's apply does for layers that
     * support masking (its setMaskMetadata, which attaches the mask to the output): the
     * notEqual tensor of {@link #computeMask} stays alive, as in TF.js; the mask itself is
     * disposed here (TF.js disposes it with the output).
     */
    @Override
    public List<Object> apply(List<?> inputs, Map<String, Object> kwargs) {
        List<Object> out = super.apply(inputs, kwargs);
        if (!inputs.isEmpty() && inputs.get(0) instanceof Tensor && inputs.size() == 1) {
            List<Tensor> ts = new java.util.ArrayList<>();
            ts.add((Tensor) inputs.get(0));
            Tensor input = ts.get(0);
            Tensor notEqual = Engine.get().tidy(() -> Logic.notEqual(input, Creation.scalar(maskValue, input.dtype())));
            Reduction.any(notEqual, -1).dispose();
        }
        return out;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            Tensor booleanMask = Reduction.any(Logic.notEqual(input, Creation.scalar(maskValue, input.dtype())),
                    new int[] {-1}, true);
            return one(Arithmetic.mul(input, Transform.cast(booleanMask, input.dtype())));
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("maskValue", maskValue);
        config.putAll(super.getConfig());
        return config;
    }
}
