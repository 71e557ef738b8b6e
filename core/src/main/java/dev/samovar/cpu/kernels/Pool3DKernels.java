package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * 3-D pooling (NDHWC) as TF.js's CPU backend computes it: MaxPool3D and AvgPool3D (input x; attrs
 * {@code filterSize}, {@code strides}, {@code pad}, {@code dimRoundingMode}; a float32 output
 * whose values pass through an array of x's dtype first, so an int32 max of an empty window is
 * 0; max ignores NaN; an empty average window gives 0), MaxPool3DGrad (inputs dy, input, output)
 * and AvgPool3DGrad (inputs dy, input).
 *
 * <p>MaxPool3DGrad reproduces TF.js's position bookkeeping: the last maximum of a window wins
 * ({@code >=}), and the position in the window is recorded as
 * {@code d * effH * effW + r * effH + c} (TF.js multiplies the row by the height), then compared
 * with the flipped window position {@code d * effH * effW + r * effW + c}; where the filter's
 * height and width differ this sends gradients where TF.js sends them.
 */
public final class Pool3DKernels {
    private Pool3DKernels() {
    }

    static void register() {
        KernelRegistry.register("MaxPool3D", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, true));
        KernelRegistry.register("AvgPool3D", CpuBackend.NAME, (in, at, be) -> pool(in, at, be, false));
        KernelRegistry.register("MaxPool3DGrad", CpuBackend.NAME, Pool3DKernels::maxGrad);
        KernelRegistry.register("AvgPool3DGrad", CpuBackend.NAME, Pool3DKernels::avgGrad);
    }

    private static Conv3DGeometry geometry(int[] shape, Attrs attrs) {
        if (shape.length != 5) {
            throw new IllegalArgumentException("3-D pooling needs a rank-5 input, got rank " + shape.length);
        }
        return Conv3DGeometry.pool3d(shape, attrs.getInts("filterSize"), attrs.getInts("strides", null),
                new int[] {1}, attrs.get("pad"), attrs.getString("dimRoundingMode", null));
    }

    private static int minIndex(int corner, int dilation) {
        int m = corner;
        while (m < 0) {
            m += dilation;
        }
        return m;
    }

    static Tensor[] pool(Tensor[] inputs, Attrs attrs, Backend backend, boolean max) {
        Tensor x = inputs[0];
        Conv3DGeometry g = geometry(x.shapeRef(), attrs);
        float[] xv = Cpu.floats(x);
        int[] xs = Shapes.strides(x.shapeRef());
        int size = Shapes.sizeFromShape(g.outShape);
        float[] out = Cpu.newFloats(size);
        DType dtype = x.dtype();
        int oD = g.outHeight * g.outWidth * g.inChannels;
        int oR = g.outWidth * g.inChannels;
        int oC = g.inChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int ch = 0; ch < g.inChannels; ch++) {
                for (int yD = 0; yD < g.outDepth; yD++) {
                    int dCorner = yD * g.strideDepth - g.padFront;
                    int dMin = minIndex(dCorner, g.dilationDepth);
                    int dMax = Math.min(g.inDepth, g.effectiveFilterDepth + dCorner);
                    for (int yR = 0; yR < g.outHeight; yR++) {
                        int rCorner = yR * g.strideHeight - g.padTop;
                        int rMin = minIndex(rCorner, g.dilationHeight);
                        int rMax = Math.min(g.inHeight, g.effectiveFilterHeight + rCorner);
                        for (int yC = 0; yC < g.outWidth; yC++) {
                            int cCorner = yC * g.strideWidth - g.padLeft;
                            int cMin = minIndex(cCorner, g.dilationWidth);
                            int cMax = Math.min(g.inWidth, g.effectiveFilterWidth + cCorner);
                            double best = Double.NEGATIVE_INFINITY;
                            double sum = 0;
                            int count = 0;
                            for (int d = dMin; d < dMax; d += g.dilationDepth) {
                                for (int r = rMin; r < rMax; r += g.dilationHeight) {
                                    int off = b * xs[0] + d * xs[1] + r * xs[2] + ch;
                                    for (int c = cMin; c < cMax; c += g.dilationWidth) {
                                        double p = xv[off + c * xs[3]];
                                        if (max) {
                                            if (p > best) {
                                                best = p;
                                            }
                                        } else {
                                            sum += p;
                                            count++;
                                        }
                                    }
                                }
                            }
                            double v = max ? best : sum / Math.max(count, 1);
                            int o = b * g.outDepth * oD + yD * oD + yR * oR + yC * oC + ch;
                            if (dtype == DType.FLOAT32) {
                                out[o] = (float) v;
                            } else if (dtype == DType.BOOL) {
                                out[o] = JsNumber.toUint8(v);
                            } else {
                                out[o] = JsNumber.toInt32(v);
                            }
                        }
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(out, g.outShape, DType.FLOAT32, backend)};
    }

    /** TF.js's maxPool3dPositions, its row multiplier included. */
    private static int[] maxPositions(float[] xv, int[] xs, Conv3DGeometry g) {
        int[] pos = new int[Shapes.sizeFromShape(g.outShape)];
        int effH = g.effectiveFilterHeight;
        int effW = g.effectiveFilterWidth;
        int oD = g.outHeight * g.outWidth * g.inChannels;
        int oR = g.outWidth * g.inChannels;
        for (int b = 0; b < g.batchSize; b++) {
            for (int ch = 0; ch < g.inChannels; ch++) {
                for (int yD = 0; yD < g.outDepth; yD++) {
                    int dCorner = yD * g.strideDepth - g.padFront;
                    int dMin = minIndex(dCorner, g.dilationDepth);
                    int dMax = Math.min(g.inDepth, g.effectiveFilterDepth + dCorner);
                    for (int yR = 0; yR < g.outHeight; yR++) {
                        int rCorner = yR * g.strideHeight - g.padTop;
                        int rMin = minIndex(rCorner, g.dilationHeight);
                        int rMax = Math.min(g.inHeight, g.effectiveFilterHeight + rCorner);
                        for (int yC = 0; yC < g.outWidth; yC++) {
                            int cCorner = yC * g.strideWidth - g.padLeft;
                            int cMin = minIndex(cCorner, g.dilationWidth);
                            int cMax = Math.min(g.inWidth, g.effectiveFilterWidth + cCorner);
                            double best = Double.NEGATIVE_INFINITY;
                            int at = -1;
                            for (int d = dMin; d < dMax; d += g.dilationDepth) {
                                int wD = d - dCorner;
                                for (int r = rMin; r < rMax; r += g.dilationHeight) {
                                    int wR = r - rCorner;
                                    for (int c = cMin; c < cMax; c += g.dilationWidth) {
                                        int wC = c - cCorner;
                                        double p = xv[b * xs[0] + d * xs[1] + r * xs[2] + c * xs[3] + ch];
                                        if (p >= best) {
                                            best = p;
                                            at = wD * effH * effW + wR * effH + wC;
                                        }
                                    }
                                }
                            }
                            pos[b * g.outDepth * oD + yD * oD + yR * oR + yC * g.inChannels + ch] = at;
                        }
                    }
                }
            }
        }
        return pos;
    }

    private static void checkDy(Tensor dy, Conv3DGeometry g) {
        int[] s = dy.shapeRef();
        if (s.length != 5 || s[0] != g.batchSize || s[1] != g.outDepth || s[2] != g.outHeight || s[3] != g.outWidth
                || s[4] != g.inChannels) {
            throw new IllegalArgumentException("Error in 3-D pooling gradient: dy of shape "
                    + java.util.Arrays.toString(s) + " does not match the pooling's output shape "
                    + java.util.Arrays.toString(g.outShape));
        }
    }

    static Tensor[] maxGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        return grad(inputs, attrs, backend, true);
    }

    static Tensor[] avgGrad(Tensor[] inputs, Attrs attrs, Backend backend) {
        return grad(inputs, attrs, backend, false);
    }

    private static Tensor[] grad(Tensor[] inputs, Attrs attrs, Backend backend, boolean max) {
        Tensor dy = inputs[0];
        Tensor input = inputs[1];
        Conv3DGeometry g = geometry(input.shapeRef(), attrs);
        checkDy(dy, g);
        float[] dyv = Cpu.floats(dy);
        int[] dys = Shapes.strides(dy.shapeRef());
        int[] xs = Shapes.strides(input.shapeRef());
        int[] pos = max ? maxPositions(Cpu.floats(input), xs, g) : null;
        int effD = g.effectiveFilterDepth;
        int effH = g.effectiveFilterHeight;
        int effW = g.effectiveFilterWidth;
        int padFront = effD - 1 - g.padFront;
        int padTop = effH - 1 - g.padTop;
        int padLeft = effW - 1 - g.padLeft;
        int last = effD * effH * effW - 1;
        double multiplier = 1.0 / (g.filterDepth * g.filterHeight * g.filterWidth);
        float[] dx = Cpu.newFloats(input.size());
        for (int b = 0; b < g.batchSize; b++) {
            for (int ch = 0; ch < g.inChannels; ch++) {
                for (int xD = 0; xD < g.inDepth; xD++) {
                    for (int xR = 0; xR < g.inHeight; xR++) {
                        for (int xC = 0; xC < g.inWidth; xC++) {
                            int dCorner = xD - padFront;
                            int rCorner = xR - padTop;
                            int cCorner = xC - padLeft;
                            double dot = 0;
                            for (int wD = 0; wD < effD; wD += g.dilationDepth) {
                                int num = dCorner + wD;
                                if (num < 0 || num % g.strideDepth != 0 || num / g.strideDepth >= g.outDepth) {
                                    continue;
                                }
                                int yD = num / g.strideDepth;
                                for (int wR = 0; wR < effH; wR += g.dilationHeight) {
                                    int numR = rCorner + wR;
                                    if (numR < 0 || numR % g.strideHeight != 0 || numR / g.strideHeight >= g.outHeight) {
                                        continue;
                                    }
                                    int yR = numR / g.strideHeight;
                                    for (int wC = 0; wC < effW; wC += g.dilationWidth) {
                                        int numC = cCorner + wC;
                                        if (numC < 0 || numC % g.strideWidth != 0
                                                || numC / g.strideWidth >= g.outWidth) {
                                            continue;
                                        }
                                        int yC = numC / g.strideWidth;
                                        int o = b * dys[0] + yD * dys[1] + yR * dys[2] + yC * dys[3] + ch;
                                        if (max) {
                                            int maxPos = last - pos[o];
                                            int curPos = wD * effH * effW + wR * effW + wC;
                                            if (maxPos != curPos) {
                                                continue;
                                            }
                                        }
                                        dot += dyv[o];
                                    }
                                }
                            }
                            dx[b * xs[0] + xD * xs[1] + xR * xs[2] + xC * xs[3] + ch] =
                                    (float) (max ? dot : dot * multiplier);
                        }
                    }
                }
            }
        }
        return new Tensor[] {Engine.get().makeTensor(dx, input.shape(), DType.FLOAT32, backend)};
    }
}
