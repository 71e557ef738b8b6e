package dev.samovar.layers.convolutional;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.constraints.Constraints;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.engine.LayerVariable;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.regularizers.Regularizer;
import dev.samovar.layers.regularizers.Regularizers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.layers.serialization.Js;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Transform;
import java.util.List;
import java.util.Map;

/** TF.js's SeparableConv2D: a depthwise then a pointwise kernel (tf.separableConv2d), bias, activation. */
public class SeparableConv2D extends ConvLayer {
    private final int depthMultiplier;
    private final Initializer depthwiseInitializer;
    private final Regularizer depthwiseRegularizer;
    private final Constraint depthwiseConstraint;
    private final Initializer pointwiseInitializer;
    private final Regularizer pointwiseRegularizer;
    private final Constraint pointwiseConstraint;
    private LayerVariable depthwiseKernel;
    private LayerVariable pointwiseKernel;

    public SeparableConv2D(Args args) {
        super(2, args);
        if (args.has("kernelInitializer") || args.has("kernelRegularizer") || args.has("kernelConstraint")) {
            throw new IllegalArgumentException("Fields kernelInitializer, kernelRegularizer and kernelConstraint are "
                    + "invalid for SeparableConv2D. Use depthwiseInitializer, depthwiseRegularizer, "
                    + "depthwiseConstraint, pointwiseInitializer, pointwiseRegularizer and pointwiseConstraint "
                    + "instead.");
        }
        if (args.has("padding") && !"same".equals(padding) && !"valid".equals(padding)) {
            throw new IllegalArgumentException("SeparableConv2D supports only padding modes: 'same' and 'valid', but "
                    + "received " + Js.json(padding));
        }
        this.depthMultiplier = args.getInt("depthMultiplier", 1);
        this.depthwiseInitializer = Initializers.get(orDefault(args.get("depthwiseInitializer"), "glorotUniform"));
        this.depthwiseRegularizer = Regularizers.get(args.get("depthwiseRegularizer"));
        this.depthwiseConstraint = Constraints.get(args.get("depthwiseConstraint"));
        // TF.js reads the pointwise initializer from depthwiseInitializer.
        this.pointwiseInitializer = Initializers.get(orDefault(args.get("depthwiseInitializer"), "glorotUniform"));
        this.pointwiseRegularizer = Regularizers.get(args.get("pointwiseRegularizer"));
        this.pointwiseConstraint = Constraints.get(args.get("pointwiseConstraint"));
    }

    @Override
    public String getClassName() {
        return "SeparableConv2D";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        if (s.length < rank + 2) {
            throw new IllegalArgumentException("Inputs to SeparableConv2D should have rank 4, but received input "
                    + "shape: " + Dims.json(s));
        }
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : s.length - 1;
        if (s[channelAxis] < 0) {
            throw new IllegalArgumentException("The channel dimension of the inputs should be defined, but found null");
        }
        int inputDim = s[channelAxis];
        depthwiseKernel = addWeight("depthwise_kernel", new int[] {kernelSize[0], kernelSize[1], inputDim,
            depthMultiplier}, DType.FLOAT32, depthwiseInitializer, depthwiseRegularizer, true, depthwiseConstraint);
        pointwiseKernel = addWeight("pointwise_kernel", new int[] {1, 1, inputDim * depthMultiplier, filters()},
                DType.FLOAT32, pointwiseInitializer, pointwiseRegularizer, true, pointwiseConstraint);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters()}, DType.FLOAT32, biasInitializer, biasRegularizer, true,
                    biasConstraint);
        } else {
            bias = null;
        }
        inputSpec = one(new InputSpec().ndim(4).axis(channelAxis, inputDim));
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor x = oneTensor(inputs);
            boolean first = "channelsFirst".equals(dataFormat);
            if (first) {
                x = Transform.transpose(x, 0, 2, 3, 1);
            }
            Tensor out = Conv.separableConv2d(x, depthwiseKernel.read(), pointwiseKernel.read(), strides, padding,
                    dilationRate, "NHWC");
            if (useBias) {
                out = LayerOps.biasAdd(out, bias.read(), dataFormat);
            }
            out = activation.apply(out);
            if (first) {
                out = Transform.transpose(out, 0, 3, 1, 2);
            }
            return one(out);
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.remove("kernelInitializer");
        config.remove("kernelRegularizer");
        config.remove("kernelConstraint");
        config.put("depthwiseInitializer", Initializers.serialize(depthwiseInitializer));
        config.put("pointwiseInitializer", Initializers.serialize(pointwiseInitializer));
        config.put("depthwiseRegularizer", Regularizers.serialize(depthwiseRegularizer));
        config.put("pointwiseRegularizer", Regularizers.serialize(pointwiseRegularizer));
        config.put("depthwiseConstraint", Constraints.serialize(depthwiseConstraint));
        config.put("pointwiseConstraint", Constraints.serialize(pointwiseConstraint));
        return config;
    }
}
