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
 * Conv2DBackpropFilter: the gradient of conv2d with respect to its filter. inputs: x, dy; attrs:
 * {@code filterShape} [fh, fw, inC, outC], {@code strides}, {@code pad}, {@code dataFormat},
 * {@code dimRoundingMode}, and (Samovar only) {@code dilations}.
 *
 * <p>dW, seen as a [fh*fw*inC, outC] matrix, is the product of the unrolled input patches
 * (im2col, in blocks of output pixels) transposed with dy, accumulated in double over every
 * pixel of the batch and rounded to float32 once, as TF.js's kernel does.
 */
public final class Conv2DBackpropFilterKernel {
    private Conv2DBackpropFilterKernel() {
    }

    static void register() {
        KernelRegistry.register("Conv2DBackpropFilter", CpuBackend.NAME, Conv2DBackpropFilterKernel::run);
    }

    static Tensor[] run(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] filterShape = attrs.getInts("filterShape").clone();
        ConvGeometry g = ConvBackprop.geometry(x.shapeRef(), filterShape, attrs, false);
        ConvBackprop.checkChannels(g, filterShape);
        float[] dw = compute(ConvBackprop.inputNhwc(x, g), ConvBackprop.dyNhwc(inputs[1], g), g,
                Shapes.sizeFromShape(filterShape));
        return new Tensor[] {Engine.get().makeTensor(dw, filterShape, DType.FLOAT32, backend)};
    }

    /** dW [fh, fw, inC, outC] from channels-last x and dy. */
    static float[] compute(float[] x, float[] dy, ConvGeometry g, int size) {
        int inC = g.inChannels;
        int outC = g.outChannels;
        int k = g.filterHeight * g.filterWidth * inC;
        float[] dw = Cpu.newFloats(size);
        if (k * outC != size || size == 0) {
            return dw;
        }
        int pixels = g.outHeight * g.outWidth;
        double[] acc = new double[size];
        if (pixels > 0) {
            int imageIn = g.inHeight * g.inWidth * inC;
            int imageOut = pixels * outC;
            if (ConvBackprop.pointwise(g)) {
                // dW = x^T dy over all pixels of the batch at once.
                int all = g.batchSize * pixels;
                AccGemm.gemm(k, outC, all, x, 0, 1, inC, dy, 0, outC, 1, acc, 0, outC);
            } else {
                int rows = ConvBackprop.blockRows(k, pixels);
                float[] cols = Cpu.newFloats(rows * k);
                for (int b = 0; b < g.batchSize; b++) {
                    for (int p0 = 0; p0 < pixels; p0 += rows) {
                        int m = Math.min(rows, pixels - p0);
                        ConvBackprop.im2col(x, b * imageIn, g, p0, m, cols);
                        AccGemm.gemm(k, outC, m, cols, 0, 1, k, dy, b * imageOut + p0 * outC, outC, 1, acc, 0, outC);
                    }
                }
            }
        }
        ConvBackprop.store(acc, dw, 0, size);
        return dw;
    }
}
