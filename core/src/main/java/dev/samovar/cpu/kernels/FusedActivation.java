package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * The epilogue of the fused kernels, as TF.js's CPU backend composes it: {@code add(result, bias)}
 * (broadcasting), then the activation (linear, relu, relu6, elu, prelu, leakyrelu, sigmoid). Each
 * step is stored in its output dtype, as the separate TF.js kernels do, so values match.
 */
final class FusedActivation {
    private FusedActivation() {
    }

    /**
     * Applies bias and activation to {@code values} ({@code float[]} or {@code int[]}) of the given
     * shape and dtype. {@code nchw}: a 1-D bias / PReLU weights of length != 1 align with axis 1.
     */
    static Tensor apply(Backend backend, Object values, int[] shape, DType dtype, Tensor bias, Tensor prelu,
            String activation, double leakyAlpha, boolean nchw) {
        Object v = values;
        int[] s = shape;
        if (bias != null) {
            int[] bShape = bias.shapeRef();
            if (nchw && bShape.length == 1 && bShape[0] != 1) {
                bShape = new int[] {bShape[0], 1, 1};
            }
            int[] outShape = Shapes.broadcastShapes(s, bShape);
            v = binary(v, s, bias.dataId().payload, bShape, outShape, dtype, false);
            s = outShape;
        }
        if (activation == null || activation.equals("linear")) {
            return Engine.get().makeTensor(v, s, dtype, backend);
        }
        switch (activation) {
            case "relu":
            case "relu6":
            case "elu":
            case "sigmoid":
                return Engine.get().makeTensor(unary(v, dtype, activation), s, dtype, backend);
            case "leakyrelu":
                return Engine.get().makeTensor(leaky(v, leakyAlpha), s, DType.FLOAT32, backend);
            case "prelu": {
                if (prelu == null) {
                    throw new IllegalArgumentException("Cannot read properties of undefined (reading 'dataId')");
                }
                int[] aShape = prelu.shapeRef();
                if (nchw && aShape.length == 1 && aShape[0] != 1) {
                    aShape = new int[] {aShape[0], 1, 1};
                }
                int[] outShape = Shapes.broadcastShapes(s, aShape);
                Object r = binary(v, s, prelu.dataId().payload, aShape, outShape, DType.FLOAT32, true);
                return Engine.get().makeTensor(r, outShape, DType.FLOAT32, backend);
            }
            default:
                throw new IllegalArgumentException(
                        "Activation " + activation + " has not been implemented for the CPU backend.");
        }
    }

    /**
     * The optional inputs after the first {@code start}: bias (when attr {@code hasBias}) then
     * PReLU weights (when {@code hasPrelu}), as {bias|null, prelu|null}.
     */
    static Tensor[] extras(Tensor[] inputs, int start, dev.samovar.core.Attrs attrs) {
        int i = start;
        Tensor bias = attrs.getBool("hasBias", false) ? inputs[i++] : null;
        Tensor prelu = attrs.getBool("hasPrelu", false) ? inputs[i] : null;
        return new Tensor[] {bias, prelu};
    }

    private static double at(Object values, int i) {
        return values instanceof float[] ? ((float[]) values)[i] : ((int[]) values)[i];
    }

    /** add (prelu=false) or prelu (prelu=true) with broadcasting, stored in {@code dtype}. */
    private static Object binary(Object a, int[] aShape, Object b, int[] bShape, int[] outShape, DType dtype,
            boolean prelu) {
        int size = Shapes.sizeFromShape(outShape);
        int aLen = Shapes.sizeFromShape(aShape);
        int bLen = Shapes.sizeFromShape(bShape);
        int[] ai = aLen == size && Shapes.equal(aShape, outShape) ? null : Broadcast.indexMap(aShape, outShape, size);
        int[] bi = null;
        boolean bTrailing = false;
        if (!(bLen == size && Shapes.equal(bShape, outShape))) {
            // Fast path: b is a scalar or matches the trailing dimensions (bias per channel).
            bTrailing = isTrailing(bShape, outShape);
            if (!bTrailing) {
                bi = Broadcast.indexMap(bShape, outShape, size);
            }
        }
        if (dtype == DType.FLOAT32) {
            float[] out = Cpu.newFloats(size);
            if (ai == null && a instanceof float[] && b instanceof float[] && (bi == null)) {
                float[] av = (float[]) a;
                float[] bv = (float[]) b;
                if (!bTrailing) {
                    for (int i = 0; i < size; i++) {
                        out[i] = (float) op(av[i], bv[i], prelu);
                    }
                } else if (bLen == 1) {
                    double bb = bv[0];
                    for (int i = 0; i < size; i++) {
                        out[i] = (float) op(av[i], bb, prelu);
                    }
                } else {
                    for (int i = 0; i < size; i += bLen) {
                        for (int j = 0; j < bLen; j++) {
                            out[i + j] = (float) op(av[i + j], bv[j], prelu);
                        }
                    }
                }
                return out;
            }
            for (int i = 0; i < size; i++) {
                int ia = ai == null ? i : ai[i];
                int ib = bi != null ? bi[i] : bTrailing ? i % bLen : i;
                out[i] = (float) op(at(a, ia), at(b, ib), prelu);
            }
            return out;
        }
        int[] out = Cpu.newInts(size);
        boolean isBool = dtype == DType.BOOL;
        for (int i = 0; i < size; i++) {
            int ia = ai == null ? i : ai[i];
            int ib = bi != null ? bi[i] : bTrailing ? i % bLen : i;
            double r = op(at(a, ia), at(b, ib), prelu);
            out[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
        }
        return out;
    }

    private static boolean isTrailing(int[] bShape, int[] outShape) {
        int n = Shapes.sizeFromShape(bShape);
        if (n == 0) {
            return false;
        }
        // b's non-1 dimensions must be exactly the trailing dimensions of out.
        int lead = 0;
        while (lead < bShape.length && bShape[lead] == 1) {
            lead++;
        }
        int tail = bShape.length - lead;
        if (tail > outShape.length) {
            return false;
        }
        for (int i = 0; i < tail; i++) {
            if (bShape[lead + i] != outShape[outShape.length - tail + i]) {
                return false;
            }
        }
        return true;
    }

    private static double op(double x, double y, boolean prelu) {
        if (prelu) {
            return x < 0 ? y * x : x;
        }
        return x + y;
    }

    private static Object unary(Object values, DType dtype, String activation) {
        int kind = activation.equals("relu") ? 0 : activation.equals("relu6") ? 1 : activation.equals("elu") ? 2 : 3;
        if (dtype == DType.FLOAT32) {
            float[] v = (float[]) values;
            float[] out = Cpu.newFloats(v.length);
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) unaryOp(v[i], kind);
            }
            return out;
        }
        int[] v = (int[]) values;
        int[] out = Cpu.newInts(v.length);
        boolean isBool = dtype == DType.BOOL;
        for (int i = 0; i < v.length; i++) {
            double r = unaryOp(v[i], kind);
            out[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
        }
        return out;
    }

    static double unaryOp(double x, int kind) {
        switch (kind) {
            case 0:
                return Double.isNaN(x) ? x : (x > 0 ? x : 0);
            case 1:
                return Double.isNaN(x) ? x : Math.min(x > 0 ? x : 0, 6);
            case 2:
                return x >= 0 ? x : Math.exp(x) - 1;
            default:
                return 1 / (1 + Math.exp(-x));
        }
    }

    private static float[] leaky(Object values, double alpha) {
        int n = values instanceof float[] ? ((float[]) values).length : ((int[]) values).length;
        float[] out = Cpu.newFloats(n);
        for (int i = 0; i < n; i++) {
            double x = at(values, i);
            out[i] = (float) (x < 0 ? alpha * x : x);
        }
        return out;
    }
}
