package dev.samovar.layers.recurrent;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.DeserializeContext;
import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TF.js's TimeDistributed: applies the inner layer to every time step of a
 * {@code [batch, time, ...]} input (one call per step, as TF.js runs it through rnn()).
 */
public class TimeDistributed extends Wrapper {
    public TimeDistributed(Args args) {
        this(args, null);
    }

    TimeDistributed(Args args, DeserializeContext ctx) {
        super(args, ctx);
        this.supportsMasking = true;
    }

    @Override
    public String getClassName() {
        return "TimeDistributed";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        if (inputShape.length < 3) {
            throw new IllegalArgumentException("TimeDistributed layer expects an input shape >= 3D, but received "
                    + "input shape " + Dims.json(inputShape));
        }
        this.inputSpec = one(new InputSpec().shape(inputShape));
        if (!layer.built()) {
            layer.build(one(childShape(inputShape)));
            layer.setBuilt(true);
        }
        built = true;
    }

    private static int[] childShape(int[] inputShape) {
        int[] child = new int[inputShape.length - 1];
        child[0] = inputShape[0];
        System.arraycopy(inputShape, 2, child, 1, inputShape.length - 2);
        return child;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        int[] childOut = layer.computeOutputShape(one(childShape(inputShape))).get(0);
        int[] out = new int[childOut.length + 1];
        out[0] = childOut[0];
        out[1] = inputShape[1];
        System.arraycopy(childOut, 1, out, 2, childOut.length - 1);
        return one(out);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor x = oneTensor(inputs);
            RNN.StepFunction step = (in, states) -> {
                Tensor output = oneTensor(layer.invoke(one(in), kwargs));
                List<Tensor> r = new ArrayList<>();
                r.add(output);
                return r;
            };
            RNN.RnnResult r = RNN.rnn(step, x, new ArrayList<>(), false, null, false, true);
            return one(r.outputs);
        });
    }
}
