package dev.samovar.layers.convolutional;

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
import dev.samovar.ops.Fused;
import dev.samovar.ops.Transform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Conv (the base of Conv1D and Conv2D): a kernel {@code kernelSize + [inputDim, filters]}
 * and an optional bias; Conv2D runs tf.fused.conv2d (with relu/linear/elu fused), Conv1D tf.conv1d
 * plus a bias add, as TF.js does.
 */
public abstract class ConvLayer extends BaseConv {
    protected final Object filters;
    protected final Initializer kernelInitializer;
    protected final Constraint kernelConstraint;
    protected final Regularizer kernelRegularizer;
    protected LayerVariable kernel;

    protected ConvLayer(int rank, Args args) {
        super(rank, args);
        Object f = args.get("filters");
        if (!(f instanceof Number) || ((Number) f).doubleValue() < 1) {
            throw new IllegalArgumentException("Convolution layer expected config.filters to be a 'number' > 0 but got "
                    + Js.json(args.raw("filters") == dev.samovar.layers.serialization.Undefined.INSTANCE ? null : f));
        }
        this.filters = f;
        this.kernelInitializer = Initializers.get(orDefault(args.get("kernelInitializer"), "glorotNormal"));
        this.kernelConstraint = Constraints.get(args.get("kernelConstraint"));
        this.kernelRegularizer = Regularizers.get(args.get("kernelRegularizer"));
        if (rank == 1) {
            this.inputSpec = one(new InputSpec().ndim(3));
        }
    }

    public static ConvLayer conv1d(Args args) {
        return new Conv1D(args);
    }

    public static ConvLayer conv2d(Args args) {
        return new Conv2D(args);
    }

    /** TF.js's Conv1D. */
    public static class Conv1D extends ConvLayer {
        public Conv1D(Args args) {
            super(1, args);
        }

        @Override
        public String getClassName() {
            return "Conv1D";
        }
    }

    public static ConvLayer conv3d(Args args) {
        return new Conv3D(args);
    }

    /** TF.js's Conv3D. */
    public static class Conv3D extends ConvLayer {
        public Conv3D(Args args) {
            super(3, args);
        }

        @Override
        public String getClassName() {
            return "Conv3D";
        }
    }

    /** TF.js's Conv2D. */
    public static class Conv2D extends ConvLayer {
        public Conv2D(Args args) {
            super(2, args);
        }

        @Override
        public String getClassName() {
            return "Conv2D";
        }
    }

    protected int filters() {
        return ((Number) filters).intValue();
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : inputShape.length - 1;
        if (inputShape[channelAxis] == Dims.UNKNOWN) {
            throw new IllegalArgumentException("The channel dimension of the input should be defined. Found null");
        }
        int inputDim = inputShape[channelAxis];
        int[] kernelShape = new int[rank + 2];
        System.arraycopy(kernelSize, 0, kernelShape, 0, rank);
        kernelShape[rank] = inputDim;
        kernelShape[rank + 1] = filters();
        kernel = addWeight("kernel", kernelShape, null, kernelInitializer, kernelRegularizer, true, kernelConstraint);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters()}, null, biasInitializer, biasRegularizer, true, biasConstraint);
        }
        inputSpec = one(new InputSpec().ndim(rank + 2).axis(channelAxis, inputDim));
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor x = oneTensor(inputs);
            Tensor b = bias == null ? null : bias.read();
            String fused = fusedActivation(activation);
            Tensor out;
            if (fused != null && rank == 2) {
                out = conv2dWithBiasActivation(x, kernel.read(), b, strides, padding, dataFormat, dilationRate, fused);
            } else {
                if (rank == 1) {
                    out = conv1dWithBias(x, kernel.read(), b, strides[0], padding, dataFormat, dilationRate[0]);
                } else if (rank == 3) {
                    out = conv3dWithBias(x, kernel.read(), b, strides, padding, dataFormat, dilationRate);
                } else {
                    out = conv2dWithBiasActivation(x, kernel.read(), b, strides, padding, dataFormat, dilationRate,
                            null);
                }
                out = activation.apply(out);
            }
            return one(out);
        });
    }

    /** TF.js's conv1dWithBias. */
    static Tensor conv1dWithBias(Tensor x, Tensor kernel, Tensor bias, int stride, String padding, String dataFormat,
            int dilation) {
        return Engine.get().tidy(() -> {
            if (x.rank() != 3) {
                throw new IllegalArgumentException("The input of a conv1dWithBias operation should be 3, but is "
                        + x.rank() + " instead.");
            }
            Tensor y = x;
            if ("channelsFirst".equals(dataFormat)) {
                y = Transform.transpose(y, 0, 2, 1);
            }
            if ("causal".equals(padding)) {
                throw new UnsupportedOperationException("The support for CAUSAL padding mode in conv1dWithBias is not "
                        + "implemented yet.");
            }
            y = Conv.conv1d(y, kernel, stride, "same".equals(padding) ? "same" : "valid", "NWC", dilation, null);
            if (bias != null) {
                y = LayerOps.biasAdd(y, bias, null);
            }
            return y;
        });
    }

    /** TF.js's conv3dWithBias (tf.conv3d, then K.biasAdd). */
    static Tensor conv3dWithBias(Tensor x, Tensor kernel, Tensor bias, int[] strides, String padding,
            String dataFormat, int[] dilationRate) {
        return Engine.get().tidy(() -> {
            LayerOps.checkDataFormat(dataFormat);
            if (x.rank() != 4 && x.rank() != 5) {
                throw new IllegalArgumentException("conv3dWithBias expects input to be of rank 4 or 5, but received "
                        + x.rank() + ".");
            }
            if (kernel.rank() != 4 && kernel.rank() != 5) {
                throw new IllegalArgumentException("conv3dWithBias expects kernel to be of rank 4 or 5, but received "
                        + x.rank() + ".");
            }
            Tensor y = "channelsFirst".equals(dataFormat) ? Transform.transpose(x, 0, 2, 3, 4, 1) : x;
            if ("causal".equals(padding)) {
                throw new UnsupportedOperationException("The support for CAUSAL padding mode in conv3dWithBias is not "
                        + "implemented yet.");
            }
            y = Conv.conv3d(y, kernel, strides, "same".equals(padding) ? "same" : "valid", "NDHWC", dilationRate);
            if (bias != null) {
                y = LayerOps.biasAdd(y, bias, null);
            }
            if ("channelsFirst".equals(dataFormat)) {
                y = Transform.transpose(y, 0, 4, 1, 2, 3);
            }
            return y;
        });
    }

    /** TF.js's conv2dWithBiasActivation (tf.fused.conv2d). */
    static Tensor conv2dWithBiasActivation(Tensor x, Tensor kernel, Tensor bias, int[] strides, String padding,
            String dataFormat, int[] dilationRate, String activation) {
        return Engine.get().tidy(() -> {
            if (x.rank() != 3 && x.rank() != 4) {
                throw new IllegalArgumentException("conv2dWithBiasActivation expects input to be of rank 3 or 4, but "
                        + "received " + x.rank() + ".");
            }
            Tensor y = "channelsFirst".equals(dataFormat) ? Transform.transpose(x, 0, 2, 3, 1) : x;
            if ("causal".equals(padding)) {
                throw new UnsupportedOperationException("The support for CAUSAL padding mode in conv1dWithBias is not "
                        + "implemented yet.");
            }
            y = Fused.conv2d(y, kernel, strides, "same".equals(padding) ? "same" : "valid", "NHWC", dilationRate, null,
                    bias, activation, null, 0.2);
            if ("channelsFirst".equals(dataFormat)) {
                y = Transform.transpose(y, 0, 3, 1, 2);
            }
            return y;
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        boolean last = "channelsLast".equals(dataFormat);
        int[] out = new int[rank + 2];
        out[0] = s[0];
        for (int i = 0; i < rank; i++) {
            int space = last ? s[1 + i] : s[2 + i];
            out[last ? 1 + i : 2 + i] = ConvUtils.convOutputLength(space, kernelSize[i], padding, strides[i],
                    dilationRate[i]);
        }
        out[last ? rank + 1 : 1] = filters();
        return one(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("filters", filters);
        config.put("kernelInitializer", Initializers.serialize(kernelInitializer));
        config.put("kernelRegularizer", Regularizers.serialize(kernelRegularizer));
        config.put("kernelConstraint", Constraints.serialize(kernelConstraint));
        merge(config, super.getConfig());
        if (rank == 1) {
            config.remove("dataFormat");
        }
        return config;
    }
}
