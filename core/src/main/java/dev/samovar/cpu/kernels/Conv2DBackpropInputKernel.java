package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Conv2DBackpropInput (the gradient of conv2d with respect to its input; conv2dTranspose). inputs:
 * dy, filter [fh, fw, inC, outC]; attrs: {@code inputShape}, {@code strides}, {@code pad},
 * {@code dataFormat}, {@code dimRoundingMode}, and (Samovar only) {@code dilations}.
 *
 * <p>For each block of output pixels, dy times the filter seen as a [fh*fw*inC, outC] matrix
 * (transposed) gives the contribution of every pixel to the input patch under it, in double; those
 * are added into the input positions (col2im) in double and rounded to float32 once, so each
 * element is one double-precision sum as in TF.js's kernel.
 */
public final class Conv2DBackpropInputKernel {
    private Conv2DBackpropInputKernel() {
    }

    static void register() {
        KernelRegistry.register("Conv2DBackpropInput", CpuBackend.NAME, Conv2DBackpropInputKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor filter = inputs[1];
        int[] inShape = attrs.getInts("inputShape").clone();
        ConvGeometry g = ConvBackprop.geometry(inShape, filter.shapeRef(), attrs, false);
        ConvBackprop.checkChannels(g, filter.shapeRef());
        float[] dx = compute(ConvBackprop.dyNhwc(inputs[0], g), Cpu.floats(filter), g);
        if (!g.channelsLast) {
            dx = Conv2DKernel.nhwcToNchw(dx, g.batchSize, g.inHeight, g.inWidth, g.inChannels);
        }
        return new Tensor[] {Engine.get().makeTensor(dx, inShape, DType.FLOAT32, backend)};
    }

    /** dx, channels-last [batch, inH, inW, inC], from channels-last dy and filter [fh, fw, inC, outC]. */
    static float[] compute(float[] dy, float[] w, ConvGeometry g) {
        int inC = g.inChannels;
        int outC = g.outChannels;
        int k = g.filterHeight * g.filterWidth * inC;
        int imageIn = g.inHeight * g.inWidth * inC;
        int pixels = g.outHeight * g.outWidth;
        float[] dx = Cpu.newFloats(Shapes.sizeFromShape(new int[] {g.batchSize, g.inHeight, g.inWidth, inC}));
        if (dx.length == 0 || pixels == 0 || k == 0 || outC == 0) {
            return dx;
        }
        if (ConvBackprop.pointwise(g)) {
            // dx = dy W^T, one pixel per row.
            int all = g.batchSize * pixels;
            double[] acc = new double[all * inC];
            AccGemm.gemm(all, inC, outC, dy, 0, outC, 1, w, 0, 1, outC, acc, 0, inC);
            ConvBackprop.store(acc, dx, 0, dx.length);
            return dx;
        }
        int rows = ConvBackprop.blockRows(k, pixels);
        double[] cols = new double[rows * k];
        double[] acc = new double[imageIn];
        int imageOut = pixels * outC;
        for (int b = 0; b < g.batchSize; b++) {
            java.util.Arrays.fill(acc, 0);
            for (int p0 = 0; p0 < pixels; p0 += rows) {
                int m = Math.min(rows, pixels - p0);
                java.util.Arrays.fill(cols, 0, m * k, 0);
                AccGemm.gemm(m, k, outC, dy, b * imageOut + p0 * outC, outC, 1, w, 0, 1, outC, cols, 0, k);
                ConvBackprop.col2im(cols, g, p0, m, acc);
            }
            ConvBackprop.store(acc, dx, b * imageIn, imageIn);
        }
        return dx;
    }
}
