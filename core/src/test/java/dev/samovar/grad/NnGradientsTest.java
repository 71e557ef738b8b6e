package dev.samovar.grad;

import static dev.samovar.grad.GradCheck.assertClose;
import static dev.samovar.grad.GradCheck.checkFiniteDifferences;
import static dev.samovar.grad.GradCheck.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Conv;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Linalg;
import dev.samovar.ops.Reduction;
import dev.samovar.train.Gradients;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nn gradients where TF.js has none or fails (the op suite holds the TF.js-checked cases):
 * broadcast matMul batches, dilated convolutions, and second derivatives through the backward
 * convolution kernels.
 */
class NnGradientsTest {
    @Test
    void matMulWithBroadcastBatchesSumsOverThem() {
        Tensor a = rand(1, 1, 2, 3);
        Tensor b = rand(2, 4, 3, 5);
        Tensor dy = rand(3, 4, 2, 5);
        Tensor[] g = Gradients.grads(v -> Linalg.matMul(v[0], v[1]), new Tensor[] {a, b}, dy);
        assertArrayEquals(new int[] {1, 2, 3}, g[0].shape());
        Tensor expected = Reduction.sum(Linalg.matMul(dy, b, false, true), new int[] {0}, true);
        assertClose(expected, g[0], 1e-6, "d/da");
        Stream.of(g[0], g[1], expected).forEach(Tensor::dispose);
        checkFiniteDifferences(v -> Linalg.matMul(v[0], v[1]), a, b);
        // Rank 2 against rank 3, transposed.
        Tensor m = rand(4, 3, 2);
        checkFiniteDifferences(v -> Linalg.matMul(v[0], v[1], true, false), m, b);
        Tensor c = rand(5, 3, 1, 2, 3);
        Tensor d = rand(6, 1, 4, 3, 2);
        checkFiniteDifferences(v -> Linalg.matMul(v[0], v[1]), c, d);
        Stream.of(a, b, dy, m, c, d).forEach(Tensor::dispose);
    }

    /** The filter with (dilation - 1) zeros between taps: a dilated convolution's equivalent. */
    private static float[] dilate(float[] w, int fh, int fw, int inner, int dh, int dw) {
        int bh = (fh - 1) * dh + 1;
        int bw = (fw - 1) * dw + 1;
        float[] big = new float[bh * bw * inner];
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                System.arraycopy(w, (y * fw + x) * inner, big, ((y * dh) * bw + x * dw) * inner, inner);
            }
        }
        return big;
    }

    private static float[] undilate(float[] big, int fh, int fw, int inner, int dh, int dw) {
        int bw = (fw - 1) * dw + 1;
        float[] w = new float[fh * fw * inner];
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                System.arraycopy(big, ((y * dh) * bw + x * dw) * inner, w, (y * fw + x) * inner, inner);
            }
        }
        return w;
    }

    private static void checkDilated(boolean depthwise, int[] xShape, int[] fShape, int[] dil, Object pad) {
        Tensor x = rand(7, xShape);
        Tensor filter = rand(8, fShape);
        int inner = fShape[2] * fShape[3];
        int bh = (fShape[0] - 1) * dil[0] + 1;
        int bw = (fShape[1] - 1) * dil[1] + 1;
        Tensor big = Creation.tensor(dilate(filter.dataSync(), fShape[0], fShape[1], inner, dil[0], dil[1]), bh, bw,
                fShape[2], fShape[3]);
        java.util.function.BiFunction<Tensor, Tensor, Tensor> dilated = (u, w) -> depthwise
                ? Conv.depthwiseConv2d(u, w, new int[] {1}, pad, "NHWC", dil, null)
                : Conv.conv2d(u, w, new int[] {1}, pad, "NHWC", dil, null);
        java.util.function.BiFunction<Tensor, Tensor, Tensor> plain = (u, w) -> depthwise
                ? Conv.depthwiseConv2d(u, w, new int[] {1}, pad, "NHWC", null, null)
                : Conv.conv2d(u, w, new int[] {1}, pad, "NHWC", null, null);
        Tensor y = dilated.apply(x, filter);
        Tensor dy = rand(9, y.shape());
        Tensor[] g = Gradients.grads(v -> dilated.apply(v[0], v[1]), new Tensor[] {x, filter}, dy);
        Tensor[] e = Gradients.grads(v -> plain.apply(v[0], v[1]), new Tensor[] {x, big}, dy);
        assertClose(e[0], g[0], 1e-5, "d/dx");
        Tensor eFilter = Creation.tensor(undilate(e[1].dataSync(), fShape[0], fShape[1], inner, dil[0], dil[1]), fShape);
        assertClose(eFilter, g[1], 1e-5, "d/dfilter");
        Stream.of(x, filter, big, y, dy, g[0], g[1], e[0], e[1], eFilter).forEach(Tensor::dispose);
    }

    @Test
    void dilatedConvolutionsHaveGradients() {
        // TF.js refuses dilation rates greater than 1 in these gradients.
        checkDilated(false, new int[] {2, 7, 7, 2}, new int[] {3, 3, 2, 3}, new int[] {2, 2}, "same");
        checkDilated(false, new int[] {1, 8, 7, 3}, new int[] {2, 3, 3, 2}, new int[] {3, 2}, "valid");
        checkDilated(true, new int[] {2, 7, 7, 2}, new int[] {3, 3, 2, 2}, new int[] {2, 2}, "same");
        checkDilated(true, new int[] {1, 9, 6, 3}, new int[] {2, 2, 3, 1}, new int[] {3, 1}, "valid");
    }

    @Test
    void conv1dWithDilationHasGradients() {
        Tensor x = rand(10, 2, 9, 2);
        Tensor filter = rand(11, 3, 2, 3);
        checkFiniteDifferences(v -> Conv.conv1d(v[0], v[1], 1, "same", "NWC", 2, null), x, filter);
        Stream.of(x, filter).forEach(Tensor::dispose);
    }

    /** sum(c * c * w): a loss whose gradient depends on both convolution inputs. */
    private static Tensor squared(Tensor c, Tensor w) {
        return Arithmetic.mul(Arithmetic.mul(c, c), w);
    }

    @Test
    void secondDerivativesThroughConvolutions() {
        // The filter gradient of a squared conv2d loss, differentiated again: through
        // Conv2DBackpropFilter and Conv2DBackpropInput.
        Tensor x = rand(12, 1, 5, 5, 2);
        Tensor filter = rand(13, 3, 3, 2, 3);
        Tensor w = rand(14, 1, 3, 3, 3);
        checkFiniteDifferences(v -> Gradients.grad(f -> squared(Conv.conv2d(v[0], f, new int[] {1}, "valid"), w),
                v[1]), x, filter);
        checkFiniteDifferences(v -> Gradients.grad(u -> squared(Conv.conv2d(u, v[1], new int[] {2}, "same"), w),
                v[0]), x, filter);
        // Depthwise: both backprop kernels.
        Tensor dwf = rand(15, 2, 2, 2, 2);
        Tensor w2 = rand(16, 1, 5, 5, 4);
        checkFiniteDifferences(v -> Gradients.grad(f -> squared(Conv.depthwiseConv2d(v[0], f, new int[] {1}, "same"),
                w2), v[1]), x, dwf);
        checkFiniteDifferences(v -> Gradients.grad(u -> squared(Conv.depthwiseConv2d(u, v[1], new int[] {1}, "same"),
                w2), v[0]), x, dwf);
        Stream.of(x, filter, w, dwf, w2).forEach(Tensor::dispose);
    }

    @Test
    void conv2dTransposeSecondDerivative() {
        Tensor x = rand(17, 1, 3, 3, 2);
        Tensor filter = rand(18, 3, 3, 1, 2);
        Tensor w = rand(19, 1, 6, 6, 1);
        checkFiniteDifferences(v -> Gradients.grad(u -> squared(Conv.conv2dTranspose(u, v[1], new int[] {1, 6, 6, 1},
                new int[] {2}, "same", null), w), v[0]), x, filter);
        checkFiniteDifferences(v -> Gradients.grad(f -> squared(Conv.conv2dTranspose(v[0], f, new int[] {1, 6, 6, 1},
                new int[] {2}, "same", null), w), v[1]), x, filter);
        Stream.of(x, filter, w).forEach(Tensor::dispose);
    }
}
