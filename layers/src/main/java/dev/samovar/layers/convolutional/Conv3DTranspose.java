package dev.samovar.layers.convolutional;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.engine.InputSpec;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Transform;
import java.util.List;
import java.util.Map;

/**
 * TF.js's Conv3DTranspose: kernel {@code kernelSize + [filters, inputDim]}, tf.conv3dTranspose
 * (which, as in TF.js, has no gradient: the layer predicts but does not train).
 */
public class Conv3DTranspose extends ConvLayer.Conv3D {
    public Conv3DTranspose(Args args) {
        super(args);
        this.inputSpec = one(new InputSpec().ndim(5));
        if (!"same".equals(padding) && !"valid".equals(padding)) {
            throw new IllegalArgumentException("Conv3DTranspose currently supports only padding modes 'same' and "
                    + "'valid', but received padding mode " + padding);
        }
    }

    @Override
    public String getClassName() {
        return "Conv3DTranspose";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        if (s.length != 5) {
            throw new IllegalArgumentException("Input should have rank 5; Received input shape: " + Dims.json(s));
        }
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : 4;
        if (s[channelAxis] == Dims.UNKNOWN) {
            throw new IllegalArgumentException("The channel dimension of the inputs should be defined. Found `None`.");
        }
        int inputDim = s[channelAxis];
        kernel = addWeight("kernel", new int[] {kernelSize[0], kernelSize[1], kernelSize[2], filters(), inputDim},
                DType.FLOAT32, kernelInitializer, kernelRegularizer, true, kernelConstraint);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters()}, DType.FLOAT32, biasInitializer, biasRegularizer, true,
                    biasConstraint);
        }
        inputSpec = one(new InputSpec().ndim(5).axis(channelAxis, inputDim));
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if (input.rank() != 5) {
                throw new IllegalArgumentException("Conv3DTranspose.call() expects input tensor to be rank-4, but "
                        + "received a tensor of rank-" + input.rank());
            }
            int[] s = input.shapeRef();
            boolean first = "channelsFirst".equals(dataFormat);
            int depth = s[first ? 2 : 1];
            int height = s[first ? 3 : 2];
            int width = s[first ? 4 : 3];
            int[] outputShape = {s[0], ConvUtils.deconvLength(depth, strides[0], kernelSize[0], padding),
                ConvUtils.deconvLength(height, strides[1], kernelSize[1], padding),
                ConvUtils.deconvLength(width, strides[2], kernelSize[2], padding), filters()};
            if (first) {
                input = Transform.transpose(input, 0, 2, 3, 4, 1);
            }
            Tensor out = Conv.conv3dTranspose(input, kernel.read(), outputShape, strides, padding);
            if (first) {
                out = Transform.transpose(out, 0, 4, 1, 2, 3);
            }
            if (bias != null) {
                out = LayerOps.biasAdd(out, bias.read(), dataFormat);
            }
            return one(activation.apply(out));
        });
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] out = oneShape(inputShapes).clone();
        boolean first = "channelsFirst".equals(dataFormat);
        int c = first ? 1 : 4;
        int d0 = first ? 2 : 1;
        out[c] = filters();
        for (int i = 0; i < 3; i++) {
            out[d0 + i] = ConvUtils.deconvLength(out[d0 + i], strides[i], kernelSize[i], padding);
        }
        return one(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.remove("dilationRate");
        return config;
    }
}
