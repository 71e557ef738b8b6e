package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF.js's GRUCell (gates z, r, h in the kernels' column order), plus Keras's {@code reset_after}
 * variant, which TF.js 4.22 rejects: with {@code resetAfter: true} the bias is
 * {@code [2, 3*units]} (input bias, recurrent bias) and the reset gate multiplies the recurrent
 * candidate after the recurrent kernel, {@code hh = activation(xH + r * (hPrev·rkH + rbH))}, as
 * Keras 2's GRU (the default there, and what CuDNN-compatible Keras GRUs save).
 */
public class GRUCell extends BasicCell {
    private final boolean resetAfter;

    public GRUCell(Args args) {
        super(args, true);
        this.resetAfter = args.getBoolean("resetAfter", false);
    }

    public boolean resetAfter() {
        return resetAfter;
    }

    @Override
    public String getClassName() {
        return "GRUCell";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] biasShape = resetAfter ? new int[] {2, units() * 3} : new int[] {units() * 3};
        buildWeights(inputShapes, 3, biasShape, biasInitializer);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            if (inputs.size() != 2) {
                throw new IllegalArgumentException("GRUCell expects 2 input Tensors (inputs, h, c), got "
                        + inputs.size() + ".");
            }
            Tensor hTMinus1 = inputs.get(1);
            Tensor x = inputs.get(0);
            ensureDropoutMasks(x, hTMinus1, isTraining(kwargs), 3);
            if (0 < dropout && dropout < 1) {
                x = Arithmetic.mul(x, dropoutMask[0]);
            }
            Tensor hPrev = hTMinus1;
            if (0 < recurrentDropout && recurrentDropout < 1) {
                hTMinus1 = Arithmetic.mul(hTMinus1, recurrentDropoutMask[0]);
            }
            Tensor h = resetAfter ? stepResetAfter(x, hTMinus1, hPrev) : stepTfjs(x, hTMinus1);
            List<Tensor> out = new ArrayList<>(2);
            out.add(h);
            out.add(h);
            return out;
        });
    }

    /** TF.js's step (reset before the recurrent kernel). */
    private Tensor stepTfjs(Tensor x, Tensor hTMinus1) {
        int u = units();
        Tensor matrixX = LayerOps.dot(x, kernel.read(), null, null);
        if (useBias) {
            matrixX = LayerOps.biasAdd(matrixX, bias.read(), null);
        }
        Tensor rk = recurrentKernel.read();
        Tensor[] rks = Transform.split(rk, new int[] {2 * u, u}, rk.rank() - 1);
        Tensor matrixInner = LayerOps.dot(hTMinus1, rks[0], null, null);
        Tensor[] xs = Transform.split(matrixX, 3, matrixX.rank() - 1);
        Tensor[] rec = Transform.split(matrixInner, 2, matrixInner.rank() - 1);
        Tensor z = recurrentActivation.apply(Arithmetic.add(xs[0], rec[0]));
        Tensor r = recurrentActivation.apply(Arithmetic.add(xs[1], rec[1]));
        Tensor recurrentH = LayerOps.dot(Arithmetic.mul(r, hTMinus1), rks[1], null, null);
        Tensor hh = activation.apply(Arithmetic.add(xs[2], recurrentH));
        return Arithmetic.add(Arithmetic.mul(z, hTMinus1),
                Arithmetic.mul(Arithmetic.add(Creation.scalar(1f), Unary.neg(z)), hh));
    }

    /**
     * Keras's reset_after step. The state mixed into the output is the state before recurrent
     * dropout (Keras's {@code h_tm1}); the recurrent kernel sees the dropped-out state.
     */
    private Tensor stepResetAfter(Tensor x, Tensor hDropped, Tensor hPrev) {
        Tensor matrixX = LayerOps.dot(x, kernel.read(), null, null);
        Tensor matrixInner = LayerOps.dot(hDropped, recurrentKernel.read(), null, null);
        if (useBias) {
            Tensor[] biases = Transform.unstack(bias.read(), 0);
            matrixX = LayerOps.biasAdd(matrixX, biases[0], null);
            matrixInner = LayerOps.biasAdd(matrixInner, biases[1], null);
        }
        Tensor[] xs = Transform.split(matrixX, 3, matrixX.rank() - 1);
        Tensor[] rec = Transform.split(matrixInner, 3, matrixInner.rank() - 1);
        Tensor z = recurrentActivation.apply(Arithmetic.add(xs[0], rec[0]));
        Tensor r = recurrentActivation.apply(Arithmetic.add(xs[1], rec[1]));
        Tensor hh = activation.apply(Arithmetic.add(xs[2], Arithmetic.mul(r, rec[2])));
        return Arithmetic.add(Arithmetic.mul(z, hPrev),
                Arithmetic.mul(Arithmetic.add(Creation.scalar(1f), Unary.neg(z)), hh));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = cellConfig(true, null, false);
        c.put("implementation", implementation);
        c.put("resetAfter", resetAfter);
        return baseThen(c);
    }
}
