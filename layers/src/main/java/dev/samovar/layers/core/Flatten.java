package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Transform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens all but the batch axis (TF.js's Flatten): {@code [batch, d1, d2, ...]} →
 * {@code [batch, d1 * d2 * ...]}; with {@code dataFormat: 'channelsFirst'} the channel axis is
 * moved last first.
 */
public class Flatten extends Layer {
    private final Object dataFormat;

    public Flatten(Args args) {
        super(args == null ? new Args() : args);
        this.inputSpec = one(new InputSpec().minNDim(3));
        this.dataFormat = args == null ? Undefined.INSTANCE : args.raw("dataFormat");
    }

    @Override
    public String getClassName() {
        return "Flatten";
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        int[] rest = Arrays.copyOfRange(s, 1, s.length);
        if (Dims.anyUnknown(rest)) {
            throw new IllegalArgumentException("The shape of the input to \"Flatten\" is not fully defined (got "
                    + Dims.str(rest) + "). Make sure to pass a complete \"input_shape\" or \"batch_input_shape\" "
                    + "argument to the first layer in your model.");
        }
        return one(new int[] {s[0], Dims.prod(s, 1, s.length)});
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if ("channelsFirst".equals(dataFormat) && input.rank() > 1) {
                int[] perm = new int[input.rank()];
                perm[0] = 0;
                for (int i = 2; i < input.rank(); i++) {
                    perm[i - 1] = i;
                }
                perm[input.rank() - 1] = 1;
                input = Transform.transpose(input, perm);
            }
            return one(LayerOps.batchFlatten(input));
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        if (!Undefined.isAbsent(dataFormat)) {
            config.put("dataFormat", dataFormat);
        }
        return merge(config, super.getConfig());
    }
}
