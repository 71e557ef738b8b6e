package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * Elementwise unary kernels: each element computed in double precision, stored once in the output
 * dtype, as TF.js's CPU backend does (float32 rounds, int32 wraps as an Int32Array store, bool as a
 * Uint8Array store). The float32 path is one direct loop per kernel; int32 and bool inputs go
 * through {@link #apply}.
 */
public final class UnaryKernels {
    /** The scalar function of a unary kernel; attributes (alpha, clip bounds) come with it. */
    @FunctionalInterface
    public interface Op {
        double apply(double x, Attrs attrs);
    }

    static final int ABS = 0;
    static final int NEG = 1;
    static final int EXP = 2;
    static final int EXPM1 = 3;
    static final int LOG = 4;
    static final int LOG1P = 5;
    static final int SQRT = 6;
    static final int RSQRT = 7;
    static final int SQUARE = 8;
    static final int RECIPROCAL = 9;
    static final int SIGN = 10;
    static final int FLOOR = 11;
    static final int CEIL = 12;
    static final int ROUND = 13;
    static final int SIN = 14;
    static final int COS = 15;
    static final int TAN = 16;
    static final int ASIN = 17;
    static final int ACOS = 18;
    static final int ATAN = 19;
    static final int SINH = 20;
    static final int COSH = 21;
    static final int TANH = 22;
    static final int ASINH = 23;
    static final int ACOSH = 24;
    static final int ATANH = 25;
    static final int SIGMOID = 26;
    static final int RELU = 27;
    static final int RELU6 = 28;
    static final int ELU = 29;
    static final int SELU = 30;
    static final int LEAKY_RELU = 31;
    static final int SOFTPLUS = 32;
    static final int ERF = 33;
    static final int STEP = 34;
    static final int CLIP = 35;
    static final int IS_NAN = 36;
    static final int IS_INF = 37;
    static final int IS_FINITE = 38;
    static final int LOGICAL_NOT = 39;

    private UnaryKernels() {
    }

    static void register() {
        register("Abs", ABS, null);
        register("Neg", NEG, null);
        register("Exp", EXP, DType.FLOAT32);
        register("Expm1", EXPM1, null);
        register("Log", LOG, null);
        register("Log1p", LOG1P, null);
        register("Sqrt", SQRT, null);
        register("Rsqrt", RSQRT, null);
        register("Square", SQUARE, null);
        register("Reciprocal", RECIPROCAL, null);
        register("Sign", SIGN, null);
        register("Floor", FLOOR, null);
        register("Ceil", CEIL, null);
        register("Round", ROUND, null);
        register("Sin", SIN, null);
        register("Cos", COS, null);
        register("Tan", TAN, null);
        register("Asin", ASIN, null);
        register("Acos", ACOS, null);
        register("Atan", ATAN, null);
        register("Sinh", SINH, null);
        register("Cosh", COSH, null);
        register("Tanh", TANH, null);
        register("Asinh", ASINH, null);
        register("Acosh", ACOSH, null);
        register("Atanh", ATANH, null);
        register("Sigmoid", SIGMOID, null);
        register("Relu", RELU, null);
        register("Relu6", RELU6, null);
        register("Elu", ELU, null);
        register("Selu", SELU, null);
        register("LeakyRelu", LEAKY_RELU, DType.FLOAT32);
        register("Softplus", SOFTPLUS, null);
        register("Erf", ERF, null);
        register("Step", STEP, null);
        register("ClipByValue", CLIP, null);
        register("IsNan", IS_NAN, DType.BOOL);
        register("IsInf", IS_INF, DType.BOOL);
        register("IsFinite", IS_FINITE, DType.BOOL);
        register("LogicalNot", LOGICAL_NOT, DType.BOOL);
    }

    private static void register(String name, int code, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {compute(backend, code, inputs[0], attrs, outDtype)});
    }

    /** The attribute a kernel reads as its first parameter (alpha, clipValueMin). */
    private static double param1(int code, Attrs attrs) {
        switch (code) {
            case LEAKY_RELU:
            case STEP:
                return attrs.getDouble("alpha");
            case CLIP:
                return attrs.getDouble("clipValueMin");
            default:
                return 0;
        }
    }

    private static double param2(int code, Attrs attrs) {
        return code == CLIP ? attrs.getDouble("clipValueMax") : 0;
    }

    private static Tensor compute(Backend backend, int code, Tensor x, Attrs attrs, DType outDtype) {
        DType dtype = outDtype != null ? outDtype : x.dtype();
        Object xv = x.dataId().payload;
        int n = x.size();
        double p1 = param1(code, attrs);
        double p2 = param2(code, attrs);
        Object out;
        if (code == NEG && dtype == DType.BOOL) {
            // TF.js multiplies by -1 made a bool (1): negating a bool tensor copies it.
            out = ((int[]) xv).clone();
        } else if (xv instanceof float[] && dtype == DType.FLOAT32) {
            float[] o = new float[n];
            floatLoop(code, (float[]) xv, o, n, p1, p2);
            out = o;
        } else if (xv instanceof float[] && (code == IS_NAN || code == IS_INF || code == IS_FINITE)) {
            out = floatPredicate(code, (float[]) xv, n);
        } else if (dtype == DType.FLOAT32) {
            float[] o = new float[n];
            int[] v = (int[]) xv;
            for (int i = 0; i < n; i++) {
                o[i] = (float) apply(code, v[i], p1, p2);
            }
            out = o;
        } else {
            int[] o = new int[n];
            boolean isBool = dtype == DType.BOOL;
            // Abs and Square write a Float32Array whatever the dtype: int32 results round to float32.
            boolean viaFloat = code == ABS || code == SQUARE;
            if (xv instanceof int[]) {
                int[] v = (int[]) xv;
                for (int i = 0; i < n; i++) {
                    double r = apply(code, v[i], p1, p2);
                    if (viaFloat) {
                        r = ElementwiseMath.fround(r);
                    }
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
            } else {
                float[] v = (float[]) xv;
                for (int i = 0; i < n; i++) {
                    double r = apply(code, v[i], p1, p2);
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
            }
            out = o;
        }
        return Engine.get().makeTensor(out, x.shapeRef(), dtype, backend);
    }

    /** The scalar function of kernel {@code code}, in double precision. */
    static double apply(int code, double x, double p1, double p2) {
        switch (code) {
            case ABS:
                return Math.abs(x);
            case NEG:
                return -x;
            case EXP:
                return ElementwiseMath.exp(x);
            case EXPM1:
                return ElementwiseMath.expm1(x);
            case LOG:
                return ElementwiseMath.log(x);
            case LOG1P:
                return ElementwiseMath.log1p(x);
            case SQRT:
                return Math.sqrt(x);
            case RSQRT:
                return 1 / Math.sqrt(x);
            case SQUARE:
                return x * x;
            case RECIPROCAL:
                return 1 / x;
            case SIGN:
                return ElementwiseMath.sign(x);
            case FLOOR:
                return Math.floor(x);
            case CEIL:
                return Math.ceil(x);
            case ROUND:
                return ElementwiseMath.round(x);
            case SIN:
                return ElementwiseMath.sin(x);
            case COS:
                return ElementwiseMath.cos(x);
            case TAN:
                return ElementwiseMath.tan(x);
            case ASIN:
                return ElementwiseMath.asin(x);
            case ACOS:
                return ElementwiseMath.acos(x);
            case ATAN:
                return ElementwiseMath.atan(x);
            case SINH:
                return ElementwiseMath.sinh(x);
            case COSH:
                return ElementwiseMath.cosh(x);
            case TANH:
                return ElementwiseMath.tanh(x);
            case ASINH:
                return ElementwiseMath.asinh(x);
            case ACOSH:
                return ElementwiseMath.acosh(x);
            case ATANH:
                return ElementwiseMath.atanh(x);
            case SIGMOID:
                return ElementwiseMath.sigmoid(x);
            case RELU:
                return ElementwiseMath.relu(x);
            case RELU6:
                return ElementwiseMath.relu6(x);
            case ELU:
                return ElementwiseMath.elu(x);
            case SELU:
                return ElementwiseMath.selu(x);
            case LEAKY_RELU:
                return x < 0 ? p1 * x : x;
            case SOFTPLUS:
                return ElementwiseMath.softplus(x);
            case ERF:
                return ElementwiseMath.erf(x);
            case STEP:
                return ElementwiseMath.step(x, p1);
            case CLIP:
                return ElementwiseMath.clip(x, p1, p2);
            case IS_NAN:
                return x != x ? 1 : 0;
            case IS_INF:
                return Double.isInfinite(x) ? 1 : 0;
            case IS_FINITE:
                return x == x && !Double.isInfinite(x) ? 1 : 0;
            case LOGICAL_NOT:
                return x != 0 ? 0 : 1;
            default:
                throw new IllegalStateException("unknown unary kernel " + code);
        }
    }

    /** float32 to float32: one plain loop per kernel. */
    private static void floatLoop(int code, float[] x, float[] o, int n, double p1, double p2) {
        switch (code) {
            case ABS:
                for (int i = 0; i < n; i++) {
                    o[i] = Math.abs(x[i]);
                }
                break;
            case NEG:
                for (int i = 0; i < n; i++) {
                    o[i] = -x[i];
                }
                break;
            case EXP:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.exp(x[i]);
                }
                break;
            case SQRT:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) Math.sqrt(x[i]);
                }
                break;
            case RSQRT:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) (1 / Math.sqrt(x[i]));
                }
                break;
            case SQUARE:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v * v;
                }
                break;
            case RECIPROCAL:
                for (int i = 0; i < n; i++) {
                    o[i] = 1 / x[i];
                }
                break;
            case FLOOR:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) Math.floor(x[i]);
                }
                break;
            case CEIL:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) Math.ceil(x[i]);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) (1 / (1 + ElementwiseMath.exp(-x[i])));
                }
                break;
            case RELU:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v > 0 || v != v ? v : 0;
                }
                break;
            case RELU6:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v > 0 ? (v < 6 ? v : 6) : (v != v ? v : 0);
                }
                break;
            case LEAKY_RELU:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v < 0 ? (float) (p1 * v) : v;
                }
                break;
            case STEP:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v != v ? v : (v > 0 ? 1 : (float) p1);
                }
                break;
            case CLIP:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = (float) (v > p2 ? p2 : (v < p1 ? p1 : v));
                }
                break;
            case EXPM1:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.expm1(x[i]);
                }
                break;
            case LOG:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.log(x[i]);
                }
                break;
            case LOG1P:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.log1p(x[i]);
                }
                break;
            case SIGN:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.sign(x[i]);
                }
                break;
            case ROUND:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.round(x[i]);
                }
                break;
            case SIN:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.sin(x[i]);
                }
                break;
            case COS:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.cos(x[i]);
                }
                break;
            case TAN:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.tan(x[i]);
                }
                break;
            case ASIN:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.asin(x[i]);
                }
                break;
            case ACOS:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.acos(x[i]);
                }
                break;
            case ATAN:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.atan(x[i]);
                }
                break;
            case SINH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.sinh(x[i]);
                }
                break;
            case COSH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.cosh(x[i]);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.tanh(x[i]);
                }
                break;
            case ASINH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.asinh(x[i]);
                }
                break;
            case ACOSH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.acosh(x[i]);
                }
                break;
            case ATANH:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.atanh(x[i]);
                }
                break;
            case ELU:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.elu(x[i]);
                }
                break;
            case SELU:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.selu(x[i]);
                }
                break;
            case SOFTPLUS:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.softplus(x[i]);
                }
                break;
            case ERF:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) ElementwiseMath.erf(x[i]);
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    o[i] = (float) apply(code, x[i], p1, p2);
                }
                break;
        }
    }

    private static int[] floatPredicate(int code, float[] x, int n) {
        int[] o = new int[n];
        switch (code) {
            case IS_NAN:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v != v ? 1 : 0;
                }
                break;
            case IS_INF:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v == Float.POSITIVE_INFINITY || v == Float.NEGATIVE_INFINITY ? 1 : 0;
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    float v = x[i];
                    o[i] = v - v == 0 ? 1 : 0;
                }
                break;
        }
        return o;
    }

    /**
     * Registers a CPU unary kernel computed by a lambda (for kernels outside this family);
     * {@code outDtype} null means "the input's dtype".
     */
    public static void register(String name, Op op, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            DType dtype = outDtype != null ? outDtype : x.dtype();
            Object xv = x.dataId().payload;
            int n = x.size();
            Object out;
            if (dtype == DType.FLOAT32) {
                float[] o = new float[n];
                if (xv instanceof float[]) {
                    float[] v = (float[]) xv;
                    for (int i = 0; i < n; i++) {
                        o[i] = (float) op.apply(v[i], attrs);
                    }
                } else {
                    int[] v = (int[]) xv;
                    for (int i = 0; i < n; i++) {
                        o[i] = (float) op.apply(v[i], attrs);
                    }
                }
                out = o;
            } else {
                int[] o = new int[n];
                boolean isBool = dtype == DType.BOOL;
                for (int i = 0; i < n; i++) {
                    double v = xv instanceof float[] ? ((float[]) xv)[i] : ((int[]) xv)[i];
                    double r = op.apply(v, attrs);
                    o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
                }
                out = o;
            }
            return new Tensor[] {Engine.get().makeTensor(out, x.shapeRef(), dtype, backend)};
        });
    }
}
