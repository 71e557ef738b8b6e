package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TF.js's SimpleRNNCell: {@code h = activation(x·kernel + bias + hPrev·recurrentKernel)}. */
public class SimpleRNNCell extends BasicCell {
    public SimpleRNNCell(Args args) {
        super(args, false);
    }

    @Override
    public String getClassName() {
        return "SimpleRNNCell";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        buildWeights(inputShapes, 1, new int[] {units()}, biasInitializer);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            if (inputs.size() != 2) {
                throw new IllegalArgumentException("SimpleRNNCell expects 2 input Tensors, got " + inputs.size() + ".");
            }
            Tensor prevOutput = inputs.get(1);
            Tensor x = inputs.get(0);
            ensureDropoutMasks(x, prevOutput, isTraining(kwargs), 1);
            Tensor h;
            if (dropoutMask != null) {
                h = LayerOps.dot(Arithmetic.mul(x, dropoutMask[0]), kernel.read(), null, null);
            } else {
                h = LayerOps.dot(x, kernel.read(), null, null);
            }
            if (bias != null) {
                h = LayerOps.biasAdd(h, bias.read(), null);
            }
            if (recurrentDropoutMask != null) {
                prevOutput = Arithmetic.mul(prevOutput, recurrentDropoutMask[0]);
            }
            Tensor output = Arithmetic.add(h, LayerOps.dot(prevOutput, recurrentKernel.read(), null, null));
            if (activation != null) {
                output = activation.apply(output);
            }
            List<Tensor> out = new ArrayList<>(2);
            out.add(output);
            out.add(output);
            return out;
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        return baseThen(cellConfig(false, null, false));
    }
}
