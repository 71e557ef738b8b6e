package dev.samovar.layers.recurrent;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.convolutional.ConvUtils;
import dev.samovar.layers.initializers.Initializer;
import dev.samovar.layers.initializers.Initializers;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Checks;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Transform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js's ConvLSTM2DCell (layers/convolutional_recurrent.js): an {@link LSTMCell} whose units are
 * {@code filters} and whose matrix products are 2D convolutions. The input is one time step
 * {@code [batch, rows, cols, channels]} (or channels first); kernel
 * {@code [kh, kw, channels, 4 * filters]}, recurrent kernel {@code [kh, kw, filters, 4 * filters]},
 * bias {@code [4 * filters]}; gates i, f, c, o. The input convolution uses the layer's strides,
 * padding and dilation, the recurrent one stride 1 and 'same' padding.
 */
public class ConvLSTM2DCell extends LSTMCell {
    private static final int NUM_OF_KERNELS = 4;
    private final Object filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final String padding;
    private final String dataFormat;
    private final int[] dilationRate;

    public ConvLSTM2DCell(Args args) {
        super(withUnits(args));
        this.filters = args.raw("filters");
        Checks.positiveInteger(filters, "filters");
        this.kernelSize = ConvUtils.normalizeArray(args.get("kernelSize"), 2, "kernelSize");
        for (int k : kernelSize) {
            Checks.positiveInteger(k, "kernelSize");
        }
        this.strides = ConvUtils.normalizeArray(orDefault(args.get("strides"), 1), 2, "strides");
        for (int s : strides) {
            Checks.positiveInteger(s, "strides");
        }
        this.padding = (String) orDefault(args.get("padding"), "valid");
        ConvUtils.checkPaddingMode(padding);
        this.dataFormat = (String) orDefault(args.get("dataFormat"), "channelsLast");
        LayerOps.checkDataFormat(dataFormat);
        this.dilationRate = ConvUtils.normalizeArray(orDefault(args.get("dilationRate"), 1), 2, "dilationRate");
        for (int d : dilationRate) {
            Checks.positiveInteger(d, "dilationRate");
        }
    }

    /** TF.js's {@code {...args, units: filters}} (a copy: the caller's arguments are not changed). */
    private static Args withUnits(Args args) {
        Map<String, Object> m = new LinkedHashMap<>(args.map());
        m.put("units", args.raw("filters"));
        return new Args(m);
    }

    @Override
    public String getClassName() {
        return "ConvLSTM2DCell";
    }

    public int filters() {
        return ((Number) filters).intValue();
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public String padding() {
        return padding;
    }

    public String dataFormat() {
        return dataFormat;
    }

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    @Override
    public void build(List<int[]> inputShapes) {
        int[] inputShape = oneShape(inputShapes);
        int channelAxis = "channelsFirst".equals(dataFormat) ? 1 : inputShape.length - 1;
        if (inputShape[channelAxis] == Dims.UNKNOWN) {
            throw new IllegalArgumentException("The channel dimension of the input should be defined. Found null");
        }
        int inputDim = inputShape[channelAxis];
        int f = filters();
        kernel = addWeight("kernel", new int[] {kernelSize[0], kernelSize[1], inputDim, f * NUM_OF_KERNELS}, null,
                kernelInitializer, kernelRegularizer, true, kernelConstraint);
        recurrentKernel = addWeight("recurrent_kernel", new int[] {kernelSize[0], kernelSize[1], f, f * NUM_OF_KERNELS},
                null, recurrentInitializer, recurrentRegularizer, true, recurrentConstraint);
        if (useBias) {
            Initializer biasInit = biasInitializer;
            if (unitForgetBiasOn()) {
                final Initializer init = biasInitializer;
                biasInit = new Initializer() {
                    @Override
                    public Tensor apply(int[] shape, DType dtype) {
                        Tensor biasI = init.apply(new int[] {f}, null);
                        Tensor biasF = Initializers.ones().apply(new int[] {f}, null);
                        Tensor biasCAndO = init.apply(new int[] {f * 2}, null);
                        return Transform.concat(new Tensor[] {biasI, biasF, biasCAndO}, 0);
                    }

                    @Override
                    public String getClassName() {
                        return "CustomInit";
                    }
                };
            }
            bias = addWeight("bias", new int[] {f * NUM_OF_KERNELS}, null, biasInit, biasRegularizer, true,
                    biasConstraint);
        } else {
            bias = null;
        }
        built = true;
    }

    private static Tensor applyDropout(Tensor x, Tensor[] mask, int index) {
        if (mask == null || index >= mask.length || mask[index] == null) {
            return x;
        }
        return Arithmetic.mul(mask[index], x);
    }

    private String convFormat() {
        return "channelsFirst".equals(dataFormat) ? "NCHW" : "NHWC";
    }

    private Tensor inputConv(Tensor x, Tensor w, Tensor b) {
        Tensor out = Conv.conv2d(x, w, strides, padding, convFormat(), dilationRate, null);
        return b != null ? LayerOps.biasAdd(out, b, dataFormat) : out;
    }

    private Tensor recurrentConv(Tensor x, Tensor w) {
        return Conv.conv2d(x, w, new int[] {1, 1}, "same", convFormat(), new int[] {1, 1}, null);
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            if (inputs.size() != 3) {
                throw new IllegalArgumentException("ConvLSTM2DCell expects 3 input Tensors (inputs, h, c), got "
                        + inputs.size() + ".");
            }
            boolean training = isTraining(kwargs);
            Tensor x = inputs.get(0);
            Tensor hTMinus1 = inputs.get(1);
            Tensor cTMinus1 = inputs.get(2);
            if (0 < dropout && dropout < 1 && dropoutMask == null) {
                dropoutMask = generateDropoutMask(() -> dev.samovar.ops.Creation.onesLike(x), dropout, training,
                        NUM_OF_KERNELS);
            }
            Tensor xI = applyDropout(x, dropoutMask, 0);
            Tensor xF = applyDropout(x, dropoutMask, 1);
            Tensor xC = applyDropout(x, dropoutMask, 2);
            Tensor xO = applyDropout(x, dropoutMask, 3);
            if (0 < recurrentDropout && recurrentDropout < 1 && recurrentDropoutMask == null) {
                recurrentDropoutMask = generateDropoutMask(() -> dev.samovar.ops.Creation.onesLike(hTMinus1),
                        recurrentDropout, training, NUM_OF_KERNELS);
            }
            Tensor hI = applyDropout(hTMinus1, recurrentDropoutMask, 0);
            Tensor hF = applyDropout(hTMinus1, recurrentDropoutMask, 1);
            Tensor hC = applyDropout(hTMinus1, recurrentDropoutMask, 2);
            Tensor hO = applyDropout(hTMinus1, recurrentDropoutMask, 3);
            Tensor[] k = Transform.split(kernel.read(), NUM_OF_KERNELS, 3);
            Tensor[] b = useBias ? Transform.split(bias.read(), NUM_OF_KERNELS, 0) : new Tensor[NUM_OF_KERNELS];
            xI = inputConv(xI, k[0], b[0]);
            xF = inputConv(xF, k[1], b[1]);
            xC = inputConv(xC, k[2], b[2]);
            xO = inputConv(xO, k[3], b[3]);
            Tensor[] rk = Transform.split(recurrentKernel.read(), NUM_OF_KERNELS, 3);
            hI = recurrentConv(hI, rk[0]);
            hF = recurrentConv(hF, rk[1]);
            hC = recurrentConv(hC, rk[2]);
            hO = recurrentConv(hO, rk[3]);
            Tensor i = recurrentActivation.apply(Arithmetic.add(xI, hI));
            Tensor f = recurrentActivation.apply(Arithmetic.add(xF, hF));
            Tensor c = Arithmetic.add(Arithmetic.mul(f, cTMinus1),
                    Arithmetic.mul(i, activation.apply(Arithmetic.add(xC, hC))));
            Tensor h = Arithmetic.mul(recurrentActivation.apply(Arithmetic.add(xO, hO)), activation.apply(c));
            List<Tensor> out = new ArrayList<>(3);
            out.add(h);
            out.add(h);
            out.add(c);
            return out;
        });
    }

    /** LSTMCell's config without {@code units}, then filters, kernelSize, padding, dataFormat, dilationRate, strides. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.remove("units");
        c.put("filters", filters);
        c.put("kernelSize", ConvUtils.list(kernelSize));
        c.put("padding", padding);
        c.put("dataFormat", dataFormat);
        c.put("dilationRate", ConvUtils.list(dilationRate));
        c.put("strides", ConvUtils.list(strides));
        return c;
    }
}
