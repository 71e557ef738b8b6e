package dev.samovar.layers.recurrent;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Undefined;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF.js's LSTMCell: gates i, f, c, o in the kernels' column order; states {@code [h, c]}.
 * {@code unitForgetBias} initializes the forget gate's bias to ones.
 */
public class LSTMCell extends BasicCell {
    private final Object unitForgetBias;

    public LSTMCell(Args args) {
        super(args, true);
        this.unitForgetBias = args.raw("unitForgetBias");
    }

    @Override
    public String getClassName() {
        return "LSTMCell";
    }

    @Override
    public int[] stateSize() {
        return new int[] {units(), units()};
    }

    @Override
    public boolean stateSizeIsList() {
        return true;
    }

    protected boolean unitForgetBiasOn() {
        return !Undefined.isAbsent(unitForgetBias) && !Boolean.FALSE.equals(unitForgetBias)
                && !(unitForgetBias instanceof Number && ((Number) unitForgetBias).doubleValue() == 0);
    }

    @Override
    public void build(List<int[]> inputShapes) {
        Initializer biasInit = biasInitializer;
        if (useBias && unitForgetBiasOn()) {
            final Initializer captured = biasInitializer;
            final int u = units();
            biasInit = new Initializer() {
                @Override
                public Tensor apply(int[] shape, DType dtype) {
                    // not in a tidy: the parts stay alive, as in TF.js
                    Tensor bI = captured.apply(new int[] {u}, null);
                    Tensor bF = Initializers.ones().apply(new int[] {u}, null);
                    Tensor bCAndH = captured.apply(new int[] {u * 2}, null);
                    return Transform.concat(new Tensor[] {Transform.concat(new Tensor[] {bI, bF}, 0), bCAndH}, 0);
                }

                @Override
                public String getClassName() {
                    return "CustomInit";
                }
            };
        }
        buildWeights(inputShapes, 4, new int[] {units() * 4}, biasInit);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            if (inputs.size() != 3) {
                throw new IllegalArgumentException("LSTMCell expects 3 input Tensors (inputs, h, c), got "
                        + inputs.size() + ".");
            }
            Tensor hTMinus1 = inputs.get(1);
            Tensor cTMinus1 = inputs.get(2);
            Tensor x = inputs.get(0);
            ensureDropoutMasks(x, hTMinus1, isTraining(kwargs), 4);
            if (0 < dropout && dropout < 1) {
                x = Arithmetic.mul(x, dropoutMask[0]);
            }
            Tensor z = LayerOps.dot(x, kernel.read(), null, null);
            if (0 < recurrentDropout && recurrentDropout < 1) {
                hTMinus1 = Arithmetic.mul(hTMinus1, recurrentDropoutMask[0]);
            }
            z = Arithmetic.add(z, LayerOps.dot(hTMinus1, recurrentKernel.read(), null, null));
            if (useBias) {
                z = LayerOps.biasAdd(z, bias.read(), null);
            }
            Tensor[] zs = Transform.split(z, 4, z.rank() - 1);
            Tensor i = recurrentActivation.apply(zs[0]);
            Tensor f = recurrentActivation.apply(zs[1]);
            Tensor c = Arithmetic.add(Arithmetic.mul(f, cTMinus1), Arithmetic.mul(i, activation.apply(zs[2])));
            Tensor o = recurrentActivation.apply(zs[3]);
            Tensor h = Arithmetic.mul(o, activation.apply(c));
            List<Tensor> out = new ArrayList<>(3);
            out.add(h);
            out.add(h);
            out.add(c);
            return out;
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = cellConfig(true, unitForgetBias, true);
        c.put("implementation", implementation);
        return baseThen(c);
    }
}
