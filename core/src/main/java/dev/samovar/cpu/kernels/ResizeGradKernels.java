package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * ResizeBilinearGrad and ResizeNearestNeighborGrad (inputs {@code dy}, {@code images}; attr
 * {@code alignCorners}) as TF.js's CPU backend computes them, quirks included: the bilinear
 * gradient ignores halfPixelCenters, accumulates into a float32 buffer and reports the shape
 * [batch, width, height, depth]; the nearest gradient offsets rows of dy by the batch stride of
 * the images (an element past dy's end reads as NaN there).
 */
final class ResizeGradKernels {
    private ResizeGradKernels() {
    }

    static void register() {
        KernelRegistry.register("ResizeBilinearGrad", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor dy = inputs[0];
            int[] xs = inputs[1].shapeRef();
            int[] ys = dy.shapeRef();
            boolean alignCorners = attrs.getBool("alignCorners", false);
            float[] out = Cpu.newFloats(xs[0] * xs[1] * xs[2] * xs[3]);
            bilinearGrad(Cpu.floats(dy), xs[0], xs[1], xs[2], xs[3], ys[1], ys[2], alignCorners, out);
            return new Tensor[] {Engine.get().makeTensor(out, new int[] {xs[0], xs[2], xs[1], xs[3]},
                    DType.FLOAT32, backend)};
        });
        KernelRegistry.register("ResizeNearestNeighborGrad", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor dy = inputs[0];
            Tensor images = inputs[1];
            int[] xs = images.shapeRef();
            int[] ys = dy.shapeRef();
            float[] out = Cpu.newFloats(xs[0] * xs[1] * xs[2] * xs[3]);
            nearestGrad(Cpu.floats(dy), xs[0], xs[1], xs[2], xs[3], ys[1], ys[2], attrs.getBool("alignCorners", false), out);
            Object values = out;
            if (images.dtype() != DType.FLOAT32) {
                int[] iv = new int[out.length];
                for (int i = 0; i < iv.length; i++) {
                    iv[i] = (int) out[i];
                }
                values = iv;
            }
            return new Tensor[] {Engine.get().makeTensor(values, xs.clone(), images.dtype(), backend)};
        });
    }

    private static void bilinearGrad(float[] dy, int batch, int xH, int xW, int depth, int yH, int yW,
            boolean alignCorners, float[] out) {
        double heightScale = ResizeKernels.ratio(xH, yH, alignCorners);
        double widthScale = ResizeKernels.ratio(xW, yW, alignCorners);
        int s2 = depth;
        int s1 = xW * depth;
        int s0 = xH * s1;
        int off = 0;
        for (int b = 0; b < batch; b++) {
            int bOff = b * s0;
            for (int r = 0; r < yH; r++) {
                double dxR = r * heightScale;
                double top = Math.floor(dxR);
                int topOff = bOff + (int) top * s1;
                int botOff = bOff + (int) Math.min(Math.ceil(dxR), xH - 1) * s1;
                double rLerp = dxR - top;
                double invR = 1.0 - rLerp;
                for (int c = 0; c < yW; c++) {
                    double dxC = c * widthScale;
                    double left = Math.floor(dxC);
                    int l = (int) left * s2;
                    int rt = (int) Math.min(Math.ceil(dxC), xW - 1) * s2;
                    double cLerp = dxC - left;
                    double invC = 1.0 - cLerp;
                    double wTl = invR * invC;
                    double wTr = invR * cLerp;
                    double wBl = rLerp * invC;
                    double wBr = rLerp * cLerp;
                    for (int d = 0; d < depth; d++) {
                        double g = dy[off++];
                        out[topOff + l + d] = (float) (out[topOff + l + d] + g * wTl);
                        out[topOff + rt + d] = (float) (out[topOff + rt + d] + g * wTr);
                        out[botOff + l + d] = (float) (out[botOff + l + d] + g * wBl);
                        out[botOff + rt + d] = (float) (out[botOff + rt + d] + g * wBr);
                    }
                }
            }
        }
    }

    private static void nearestGrad(float[] dy, int batch, int xH, int xW, int depth, int yH, int yW,
            boolean alignCorners, float[] out) {
        double heightScale = ResizeKernels.ratio(xH, yH, alignCorners);
        double widthScale = ResizeKernels.ratio(xW, yW, alignCorners);
        double invH = 1 / heightScale;
        double invW = 1 / widthScale;
        int winH = (int) (Math.ceil(invH) * 2) + 2;
        int winW = (int) (Math.ceil(invW) * 2) + 2;
        int xs1 = xW * depth;
        int xs0 = xH * xs1;
        int ys1 = yW * depth;
        for (int b = 0; b < batch; b++) {
            int bOff = b * xs0;
            for (int r = 0; r < xH; r++) {
                int rowOff = bOff + r * xs1;
                double startDyR = Math.floor(Math.floor(r * invH) - winH / 2.0);
                for (int c = 0; c < xW; c++) {
                    int colOff = rowOff + c * depth;
                    double startDyC = Math.floor(Math.floor(c * invW) - winW / 2.0);
                    for (int d = 0; d < depth; d++) {
                        double acc = 0;
                        for (int ri = 0; ri < winH; ri++) {
                            double dyR = ri + startDyR;
                            if (dyR < 0 || dyR >= yH) {
                                continue;
                            }
                            double fr = dyR * heightScale;
                            double nr = Math.min(xH - 1, alignCorners ? ImageKernels.jsRound(fr) : Math.floor(fr));
                            if (r != nr) {
                                continue;
                            }
                            int dyROff = bOff + (int) dyR * ys1;
                            for (int ci = 0; ci < winW; ci++) {
                                double dyC = ci + startDyC;
                                if (dyC < 0 || dyC >= yW) {
                                    continue;
                                }
                                double fc = dyC * widthScale;
                                double nc = Math.min(xW - 1, alignCorners ? ImageKernels.jsRound(fc) : Math.floor(fc));
                                if (c == nc) {
                                    int k = dyROff + (int) dyC * depth + d;
                                    acc += k < dy.length ? dy[k] : Double.NaN;
                                }
                            }
                        }
                        out[colOff + d] = (float) acc;
                    }
                }
            }
        }
    }
}
