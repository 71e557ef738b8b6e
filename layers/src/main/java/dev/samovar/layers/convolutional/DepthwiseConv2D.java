package dev.samovar.layers.convolutional;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Transform;
import java.util.List;
import java.util.Map;

/** TF.js's DepthwiseConv2D: kernel {@code [kh, kw, inputDim, depthMultiplier]}, tf.depthwiseConv2d. */
public class DepthwiseConv2D extends BaseConv {
    private final int depthMultiplier;
    private final Initializer depthwiseInitializer;
    private final Constraint depthwiseConstraint;
    private final Regularizer depthwiseRegularizer;
    private LayerVariable depthwiseKernel;

    public DepthwiseConv2D(Args args) {
        super(2, args);
        this.depthMultiplier = args.getInt("depthMultiplier", 1);
        this.depthwiseInitializer = Initializers.get(orDefault(args.get("depthwiseInitializer"), "glorotNormal"));
        this.depthwiseConstraint = Constraints.get(args.get("depthwiseConstraint"));
        this.depthwiseRegularizer = Regularizers.get(args.get("depthwiseRegularizer"));
    }

    @Override
    public String getClassName() {
        return "DepthwiseConv2D";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        if (s.length < 4) {
            throw new IllegalArgumentException("Inputs to DepthwiseConv2D should have rank 4. Received input shape: "
                    + Dims.json(s) + ".");
        }
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : 3;
        if (s[channelAxis] < 0) {
            throw new IllegalArgumentException("The channel dimension of the inputs to DepthwiseConv2D should be "
                    + "defined, but is not (null).");
        }
        int inputDim = s[channelAxis];
        depthwiseKernel = addWeight("depthwise_kernel", new int[] {kernelSize[0], kernelSize[1], inputDim,
            depthMultiplier}, null, depthwiseInitializer, depthwiseRegularizer, true, depthwiseConstraint);
        if (useBias) {
            bias = addWeight("bias", new int[] {inputDim * depthMultiplier}, null, biasInitializer, biasRegularizer,
                    true, biasConstraint);
        } else {
            bias = null;
        }
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor x = oneTensor(inputs);
            boolean first = "channelsFirst".equals(dataFormat);
            Tensor y = first ? Transform.transpose(x, 0, 2, 3, 1) : x;
            if (x.rank() != 4) {
                throw new IllegalArgumentException("Input for depthwiseConv2d is required to be 4-D, but is instead "
                        + x.rank() + "-D");
            }
            y = Conv.depthwiseConv2d(y, depthwiseKernel.read(), strides, "same".equals(padding) ? "same" : "valid",
                    "NHWC", null, null);
            if (first) {
                y = Transform.transpose(y, 0, 3, 1, 2);
            }
            if (useBias) {
                y = LayerOps.biasAdd(y, bias.read(), dataFormat);
            }
            return one(activation.apply(y));
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        boolean first = "channelsFirst".equals(dataFormat);
        int rows = first ? s[2] : s[1];
        int cols = first ? s[3] : s[2];
        int c = first ? s[1] : s[3];
        int outFilters = c == Dims.UNKNOWN ? Dims.UNKNOWN : c * depthMultiplier;
        int outRows = ConvUtils.convOutputLength(rows, kernelSize[0], padding, strides[0], 1);
        int outCols = ConvUtils.convOutputLength(cols, kernelSize[1], padding, strides[1], 1);
        return one(first ? new int[] {s[0], outFilters, outRows, outCols} : new int[] {s[0], outRows, outCols,
            outFilters});
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("depthMultiplier", depthMultiplier);
        config.put("depthwiseInitializer", Initializers.serialize(depthwiseInitializer));
        config.put("depthwiseRegularizer", Regularizers.serialize(depthwiseRegularizer));
        // TF.js 4.22 serializes the regularizer under depthwiseConstraint.
        config.put("depthwiseConstraint", Regularizers.serialize(depthwiseRegularizer));
        return config;
    }
}
