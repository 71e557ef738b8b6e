package dev.samovar.layers.convolutional;

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

/** TF.js's Conv2DTranspose: kernel {@code kernelSize + [filters, inputDim]}, tf.conv2dTranspose. */
public class Conv2DTranspose extends ConvLayer {
    public Conv2DTranspose(Args args) {
        super(2, args);
        this.inputSpec = one(new InputSpec().ndim(4));
        if (!"same".equals(padding) && !"valid".equals(padding)) {
            throw new IllegalArgumentException("Conv2DTranspose currently supports only padding modes 'same' and "
                    + "'valid', but received padding mode " + padding);
        }
    }

    @Override
    public String getClassName() {
        return "Conv2DTranspose";
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] s = oneShape(inputShapes);
        if (s.length != 4) {
            throw new IllegalArgumentException("Input should have rank 4; Received input shape: " + Dims.json(s));
        }
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : 3;
        if (s[channelAxis] == Dims.UNKNOWN) {
            throw new IllegalArgumentException("The channel dimension of the inputs should be defined. Found `None`.");
        }
        int inputDim = s[channelAxis];
        kernel = addWeight("kernel", new int[] {kernelSize[0], kernelSize[1], filters(), inputDim},
                dev.samovar.core.DType.FLOAT32, kernelInitializer, kernelRegularizer, true, kernelConstraint);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters()}, dev.samovar.core.DType.FLOAT32, biasInitializer,
                    biasRegularizer, true, biasConstraint);
        }
        inputSpec = one(new InputSpec().ndim(4).axis(channelAxis, inputDim));
        built = true;
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            if (input.rank() != 4) {
                throw new IllegalArgumentException("Conv2DTranspose.call() expects input tensor to be rank-4, but "
                        + "received a tensor of rank-" + input.rank());
            }
            int[] s = input.shapeRef();
            boolean first = "channelsFirst".equals(dataFormat);
            int height = s[first ? 2 : 1];
            int width = s[first ? 3 : 2];
            int outHeight = ConvUtils.deconvLength(height, strides[0], kernelSize[0], padding);
            int outWidth = ConvUtils.deconvLength(width, strides[1], kernelSize[1], padding);
            int[] outputShape = {s[0], outHeight, outWidth, filters()};
            if (first) {
                input = Transform.transpose(input, 0, 2, 3, 1);
            }
            Tensor out = Conv.conv2dTranspose(input, kernel.read(), outputShape, strides, padding, null);
            if (first) {
                out = Transform.transpose(out, 0, 3, 1, 2);
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
        int c = first ? 1 : 3;
        int h = first ? 2 : 1;
        int w = first ? 3 : 2;
        out[c] = filters();
        out[h] = ConvUtils.deconvLength(out[h], strides[0], kernelSize[0], padding);
        out[w] = ConvUtils.deconvLength(out[w], strides[1], kernelSize[1], padding);
        return one(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.remove("dilationRate");
        return config;
    }
}
