package dev.samovar.cpu.kernels;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.KernelRegistry;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.cpu.CpuBackend;

/**
 * Elementwise binary kernels with broadcasting. As in TF.js's CPU backend, each element is computed
 * in double precision and stored once in the output dtype (int32 wraps as an Int32Array does, bool
 * as a Uint8Array). The common float32 kernels run as plain loops (same shapes, one side a single
 * element, or broadcast through index maps computed once per call); the rest go through
 * {@link #apply}.
 */
public final class BinaryKernels {
    /** The scalar function of a binary kernel. */
    @FunctionalInterface
    public interface Op {
        double apply(double a, double b);
    }

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    static final int FLOOR_DIV = 4;
    static final int MOD = 5;
    static final int POW = 6;
    static final int MAXIMUM = 7;
    static final int MINIMUM = 8;
    static final int SQDIFF = 9;
    static final int ATAN2 = 10;
    static final int PRELU = 11;
    static final int EQUAL = 12;
    static final int NOT_EQUAL = 13;
    static final int LESS = 14;
    static final int LESS_EQUAL = 15;
    static final int GREATER = 16;
    static final int GREATER_EQUAL = 17;
    static final int LOGICAL_AND = 18;
    static final int LOGICAL_OR = 19;

    private BinaryKernels() {
    }

    static void register() {
        register("Add", ADD, null);
        register("Sub", SUB, null);
        register("Multiply", MUL, null);
        register("RealDiv", DIV, null);
        register("FloorDiv", FLOOR_DIV, DType.INT32);
        register("Mod", MOD, null);
        register("Pow", POW, null);
        register("Maximum", MAXIMUM, null);
        register("Minimum", MINIMUM, null);
        register("SquaredDifference", SQDIFF, null);
        register("Atan2", ATAN2, null);
        register("Prelu", PRELU, DType.FLOAT32);
        register("Equal", EQUAL, DType.BOOL);
        register("NotEqual", NOT_EQUAL, DType.BOOL);
        register("Less", LESS, DType.BOOL);
        register("LessEqual", LESS_EQUAL, DType.BOOL);
        register("Greater", GREATER, DType.BOOL);
        register("GreaterEqual", GREATER_EQUAL, DType.BOOL);
        register("LogicalAnd", LOGICAL_AND, DType.BOOL);
        register("LogicalOr", LOGICAL_OR, DType.BOOL);
    }

    private static void register(String name, int code, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {compute(backend, code, inputs[0], inputs[1], outDtype)});
    }

    /** The scalar function of kernel {@code code}, in double precision as JavaScript computes it. */
    static double apply(int code, double a, double b) {
        switch (code) {
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            case MUL:
                return a * b;
            case DIV:
                return a / b;
            case FLOOR_DIV:
                return Math.floor(a / b);
            case MOD:
                return ElementwiseMath.mod(a, b);
            case POW:
                return ElementwiseMath.pow(a, b);
            case MAXIMUM:
                return Math.max(a, b);
            case MINIMUM:
                return Math.min(a, b);
            case SQDIFF: {
                double d = a - b;
                return d * d;
            }
            case ATAN2:
                return ElementwiseMath.atan2(a, b);
            case PRELU:
                return a < 0 ? b * a : a;
            case EQUAL:
                return a == b ? 1 : 0;
            case NOT_EQUAL:
                return a != b ? 1 : 0;
            case LESS:
                return a < b ? 1 : 0;
            case LESS_EQUAL:
                return a <= b ? 1 : 0;
            case GREATER:
                return a > b ? 1 : 0;
            case GREATER_EQUAL:
                return a >= b ? 1 : 0;
            case LOGICAL_AND:
                return a != 0 ? b : a;
            case LOGICAL_OR:
                return a != 0 ? a : b;
            default:
                throw new IllegalStateException("unknown binary kernel " + code);
        }
    }

    /** Computes kernel {@code code} over the broadcast of {@code a} and {@code b}. */
    static Tensor compute(Backend backend, int code, Tensor a, Tensor b, DType outDtype) {
        int[] outShape = Shapes.broadcastShapes(a.shapeRef(), b.shapeRef());
        int n = Shapes.sizeFromShape(outShape);
        DType dtype = outDtype != null ? outDtype : a.dtype();
        Object av = a.dataId().payload;
        Object bv = b.dataId().payload;
        // An input with as many elements as the output has the output's shape (up to leading 1s).
        int[] ai = a.size() == n ? null : Broadcast.indexMap(a.shapeRef(), outShape, n);
        int[] bi = b.size() == n ? null : Broadcast.indexMap(b.shapeRef(), outShape, n);
        Object out = null;
        if (dtype == DType.FLOAT32) {
            float[] o = new float[n];
            if (av instanceof float[] && bv instanceof float[]
                    && floatArith(code, (float[]) av, (float[]) bv, o, n, ai, bi)) {
                out = o;
            }
        } else if (dtype == DType.BOOL && av instanceof float[] && bv instanceof float[]) {
            int[] o = new int[n];
            if (floatCompare(code, (float[]) av, (float[]) bv, o, n, ai, bi)) {
                out = o;
            }
        } else if (av instanceof int[] && bv instanceof int[]) {
            int[] o = new int[n];
            if (dtype == DType.BOOL ? intCompare(code, (int[]) av, (int[]) bv, o, n, ai, bi)
                    : intArith(code, (int[]) av, (int[]) bv, o, n, ai, bi)) {
                out = o;
            }
        }
        if (out == null) {
            out = generic(code, av, bv, n, ai, bi, dtype);
        }
        return Engine.get().makeTensor(out, outShape, dtype, backend);
    }

    /** Any kernel, any input payloads: {@link #apply} per element, stored in {@code dtype}. */
    private static Object generic(int code, Object av, Object bv, int n, int[] ai, int[] bi, DType dtype) {
        float[] xf = av instanceof float[] ? (float[]) av : null;
        int[] xi = av instanceof int[] ? (int[]) av : null;
        float[] yf = bv instanceof float[] ? (float[]) bv : null;
        int[] yi = bv instanceof int[] ? (int[]) bv : null;
        float[] of = dtype == DType.FLOAT32 ? new float[n] : null;
        int[] oi = of == null ? new int[n] : null;
        boolean isBool = dtype == DType.BOOL;
        for (int i = 0; i < n; i++) {
            int ia = ai == null ? i : ai[i];
            int ib = bi == null ? i : bi[i];
            double r = apply(code, xf != null ? xf[ia] : xi[ia], yf != null ? yf[ib] : yi[ib]);
            if (of != null) {
                of[i] = (float) r;
            } else {
                oi[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
            }
        }
        return of != null ? of : oi;
    }

    private static int[] identity(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    /** float32 inputs, float32 output: a plain loop per kernel and broadcast pattern; false if none. */
    private static boolean floatArith(int code, float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a * b;
                    }
                    return true;
                case DIV:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a / b;
                    }
                    return true;
                case MAXIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = Math.max(a, b);
                    }
                    return true;
                case MINIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = Math.min(a, b);
                    }
                    return true;
                case SQDIFF:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        double d = (double) a - b;
                        o[i] = (float) (d * d);
                    }
                    return true;
                case POW:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = (float) ElementwiseMath.pow(a, b);
                    }
                    return true;
                case MOD:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = (float) ElementwiseMath.mod(a, b);
                    }
                    return true;
                case ATAN2:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = (float) ElementwiseMath.atan2(a, b);
                    }
                    return true;
                case PRELU:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a < 0 ? b * a : a;
                    }
                    return true;
                default:
                    return false;
            }
        }
        if (ai == null && y.length == 1) {
            float s = y[0];
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = a * b;
                    }
                    return true;
                case DIV:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = a / b;
                    }
                    return true;
                case MAXIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = Math.max(a, b);
                    }
                    return true;
                case MINIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = Math.min(a, b);
                    }
                    return true;
                case SQDIFF:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        double d = (double) a - b;
                        o[i] = (float) (d * d);
                    }
                    return true;
                case POW:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = s;
                        o[i] = (float) ElementwiseMath.pow(a, b);
                    }
                    return true;
                default:
                    break;
            }
        }
        if (bi == null && x.length == 1) {
            float s = x[0];
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = a * b;
                    }
                    return true;
                case DIV:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = a / b;
                    }
                    return true;
                case MAXIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = Math.max(a, b);
                    }
                    return true;
                case MINIMUM:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = Math.min(a, b);
                    }
                    return true;
                case SQDIFF:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        double d = (double) a - b;
                        o[i] = (float) (d * d);
                    }
                    return true;
                case POW:
                    for (int i = 0; i < n; i++) {
                        float a = s;
                        float b = y[i];
                        o[i] = (float) ElementwiseMath.pow(a, b);
                    }
                    return true;
                default:
                    break;
            }
        }
        int[] am = ai != null ? ai : identity(n);
        int[] bm = bi != null ? bi : identity(n);
        switch (code) {
            case ADD:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a + b;
                }
                return true;
            case SUB:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a - b;
                }
                return true;
            case MUL:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a * b;
                }
                return true;
            case DIV:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a / b;
                }
                return true;
            case MAXIMUM:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = Math.max(a, b);
                }
                return true;
            case MINIMUM:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = Math.min(a, b);
                }
                return true;
            case SQDIFF:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    double d = (double) a - b;
                    o[i] = (float) (d * d);
                }
                return true;
            case POW:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = (float) ElementwiseMath.pow(a, b);
                }
                return true;
            case MOD:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = (float) ElementwiseMath.mod(a, b);
                }
                return true;
            case ATAN2:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = (float) ElementwiseMath.atan2(a, b);
                }
                return true;
            case PRELU:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a < 0 ? b * a : a;
                }
                return true;
            default:
                return false;
        }
    }

    /** Comparisons of float32 inputs (bool output); false for other kernels. */
    private static boolean floatCompare(int code, float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case EQUAL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a == b ? 1 : 0;
                    }
                    return true;
                case NOT_EQUAL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a != b ? 1 : 0;
                    }
                    return true;
                case LESS:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a < b ? 1 : 0;
                    }
                    return true;
                case LESS_EQUAL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a <= b ? 1 : 0;
                    }
                    return true;
                case GREATER:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a > b ? 1 : 0;
                    }
                    return true;
                case GREATER_EQUAL:
                    for (int i = 0; i < n; i++) {
                        float a = x[i];
                        float b = y[i];
                        o[i] = a >= b ? 1 : 0;
                    }
                    return true;
                default:
                    return false;
            }
        }
        int[] am = ai != null ? ai : identity(n);
        int[] bm = bi != null ? bi : identity(n);
        switch (code) {
            case EQUAL:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a == b ? 1 : 0;
                }
                return true;
            case NOT_EQUAL:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a != b ? 1 : 0;
                }
                return true;
            case LESS:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a < b ? 1 : 0;
                }
                return true;
            case LESS_EQUAL:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a <= b ? 1 : 0;
                }
                return true;
            case GREATER:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a > b ? 1 : 0;
                }
                return true;
            case GREATER_EQUAL:
                for (int i = 0; i < n; i++) {
                    float a = x[am[i]];
                    float b = y[bm[i]];
                    o[i] = a >= b ? 1 : 0;
                }
                return true;
            default:
                return false;
        }
    }

    /** Comparisons of int32 or bool inputs (bool output); false for other kernels. */
    private static boolean intCompare(int code, int[] x, int[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case EQUAL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a == b ? 1 : 0;
                    }
                    return true;
                case NOT_EQUAL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a != b ? 1 : 0;
                    }
                    return true;
                case LESS:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a < b ? 1 : 0;
                    }
                    return true;
                case LESS_EQUAL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a <= b ? 1 : 0;
                    }
                    return true;
                case GREATER:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a > b ? 1 : 0;
                    }
                    return true;
                case GREATER_EQUAL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a >= b ? 1 : 0;
                    }
                    return true;
                default:
                    return false;
            }
        }
        int[] am = ai != null ? ai : identity(n);
        int[] bm = bi != null ? bi : identity(n);
        switch (code) {
            case EQUAL:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a == b ? 1 : 0;
                }
                return true;
            case NOT_EQUAL:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a != b ? 1 : 0;
                }
                return true;
            case LESS:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a < b ? 1 : 0;
                }
                return true;
            case LESS_EQUAL:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a <= b ? 1 : 0;
                }
                return true;
            case GREATER:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a > b ? 1 : 0;
                }
                return true;
            case GREATER_EQUAL:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a >= b ? 1 : 0;
                }
                return true;
            default:
                return false;
        }
    }

    /** int32 inputs, int32 output: sums wrap as an Int32Array store does; products are rounded to a double first, as in JavaScript. */
    private static boolean intArith(int code, int[] x, int[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = JsNumber.toInt32((double) a * b);
                    }
                    return true;
                default:
                    return false;
            }
        }
        if (ai == null && y.length == 1) {
            int s = y[0];
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = s;
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = s;
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = s;
                        o[i] = JsNumber.toInt32((double) a * b);
                    }
                    return true;
                default:
                    break;
            }
        }
        if (bi == null && x.length == 1) {
            int s = x[0];
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        int a = s;
                        int b = y[i];
                        o[i] = a + b;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        int a = s;
                        int b = y[i];
                        o[i] = a - b;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        int a = s;
                        int b = y[i];
                        o[i] = JsNumber.toInt32((double) a * b);
                    }
                    return true;
                default:
                    break;
            }
        }
        int[] am = ai != null ? ai : identity(n);
        int[] bm = bi != null ? bi : identity(n);
        switch (code) {
            case ADD:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a + b;
                }
                return true;
            case SUB:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a - b;
                }
                return true;
            case MUL:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = JsNumber.toInt32((double) a * b);
                }
                return true;
            default:
                return false;
        }
    }

    /**
     * Registers a CPU binary kernel computed by a lambda (for kernels outside this family);
     * {@code outDtype} null means "the inputs' dtype" (the op has already made them match).
     */
    public static void register(String name, Op op, DType outDtype) {
        KernelRegistry.register(name, CpuBackend.NAME,
                (inputs, attrs, backend) -> new Tensor[] {compute(backend, inputs[0], inputs[1], op, outDtype)});
    }

    /** Computes {@code op} elementwise over the broadcast of {@code a} and {@code b}. */
    public static Tensor compute(Backend backend, Tensor a, Tensor b, Op op, DType outDtype) {
        int[] outShape = Shapes.broadcastShapes(a.shapeRef(), b.shapeRef());
        int n = Shapes.sizeFromShape(outShape);
        DType dtype = outDtype != null ? outDtype : a.dtype();
        Object av = a.dataId().payload;
        Object bv = b.dataId().payload;
        int[] ai = a.size() == n ? null : Broadcast.indexMap(a.shapeRef(), outShape, n);
        int[] bi = b.size() == n ? null : Broadcast.indexMap(b.shapeRef(), outShape, n);
        float[] of = dtype == DType.FLOAT32 ? new float[n] : null;
        int[] oi = of == null ? new int[n] : null;
        boolean isBool = dtype == DType.BOOL;
        for (int i = 0; i < n; i++) {
            double r = op.apply(at(av, ai == null ? i : ai[i]), at(bv, bi == null ? i : bi[i]));
            if (of != null) {
                of[i] = (float) r;
            } else {
                oi[i] = isBool ? JsNumber.toUint8(r) : JsNumber.toInt32(r);
            }
        }
        return Engine.get().makeTensor(of != null ? of : oi, outShape, dtype, backend);
    }

    private static double at(Object values, int i) {
        return values instanceof float[] ? ((float[]) values)[i] : ((int[]) values)[i];
    }
}
