package dev.samovar.cpu.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * CropAndResize (inputs {@code image} NHWC, {@code boxes} [n, 4] normalized y1 x1 y2 x2,
 * {@code boxInd} [n]; attrs {@code cropSize}, {@code method} bilinear|nearest,
 * {@code extrapolationValue}) with TF.js's CPU arithmetic; boxes whose batch index is out of range
 * stay zero, samples outside the image take the extrapolation value. Output float32.
 */
final class CropAndResizeKernel {
    private CropAndResizeKernel() {
    }

    static void register() {
        KernelRegistry.register("CropAndResize", CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor image = inputs[0];
            int[] s = image.shapeRef();
            float[] img = Cpu.floats(image);
            float[] boxes = Cpu.floats(inputs[1]);
            int[] boxInd = Cpu.ints(inputs[2]);
            int[] crop = attrs.getInts("cropSize");
            boolean bilinear = !"nearest".equals(attrs.getString("method", "bilinear"));
            double extrapolation = attrs.getDouble("extrapolationValue");
            int numBoxes = inputs[1].dim(0);
            float[] out = Cpu.newFloats(numBoxes * crop[0] * crop[1] * s[3]);
            cropAndResize(img, s[0], s[1], s[2], s[3], boxes, boxInd, numBoxes, crop[0], crop[1], bilinear,
                    (float) extrapolation, out);
            return new Tensor[] {Engine.get().makeTensor(out, new int[] {numBoxes, crop[0], crop[1], s[3]},
                    DType.FLOAT32, backend)};
        });
    }

    private static void cropAndResize(float[] img, int batch, int ih, int iw, int ch, float[] boxes, int[] boxInd,
            int numBoxes, int cropH, int cropW, boolean bilinear, float extrapolation, float[] out) {
        int in2 = ch;
        int in1 = iw * ch;
        int in0 = ih * in1;
        int out2 = ch;
        int out1 = cropW * ch;
        int out0 = cropH * out1;
        for (int b = 0; b < numBoxes; b++) {
            double y1 = boxes[b * 4];
            double x1 = boxes[b * 4 + 1];
            double y2 = boxes[b * 4 + 2];
            double x2 = boxes[b * 4 + 3];
            int bInd = boxInd[b];
            if (bInd >= batch) {
                continue;
            }
            double heightScale = cropH > 1 ? (y2 - y1) * (ih - 1) / (cropH - 1) : 0;
            double widthScale = cropW > 1 ? (x2 - x1) * (iw - 1) / (cropW - 1) : 0;
            for (int y = 0; y < cropH; y++) {
                double yInd = cropH > 1 ? y1 * (ih - 1) + y * heightScale : 0.5 * (y1 + y2) * (ih - 1);
                if (yInd < 0 || yInd > ih - 1) {
                    for (int i = 0; i < out1; i++) {
                        out[b * out0 + y * out1 + i] = extrapolation;
                    }
                    continue;
                }
                double topD = Math.floor(yInd);
                int top = (int) topD;
                int bottom = (int) Math.ceil(yInd);
                double yLerp = yInd - topD;
                int closestY = (int) ImageKernels.jsRound(yInd);
                for (int x = 0; x < cropW; x++) {
                    double xInd = cropW > 1 ? x1 * (iw - 1) + x * widthScale : 0.5 * (x1 + x2) * (iw - 1);
                    int o = b * out0 + y * out1 + x * out2;
                    if (xInd < 0 || xInd > iw - 1) {
                        for (int c = 0; c < ch; c++) {
                            out[o + c] = extrapolation;
                        }
                        continue;
                    }
                    if (bilinear) {
                        double leftD = Math.floor(xInd);
                        int left = (int) leftD;
                        int right = (int) Math.ceil(xInd);
                        double xLerp = xInd - leftD;
                        int base = bInd * in0;
                        for (int c = 0; c < ch; c++) {
                            double tl = img[base + top * in1 + left * in2 + c];
                            double tr = img[base + top * in1 + right * in2 + c];
                            double bl = img[base + bottom * in1 + left * in2 + c];
                            double br = img[base + bottom * in1 + right * in2 + c];
                            double t = tl + (tr - tl) * xLerp;
                            double bo = bl + (br - bl) * xLerp;
                            out[o + c] = (float) (t + (bo - t) * yLerp);
                        }
                    } else {
                        int closestX = (int) ImageKernels.jsRound(xInd);
                        int base = bInd * in0 + closestY * in1 + closestX * in2;
                        for (int c = 0; c < ch; c++) {
                            out[o + c] = img[base + c];
                        }
                    }
                }
            }
        }
    }
}
