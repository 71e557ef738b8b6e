package dev.samovar.cpu.kernels;

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
 * Elementwise binary kernels with broadcasting. As in TF.js's CPU backend, each element is computed
 * in double precision and stored once in the output dtype (int32 wraps as an Int32Array does, bool
 * as a Uint8Array).
 *
 * <p>float32 inputs run through plain loops: one method per kernel, so that the JavaScript engine
 * compiles and keeps optimized code per kernel, with one loop per broadcast pattern (same shapes,
 * a single element on one side, one side broadcast through an index map computed once per call).
 * int32 and bool inputs run through one loop per kernel family; other cases through {@link #apply}.
 */
public final class BinaryKernels {
    /** The scalar function of a binary kernel. */
    @FunctionalInterface
    public interface Op {
        double apply(double a, double b);
    }

    /** A float32 loop: ai / bi map output elements to input elements, null for the identity. */
    private interface FloatLoop {
        void run(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi);
    }

    /** float32 inputs, int output: comparisons (bool) and floorDiv (int32). */
    private interface FloatToIntLoop {
        void run(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi);
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
    static final int BITWISE_AND = 20;

    private BinaryKernels() {
    }

    static void register() {
        register("Add", ADD, null, BinaryKernels::addLoop, null);
        register("Sub", SUB, null, BinaryKernels::subLoop, null);
        register("Multiply", MUL, null, BinaryKernels::mulLoop, null);
        register("RealDiv", DIV, null, BinaryKernels::divLoop, null);
        register("FloorDiv", FLOOR_DIV, DType.INT32, null, BinaryKernels::floorDivLoop);
        register("Mod", MOD, null, BinaryKernels::modLoop, null);
        register("Pow", POW, null, BinaryKernels::powLoop, null);
        register("Maximum", MAXIMUM, null, BinaryKernels::maximumLoop, null);
        register("Minimum", MINIMUM, null, BinaryKernels::minimumLoop, null);
        register("SquaredDifference", SQDIFF, null, BinaryKernels::squaredDifferenceLoop, null);
        register("Atan2", ATAN2, null, BinaryKernels::atan2Loop, null);
        register("Prelu", PRELU, DType.FLOAT32, BinaryKernels::preluLoop, null);
        register("Equal", EQUAL, DType.BOOL, null, BinaryKernels::equalLoop);
        register("NotEqual", NOT_EQUAL, DType.BOOL, null, BinaryKernels::notEqualLoop);
        register("Less", LESS, DType.BOOL, null, BinaryKernels::lessLoop);
        register("LessEqual", LESS_EQUAL, DType.BOOL, null, BinaryKernels::lessEqualLoop);
        register("Greater", GREATER, DType.BOOL, null, BinaryKernels::greaterLoop);
        register("GreaterEqual", GREATER_EQUAL, DType.BOOL, null, BinaryKernels::greaterEqualLoop);
        register("LogicalAnd", LOGICAL_AND, DType.BOOL, null, null);
        register("LogicalOr", LOGICAL_OR, DType.BOOL, null, null);
        register("BitwiseAnd", BITWISE_AND, null, null, null);
    }

    private static void register(String name, int code, DType outDtype, FloatLoop floatLoop,
            FloatToIntLoop toIntLoop) {
        KernelRegistry.register(name, CpuBackend.NAME, (inputs, attrs, backend) ->
                new Tensor[] {compute(backend, code, inputs[0], inputs[1], outDtype, floatLoop, toIntLoop)});
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
            case BITWISE_AND:
                return (int) a & (int) b;
            default:
                throw new IllegalStateException("unknown binary kernel " + code);
        }
    }

    /** Computes kernel {@code code} over the broadcast of {@code a} and {@code b}. */
    private static Tensor compute(Backend backend, int code, Tensor a, Tensor b, DType outDtype,
            FloatLoop floatLoop, FloatToIntLoop toIntLoop) {
        int[] outShape = Shapes.broadcastShapes(a.shapeRef(), b.shapeRef());
        int n = Shapes.sizeFromShape(outShape);
        DType dtype = outDtype != null ? outDtype : a.dtype();
        Object av = a.dataId().payload;
        Object bv = b.dataId().payload;
        // An input with as many elements as the output has the output's shape (up to leading 1s).
        int[] ai = a.size() == n ? null : Broadcast.indexMap(a.shapeRef(), outShape, n);
        int[] bi = b.size() == n ? null : Broadcast.indexMap(b.shapeRef(), outShape, n);
        boolean floats = av instanceof float[] && bv instanceof float[];
        Object out = null;
        if (floats && dtype == DType.FLOAT32 && floatLoop != null) {
            float[] o = Cpu.newFloats(n);
            floatLoop.run((float[]) av, (float[]) bv, o, n, ai, bi);
            out = o;
        } else if (floats && toIntLoop != null) {
            int[] o = Cpu.newInts(n);
            toIntLoop.run((float[]) av, (float[]) bv, o, n, ai, bi);
            out = o;
        } else if (av instanceof int[] && bv instanceof int[] && dtype != DType.FLOAT32) {
            int[] o = Cpu.newInts(n);
            if (dtype == DType.BOOL ? intToBool(code, (int[]) av, (int[]) bv, o, n, ai, bi)
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
        float[] of = dtype == DType.FLOAT32 ? Cpu.newFloats(n) : null;
        int[] oi = of == null ? Cpu.newInts(n) : null;
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
        int[] m = Cpu.newInts(n);
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    /** float32 loops, one method per kernel (see the class comment), one loop per broadcast pattern. */
    private static void addLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] + y[i];
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] + s;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s + y[i];
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] + y[bi[i]];
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] + y[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] + y[bi[i]];
            }
        }
    }

    /** float32 sub. */
    private static void subLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] - y[i];
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] - s;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s - y[i];
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] - y[bi[i]];
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] - y[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] - y[bi[i]];
            }
        }
    }

    /** float32 mul. */
    private static void mulLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] * y[i];
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] * s;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s * y[i];
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] * y[bi[i]];
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] * y[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] * y[bi[i]];
            }
        }
    }

    /** float32 div. */
    private static void divLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] / y[i];
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] / s;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s / y[i];
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] / y[bi[i]];
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] / y[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] / y[bi[i]];
            }
        }
    }

    /** float32 maximum. */
    private static void maximumLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(x[i], y[i]);
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(x[i], s);
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(s, y[i]);
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(x[i], y[bi[i]]);
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(x[ai[i]], y[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = Math.max(x[ai[i]], y[bi[i]]);
            }
        }
    }

    /** float32 minimum. */
    private static void minimumLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(x[i], y[i]);
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(x[i], s);
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(s, y[i]);
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(x[i], y[bi[i]]);
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(x[ai[i]], y[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = Math.min(x[ai[i]], y[bi[i]]);
            }
        }
    }

    /** float32 squaredDifference. */
    private static void squaredDifferenceLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                double d = (double) x[i] - y[i];
                o[i] = (float) (d * d);
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                double d = (double) x[i] - s;
                o[i] = (float) (d * d);
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                double d = (double) s - y[i];
                o[i] = (float) (d * d);
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                double d = (double) x[i] - y[bi[i]];
                o[i] = (float) (d * d);
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                double d = (double) x[ai[i]] - y[i];
                o[i] = (float) (d * d);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double d = (double) x[ai[i]] - y[bi[i]];
                o[i] = (float) (d * d);
            }
        }
    }

    /** float32 pow. */
    private static void powLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.pow(x[i], y[i]);
            }
        } else {
            int[] am = ai != null ? ai : identity(n);
            int[] bm = bi != null ? bi : identity(n);
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.pow(x[am[i]], y[bm[i]]);
            }
        }
    }

    /** float32 mod. */
    private static void modLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.mod(x[i], y[i]);
            }
        } else {
            int[] am = ai != null ? ai : identity(n);
            int[] bm = bi != null ? bi : identity(n);
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.mod(x[am[i]], y[bm[i]]);
            }
        }
    }

    /** float32 atan2. */
    private static void atan2Loop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.atan2(x[i], y[i]);
            }
        } else {
            int[] am = ai != null ? ai : identity(n);
            int[] bm = bi != null ? bi : identity(n);
            for (int i = 0; i < n; i++) {
                o[i] = (float) ElementwiseMath.atan2(x[am[i]], y[bm[i]]);
            }
        }
    }

    /** float32 prelu. */
    private static void preluLoop(float[] x, float[] y, float[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                float a = x[i];
                float b = y[i];
                o[i] = a < 0 ? b * a : a;
            }
        } else {
            int[] am = ai != null ? ai : identity(n);
            int[] bm = bi != null ? bi : identity(n);
            for (int i = 0; i < n; i++) {
                float a = x[am[i]];
                float b = y[bm[i]];
                o[i] = a < 0 ? b * a : a;
            }
        }
    }

    /** float32 equal, bool output. */
    private static void equalLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] == y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] == s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s == y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] == y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] == y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] == y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 notEqual, bool output. */
    private static void notEqualLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] != y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] != s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s != y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] != y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] != y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] != y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 less, bool output. */
    private static void lessLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] < y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] < s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s < y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] < y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] < y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] < y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 lessEqual, bool output. */
    private static void lessEqualLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] <= y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] <= s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s <= y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] <= y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] <= y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] <= y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 greater, bool output. */
    private static void greaterLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] > y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] > s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s > y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] > y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] > y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] > y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 greaterEqual, bool output. */
    private static void greaterEqualLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] >= y[i] ? 1 : 0;
            }
        } else if (ai == null && y.length == 1) {
            float s = y[0];
            for (int i = 0; i < n; i++) {
                o[i] = x[i] >= s ? 1 : 0;
            }
        } else if (bi == null && x.length == 1) {
            float s = x[0];
            for (int i = 0; i < n; i++) {
                o[i] = s >= y[i] ? 1 : 0;
            }
        } else if (ai == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[i] >= y[bi[i]] ? 1 : 0;
            }
        } else if (bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] >= y[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                o[i] = x[ai[i]] >= y[bi[i]] ? 1 : 0;
            }
        }
    }

    /** float32 floorDiv, int32 output. */
    private static void floorDivLoop(float[] x, float[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            for (int i = 0; i < n; i++) {
                o[i] = JsNumber.toInt32(Math.floor((double) x[i] / y[i]));
            }
        } else {
            int[] am = ai != null ? ai : identity(n);
            int[] bm = bi != null ? bi : identity(n);
            for (int i = 0; i < n; i++) {
                o[i] = JsNumber.toInt32(Math.floor((double) x[am[i]] / y[bm[i]]));
            }
        }
    }

    /**
     * Comparisons of int32 or bool inputs and logical ops of bool inputs (bool output); false for
     * other kernels.
     */
    private static boolean intToBool(int code, int[] x, int[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case EQUAL:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] == y[i] ? 1 : 0;
                    }
                    return true;
                case NOT_EQUAL:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] != y[i] ? 1 : 0;
                    }
                    return true;
                case LESS:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] < y[i] ? 1 : 0;
                    }
                    return true;
                case LESS_EQUAL:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] <= y[i] ? 1 : 0;
                    }
                    return true;
                case GREATER:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] > y[i] ? 1 : 0;
                    }
                    return true;
                case GREATER_EQUAL:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] >= y[i] ? 1 : 0;
                    }
                    return true;
                case LOGICAL_AND:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a != 0 ? b : a;
                    }
                    return true;
                case LOGICAL_OR:
                    for (int i = 0; i < n; i++) {
                        int a = x[i];
                        int b = y[i];
                        o[i] = a != 0 ? a : b;
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
                    o[i] = x[am[i]] == y[bm[i]] ? 1 : 0;
                }
                return true;
            case NOT_EQUAL:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] != y[bm[i]] ? 1 : 0;
                }
                return true;
            case LESS:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] < y[bm[i]] ? 1 : 0;
                }
                return true;
            case LESS_EQUAL:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] <= y[bm[i]] ? 1 : 0;
                }
                return true;
            case GREATER:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] > y[bm[i]] ? 1 : 0;
                }
                return true;
            case GREATER_EQUAL:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] >= y[bm[i]] ? 1 : 0;
                }
                return true;
            case LOGICAL_AND:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a != 0 ? b : a;
                }
                return true;
            case LOGICAL_OR:
                for (int i = 0; i < n; i++) {
                    int a = x[am[i]];
                    int b = y[bm[i]];
                    o[i] = a != 0 ? a : b;
                }
                return true;
            default:
                return false;
        }
    }

    /**
     * int32 inputs, int32 output: sums wrap as an Int32Array store does; products and quotients are
     * rounded to a double first, as in JavaScript. False for other kernels.
     */
    private static boolean intArith(int code, int[] x, int[] y, int[] o, int n, int[] ai, int[] bi) {
        if (ai == null && bi == null) {
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] + y[i];
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] - y[i];
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32((double) x[i] * y[i]);
                    }
                    return true;
                case FLOOR_DIV:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32(Math.floor((double) x[i] / y[i]));
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
                        o[i] = x[i] + s;
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] - s;
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32((double) x[i] * s);
                    }
                    return true;
                case FLOOR_DIV:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32(Math.floor((double) x[i] / s));
                    }
                    return true;
                default:
                    break;
            }
        } else if (bi == null && x.length == 1) {
            int s = x[0];
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        o[i] = s + y[i];
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        o[i] = s - y[i];
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32((double) s * y[i]);
                    }
                    return true;
                case FLOOR_DIV:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32(Math.floor((double) s / y[i]));
                    }
                    return true;
                default:
                    break;
            }
        }
        if (ai == null) {
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] + y[bi[i]];
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[i] - y[bi[i]];
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32((double) x[i] * y[bi[i]]);
                    }
                    return true;
                case FLOOR_DIV:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32(Math.floor((double) x[i] / y[bi[i]]));
                    }
                    return true;
                default:
                    break;
            }
        } else if (bi == null) {
            switch (code) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[ai[i]] + y[i];
                    }
                    return true;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        o[i] = x[ai[i]] - y[i];
                    }
                    return true;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32((double) x[ai[i]] * y[i]);
                    }
                    return true;
                case FLOOR_DIV:
                    for (int i = 0; i < n; i++) {
                        o[i] = JsNumber.toInt32(Math.floor((double) x[ai[i]] / y[i]));
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
                    o[i] = x[am[i]] + y[bm[i]];
                }
                return true;
            case SUB:
                for (int i = 0; i < n; i++) {
                    o[i] = x[am[i]] - y[bm[i]];
                }
                return true;
            case MUL:
                for (int i = 0; i < n; i++) {
                    o[i] = JsNumber.toInt32((double) x[am[i]] * y[bm[i]]);
                }
                return true;
            case FLOOR_DIV:
                for (int i = 0; i < n; i++) {
                    o[i] = JsNumber.toInt32(Math.floor((double) x[am[i]] / y[bm[i]]));
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
        float[] of = dtype == DType.FLOAT32 ? Cpu.newFloats(n) : null;
        int[] oi = of == null ? Cpu.newInts(n) : null;
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
