package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.convolutional.ConvUtils;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Creation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's ConvLSTM2D (with what its ConvRNN2D base adds to {@link RNN}): an RNN of a
 * {@link ConvLSTM2DCell} over a {@code [batch, time, rows, cols, channels]} input (or
 * {@code [batch, time, channels, rows, cols]} channels first). Outputs
 * {@code [batch, time?, rows', cols', filters]}; states (h, c) have the output's shape without
 * the time axis. Unrolling is refused, as in TF.js.
 */
public class ConvLSTM2D extends RNN {
    public ConvLSTM2D(Args args) {
        super(args, checkedCell(args));
        this.inputSpec = one(new InputSpec().ndim(5));
    }

    /** The cell (made first, as in TF.js), then TF.js's ConvRNN2D check of {@code unroll}. */
    private static ConvLSTM2DCell checkedCell(Args args) {
        ConvLSTM2DCell cell = new ConvLSTM2DCell(args);
        Object u = args.get("unroll");
        if (u != null && !Boolean.FALSE.equals(u) && !(u instanceof Number && ((Number) u).doubleValue() == 0)) {
            throw new UnsupportedOperationException("Unrolling is not possible with convolutional RNNs.");
        }
        return cell;
    }

    @Override
    public String getClassName() {
        return "ConvLSTM2D";
    }

    @Override
    public ConvLSTM2DCell cell() {
        return (ConvLSTM2DCell) cell;
    }

    /** Disposes the previous call's dropout masks, then runs the RNN with mask, training and initialState only. */
    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            cell.clearDropoutMasks();
            if (kwargs != null && kwargs.get("constants") != null) {
                throw new IllegalArgumentException("ConvRNN2D cell does not support constants");
            }
            Map<String, Object> kw = new LinkedHashMap<>();
            kw.put("mask", kwargs == null ? null : kwargs.get("mask"));
            kw.put("training", kwargs == null ? null : kwargs.get("training"));
            kw.put("initialState", kwargs == null ? null : kwargs.get("initialState"));
            return super.call(inputs, kw);
        });
    }

    /** TF.js's computeSingleOutputShape: {@code [batch, time, rows', cols', filters]} (or channels first). */
    int[] computeSingleOutputShape(int[] inputShape) {
        ConvLSTM2DCell c = cell();
        boolean first = "channelsFirst".equals(c.dataFormat());
        int h = inputShape[first ? 3 : 2];
        int w = inputShape[first ? 4 : 3];
        int[] ks = c.kernelSize();
        int[] st = c.strides();
        int[] dr = c.dilationRate();
        int hOut = ConvUtils.convOutputLength(h, ks[0], c.padding(), st[0], dr[0]);
        int wOut = ConvUtils.convOutputLength(w, ks[1], c.padding(), st[1], dr[1]);
        int f = c.filters();
        return first ? new int[] {inputShape[0], inputShape[1], f, hOut, wOut}
                : new int[] {inputShape[0], inputShape[1], hOut, wOut, f};
    }

    /** The output shape without the time axis (the shape of each state). */
    private static int[] withoutTime(int[] outShape) {
        int[] s = new int[outShape.length - 1];
        s[0] = outShape[0];
        System.arraycopy(outShape, 2, s, 1, outShape.length - 2);
        return s;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] inputShape = inputShapes.get(0);
        int[] outShape = computeSingleOutputShape(inputShape);
        if (!returnSequences) {
            outShape = withoutTime(outShape);
        }
        List<int[]> out = new ArrayList<>();
        out.add(outShape);
        if (returnState) {
            int n = outShape.length;
            int[] stateShape = {inputShape[0], outShape[n - 3], outShape[n - 2], outShape[n - 1]};
            out.add(stateShape);
            out.add(stateShape.clone());
        }
        return out;
    }

    /** Zeros of the state shape, the same tensor for h and c (TF.js's getInitialState). */
    @Override
    public List<Tensor> getInitialState(Tensor inputs) {
        return Engine.get().tidy(() -> {
            int[] stateShape = withoutTime(computeSingleOutputShape(inputs.shape()));
            Tensor initial = Creation.zeros(stateShape);
            List<Tensor> out = new ArrayList<>();
            for (int i = 0; i < cell.stateSize().length; i++) {
                out.add(initial);
            }
            return out;
        });
    }

    @Override
    protected int[] stateShape(int batchSize, int index) {
        int[] shape = inputSpec.get(0).shape().clone();
        int[] s = withoutTime(computeSingleOutputShape(shape));
        s[0] = batchSize;
        return s;
    }
}
