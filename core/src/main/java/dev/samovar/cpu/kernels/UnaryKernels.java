package dev.samovar.cpu.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.Cpu;
import dev.samovar.cpu.CpuBackend;

/**
 * Elementwise unary kernels: each element computed in double precision, stored once in the output
 * dtype, as TF.js's CPU backend does (float32 rounds, int32 wraps as an Int32Array store, bool as a
 * Uint8Array store).
 *
 * <p>A float32 input runs through a plain loop of its own per kernel: one small method each, so
 * that the JavaScript engine compiles and keeps optimized code per kernel (a loop shared by all
 * kernels would be deoptimized each time another kernel ran through it). int32 and bool inputs go
 * through {@link #apply}.
 */
public final class UnaryKernels {
    /** The scalar function of a unary kernel; attributes (alpha, clip bounds) come with it. */
    @FunctionalInterface
    public interface Op {
        double apply(double x, Attrs attrs);
    }

    /** A float32-to-float32 loop; p1, p2: the kernel's parameters (alpha, clip bounds). */
    private interface FloatLoop {
        void run(float[] x, float[] o, int n, double p1, double p2);
    }

    /** A float32-to-bool loop. */
    private interface FloatToBoolLoop {
        void run(float[] x, int[] o, int n);
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
        register("Abs", ABS, null, UnaryKernels::absLoop, null);
        register("Neg", NEG, null, UnaryKernels::negLoop, null);
        register("Exp", EXP, DType.FLOAT32, UnaryKernels::expLoop, null);
        register("Expm1", EXPM1, null, UnaryKernels::expm1Loop, null);
        register("Log", LOG, null, UnaryKernels::logLoop, null);
        register("Log1p", LOG1P, null, UnaryKernels::log1pLoop, null);
        register("Sqrt", SQRT, null, UnaryKernels::sqrtLoop, null);
        register("Rsqrt", RSQRT, null, UnaryKernels::rsqrtLoop, null);
        register("Square", SQUARE, null, UnaryKernels::squareLoop, null);
        register("Reciprocal", RECIPROCAL, null, UnaryKernels::reciprocalLoop, null);
        register("Sign", SIGN, null, UnaryKernels::signLoop, null);
        register("Floor", FLOOR, null, UnaryKernels::floorLoop, null);
        register("Ceil", CEIL, null, UnaryKernels::ceilLoop, null);
        register("Round", ROUND, null, UnaryKernels::roundLoop, null);
        register("Sin", SIN, null, UnaryKernels::sinLoop, null);
        register("Cos", COS, null, UnaryKernels::cosLoop, null);
        register("Tan", TAN, null, UnaryKernels::tanLoop, null);
        register("Asin", ASIN, null, UnaryKernels::asinLoop, null);
        register("Acos", ACOS, null, UnaryKernels::acosLoop, null);
        register("Atan", ATAN, null, UnaryKernels::atanLoop, null);
        register("Sinh", SINH, null, UnaryKernels::sinhLoop, null);
        register("Cosh", COSH, null, UnaryKernels::coshLoop, null);
        register("Tanh", TANH, null, UnaryKernels::tanhLoop, null);
        register("Asinh", ASINH, null, UnaryKernels::asinhLoop, null);
        register("Acosh", ACOSH, null, UnaryKernels::acoshLoop, null);
        register("Atanh", ATANH, null, UnaryKernels::atanhLoop, null);
        register("Sigmoid", SIGMOID, null, UnaryKernels::sigmoidLoop, null);
        register("Relu", RELU, null, UnaryKernels::reluLoop, null);
        register("Relu6", RELU6, null, UnaryKernels::relu6Loop, null);
        register("Elu", ELU, null, UnaryKernels::eluLoop, null);
        register("Selu", SELU, null, UnaryKernels::seluLoop, null);
        register("LeakyRelu", LEAKY_RELU, DType.FLOAT32, UnaryKernels::leakyReluLoop, null);
        register("Softplus", SOFTPLUS, null, UnaryKernels::softplusLoop, null);
        register("Erf", ERF, null, UnaryKernels::erfLoop, null);
        register("Step", STEP, null, UnaryKernels::stepLoop, null);
        register("ClipByValue", CLIP, null, UnaryKernels::clipLoop, null);
        register("IsNan", IS_NAN, DType.BOOL, null, UnaryKernels::isNanLoop);
        register("IsInf", IS_INF, DType.BOOL, null, UnaryKernels::isInfLoop);
        register("IsFinite", IS_FINITE, DType.BOOL, null, UnaryKernels::isFiniteLoop);
        register("LogicalNot", LOGICAL_NOT, DType.BOOL, null, null);
    }

    private static void register(String name, int code, DType outDtype, FloatLoop floatLoop,
            FloatToBoolLoop boolLoop) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) ->
                new Tensor[] {compute(backend, code, inputs[0], attrs, outDtype, floatLoop, boolLoop)});
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

    private static Tensor compute(Backend backend, int code, Tensor x, Attrs attrs, DType outDtype,
            FloatLoop floatLoop, FloatToBoolLoop boolLoop) {
        DType dtype = outDtype != null ? outDtype : x.dtype();
        Object xv = x.dataId().payload;
        int n = x.size();
        double p1 = param1(code, attrs);
        double p2 = param2(code, attrs);
        Object out;
        if (code == NEG && dtype == DType.BOOL) {
            // TF.js multiplies by -1 made a bool (1): negating a bool tensor copies it.
            out = ((int[]) xv).clone();
        } else if (xv instanceof float[] && floatLoop != null) {
            float[] o = Cpu.newFloats(n);
            floatLoop.run((float[]) xv, o, n, p1, p2);
            out = o;
        } else if (xv instanceof float[] && boolLoop != null) {
            int[] o = Cpu.newInts(n);
            boolLoop.run((float[]) xv, o, n);
            out = o;
        } else if (dtype == DType.FLOAT32) {
            float[] o = Cpu.newFloats(n);
            int[] v = (int[]) xv;
            for (int i = 0; i < n; i++) {
                o[i] = (float) apply(code, v[i], p1, p2);
            }
            out = o;
        } else {
            int[] o = Cpu.newInts(n);
            boolean isBool = dtype == DType.BOOL;
            int[] v = (int[]) xv;
            // Abs and Square write a Float32Array whatever the dtype: int32 results round to float32.
            // (A float[] store rounds on every platform; TeaVM does not round a (float) cast.)
            float[] viaFloat = code == ABS || code == SQUARE ? Cpu.newFloats(1) : null;
            for (int i = 0; i < n; i++) {
                double r = apply(code, v[i], p1, p2);
                if (viaFloat != null) {
                    viaFloat[0] = (float) r;
                    r = viaFloat[0];
                }
                o[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
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

    private static void absLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = Math.abs(v);
        }
    }

    private static void negLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = -v;
        }
    }

    private static void expLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.exp(v);
        }
    }

    private static void expm1Loop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.expm1(v);
        }
    }

    private static void logLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.log(v);
        }
    }

    private static void log1pLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.log1p(v);
        }
    }

    private static void sqrtLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) Math.sqrt(v);
        }
    }

    private static void rsqrtLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) (1 / Math.sqrt(v));
        }
    }

    private static void squareLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v * v;
        }
    }

    private static void reciprocalLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = 1 / v;
        }
    }

    private static void signLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v < 0 ? -1 : (v > 0 ? 1 : 0);
        }
    }

    private static void floorLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) Math.floor(v);
        }
    }

    private static void ceilLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) Math.ceil(v);
        }
    }

    private static void roundLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.round(v);
        }
    }

    private static void sinLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.sin(v);
        }
    }

    private static void cosLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.cos(v);
        }
    }

    private static void tanLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.tan(v);
        }
    }

    private static void asinLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.asin(v);
        }
    }

    private static void acosLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.acos(v);
        }
    }

    private static void atanLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.atan(v);
        }
    }

    private static void sinhLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.sinh(v);
        }
    }

    private static void coshLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.cosh(v);
        }
    }

    private static void tanhLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.tanh(v);
        }
    }

    private static void asinhLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.asinh(v);
        }
    }

    private static void acoshLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.acosh(v);
        }
    }

    private static void atanhLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.atanh(v);
        }
    }

    private static void sigmoidLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) (1 / (1 + ElementwiseMath.exp(-v)));
        }
    }

    private static void reluLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v > 0 || v != v ? v : 0;
        }
    }

    private static void relu6Loop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v > 0 ? (v < 6 ? v : 6) : (v != v ? v : 0);
        }
    }

    private static void eluLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.elu(v);
        }
    }

    private static void seluLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.selu(v);
        }
    }

    private static void leakyReluLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v < 0 ? (float) (p1 * v) : v;
        }
    }

    private static void softplusLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.softplus(v);
        }
    }

    private static void erfLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) ElementwiseMath.erf(v);
        }
    }

    private static void stepLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v != v ? v : (v > 0 ? 1 : (float) p1);
        }
    }

    private static void clipLoop(float[] x, float[] o, int n, double p1, double p2) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = (float) (v > p2 ? p2 : (v < p1 ? p1 : v));
        }
    }

    private static void isNanLoop(float[] x, int[] o, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v != v ? 1 : 0;
        }
    }

    private static void isInfLoop(float[] x, int[] o, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v == Float.POSITIVE_INFINITY || v == Float.NEGATIVE_INFINITY ? 1 : 0;
        }
    }

    private static void isFiniteLoop(float[] x, int[] o, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[i];
            o[i] = v - v == 0 ? 1 : 0;
        }
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
                float[] o = Cpu.newFloats(n);
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
                int[] o = Cpu.newInts(n);
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
