package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;

/**
 * Unary, binary, comparison, logical, select, addN, cast and EluGrad kernels in GLSL. The GLSL
 * follows the cpu kernels' semantics (NaN and infinities included: GPU built-ins leave them
 * undefined, so edge cases are spelled out); float32 math runs in the GPU's float32.
 *
 * <p>Math kernels given int32 or bool inputs (rare: abs of an int tensor) run on the cpu, where
 * int32 arithmetic wraps as TF.js's does; comparisons, logic, select, casts, and int32 add, sub,
 * mul, maximum, minimum run here.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    /** Exact-in-float32 constants of the cpu kernels (TF.js's backend_util). */
    static final String CONSTANTS = "const float SELU_SCALE = 1.0507009873554805;\n"
            + "const float SELU_SCALE_ALPHA = 1.7580993408473768;\n"
            + "const float SOFTPLUS_THRESHOLD = -13.942385152878742;\n"
            + "const float ERF_P = 0.3275911;\nconst float ERF_A1 = 0.254829592;\nconst float ERF_A2 = -0.284496736;\n"
            + "const float ERF_A3 = 1.421413741;\nconst float ERF_A4 = -1.453152027;\nconst float ERF_A5 = 1.061405429;\n"
            // sin and cos after Cody-Waite reduction by pi/2 in three parts (exact products for
            // |k| < 2^15): the GPU's own sin/cos lose the few bits that matter near multiples of pi/2.
            + "vec2 sinCos(float x) {\n"
            + "  float k = floor(x * 0.6366197723675814 + 0.5);\n"
            + "  float r = ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;\n"
            // Taylor polynomials on |r| <= pi/4 (errors below 3e-8): SwiftShader's sin of a tiny
            // argument is off by about 1e-7 absolute, which matters right at multiples of pi/2.
            + "  float r2 = r * r;\n"
            + "  float s = r + r * r2 * (-0.16666666666666666 + r2 * (0.008333333333333333 + r2 * (-1.984126984126984e-4"
            + " + r2 * 2.755731922398589e-6)));\n"
            + "  float c = 1.0 + r2 * (-0.5 + r2 * (0.041666666666666664 + r2 * (-0.001388888888888889"
            + " + r2 * 2.48015873015873e-5)));\n"
            + "  int q = int(k - 4.0 * floor(k * 0.25));\n"
            + "  if (q == 0) return vec2(s, c);\n"
            + "  if (q == 1) return vec2(c, -s);\n"
            + "  if (q == 2) return vec2(-s, -c);\n"
            + "  return vec2(-c, s);\n"
            + "}\n";

    static void register() {
        unary("Abs", "return abs(a);", "return abs(a);");
        unary("Neg", "return -a;", "return -a;");
        unary("Exp", "return exp(a);", "return exp(a);");
        unary("Expm1", "float x = a; return abs(x) < 1e-3 ? x + 0.5 * x * x + x * x * x / 6.0 : exp(x) - 1.0;", null);
        unary("Log", "return a < 0.0 ? NAN : (a == 0.0 ? -INFINITY : log(a));", null);
        unary("Log1p", "if (a < -1.0) return NAN; if (a == -1.0) return -INFINITY; float u = 1.0 + a; if (u == 1.0) return a;"
                + " if (isInf(u)) return u; return abs(a) < 1e-4 ? a - 0.5 * a * a + a * a * a / 3.0 : log(u);", null);
        unary("Sqrt", "return a < 0.0 ? NAN : sqrt(a);", null);
        unary("Rsqrt", "return a < 0.0 ? NAN : 1.0 / sqrt(a);", null);
        unary("Square", "return a * a;", "return a * a;");
        unary("Reciprocal", "return 1.0 / a;", "return 1.0 / a;");
        // Sign of NaN is 0 (TF.js's cpu kernel): registered without the NaN guard of unary().
        register("Sign", (in, attrs) -> Elementwise.run("Sign", DType.FLOAT32,
                "return a < 0.0 ? -1.0 : (a > 0.0 ? 1.0 : 0.0);", null, in), false);
        unary("Floor", "return floor(a);", "return floor(a);");
        unary("Ceil", "return ceil(a);", "return ceil(a);");
        unary("Round", "return roundEven(a);", "return roundEven(a);");
        unary("Sin", "return isInf(a) ? NAN : sinCos(a).x;", null);
        unary("Cos", "return isInf(a) ? NAN : sinCos(a).y;", null);
        unary("Tan", "if (isInf(a)) return NAN; vec2 sc = sinCos(a); return sc.x / sc.y;", null);
        unary("Asin", "return abs(a) > 1.0 ? NAN : asin(a);", null);
        unary("Acos", "return abs(a) > 1.0 ? NAN : acos(a);", null);
        unary("Atan", "return isNaN(a) ? a : atan(a);", null);
        unary("Sinh", "if (isNaN(a)) return a; if (abs(a) < 1e-3) return a + a * a * a / 6.0;"
                + " if (abs(a) > 89.0) return a > 0.0 ? INFINITY : -INFINITY;"
                + " float e = exp(abs(a)); float s = 0.5 * (e - 1.0 / e); return a < 0.0 ? -s : s;", null);
        unary("Cosh", "if (isNaN(a)) return a; if (abs(a) > 89.0) return INFINITY;"
                + " float e = exp(abs(a)); return 0.5 * (e + 1.0 / e);", null);
        unary("Tanh", "if (isNaN(a)) return a; float e = exp(-2.0 * abs(a));"
                + " float t = abs(a) < 1e-3 ? abs(a) - abs(a) * abs(a) * abs(a) / 3.0 : (1.0 - e) / (1.0 + e);"
                + " return a < 0.0 ? -t : t;", null);
        unary("Asinh", "if (isNaN(a) || isInf(a)) return a; float x = abs(a);"
                + " float r = x > 1e9 ? log(x) + 0.6931471805599453 : (x < 1e-3 ? x - x * x * x / 6.0"
                + " : log(x + sqrt(x * x + 1.0))); return a < 0.0 ? -r : r;", null);
        unary("Acosh", "if (isNaN(a)) return a; if (a < 1.0) return NAN; if (isInf(a)) return a;"
                + " return a > 1e9 ? log(a) + 0.6931471805599453 : log(a + sqrt(a * a - 1.0));", null);
        unary("Atanh", "if (isNaN(a)) return a; float x = abs(a); if (x > 1.0) return NAN;"
                + " if (x == 1.0) return a > 0.0 ? INFINITY : -INFINITY;"
                + " float r = x < 1e-3 ? x + x * x * x / 3.0 : 0.5 * log((1.0 + x) / (1.0 - x));"
                + " return a < 0.0 ? -r : r;", null);
        unary("Sigmoid", "return 1.0 / (1.0 + exp(-a));", "return 1.0 / (1.0 + exp(-a));");
        unary("Relu", "return a > 0.0 || isNaN(a) ? a : 0.0;", null);
        unary("Relu6", "return a > 0.0 ? (a < 6.0 ? a : 6.0) : (isNaN(a) ? a : 0.0);", null);
        unary("Elu", "return a >= 0.0 ? a : exp(a) - 1.0;", null);
        unary("Selu", "return a >= 0.0 ? SELU_SCALE * a : SELU_SCALE_ALPHA * (exp(a) - 1.0);", null);
        unary("Softplus", "if (a < SOFTPLUS_THRESHOLD) return exp(a); if (a > -SOFTPLUS_THRESHOLD) return a;"
                + " return log(1.0 + exp(a));", null);
        unary("Erf", "float v = abs(a); float t = 1.0 / (1.0 + ERF_P * v);"
                + " float r = 1.0 - (((((ERF_A5 * t + ERF_A4) * t) + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t * exp(-v * v);"
                + " return isNaN(a) ? a : (a < 0.0 ? -r : (a > 0.0 ? r : 0.0));", null);
        register("LeakyRelu", (in, attrs) -> Elementwise.run("LeakyRelu", DType.FLOAT32,
                "return a < 0.0 ? ALPHA * a : a;", null, in, "ALPHA", attrs.getDouble("alpha")), false);
        register("Step", (in, attrs) -> Elementwise.run("Step", DType.FLOAT32,
                "return isNaN(a) ? a : (a > 0.0 ? 1.0 : ALPHA);", null, in, "ALPHA", attrs.getDouble("alpha")), false);
        register("ClipByValue", (in, attrs) -> Elementwise.run("ClipByValue", DType.FLOAT32,
                "return a > HI ? HI : (a < LO ? LO : a);", null, in, "LO", attrs.getDouble("clipValueMin"), "HI",
                attrs.getDouble("clipValueMax")), false);
        predicate("IsNan", "return isNaN(a) ? 1 : 0;");
        predicate("IsInf", "return isInf(a) ? 1 : 0;");
        predicate("IsFinite", "return isNaN(a) || isInf(a) ? 0 : 1;");
        Gpu.register("LogicalNot", (inputs, attrs, backend) -> Gpu.one(Elementwise.run("LogicalNot", DType.BOOL,
                "return a != 0 ? 0 : 1;", null, inputs)));

        // Binary: float32 forms; int forms where int32 arithmetic is exact and wraps as in JS.
        binary("Add", "return a + b;", "return a + b;", "return a + b;");
        binary("Sub", "return a - b;", "return a - b;", "return a - b;");
        // int32 products: TF.js rounds the double product before wrapping, which a 32-bit GPU multiply
        // does not reproduce; int32 Multiply runs on the cpu.
        binary("Multiply", "return a * b;", "return a * b;", null);
        binary("RealDiv", "return a / b;", "return a / b;", null);
        binary("Maximum", "return isNaN(a) || isNaN(b) ? NAN : max(a, b);", null, "return max(a, b);");
        binary("Minimum", "return isNaN(a) || isNaN(b) ? NAN : min(a, b);", null, "return min(a, b);");
        binary("SquaredDifference", "float d = a - b; return d * d;", "vec4 d = a - b; return d * d;",
                "int d = a - b; return d * d;", null);
        binary("Mod", "if (b == 0.0 || isNaN(a) || isNaN(b) || isInf(a)) return NAN; if (isInf(b))"
                + " return (a < 0.0) == (b < 0.0) || a == 0.0 ? a : b; return a - b * floor(a / b);", null, null);
        binary("Pow", "if (b == 0.0) return 1.0; if (isNaN(a) || isNaN(b)) return NAN;"
                + " bool odd = abs(b) < 16777216.0 && floor(b) == b && mod(b, 2.0) == 1.0;"
                + " if (a == 0.0) { if (b > 0.0) return odd ? a : 0.0; return odd && floatBitsToUint(a) != 0u"
                + " ? -INFINITY : INFINITY; }"
                + " if (isInf(a) && a < 0.0) return b > 0.0 ? (odd ? a : INFINITY) : (odd ? -0.0 : 0.0);"
                + " if (a < 0.0 && floor(b) != b && !isInf(b)) return NAN;"
                + " if (isInf(b)) { float m = abs(a); return m == 1.0 ? NAN : ((m > 1.0) == (b > 0.0) ? INFINITY : 0.0); }"
                + " float r = exp2(b * log2(abs(a))); return a < 0.0 && odd ? -r : r;", null, null);
        binary("Atan2", "if (isNaN(a) || isNaN(b)) return NAN; if (b == 0.0 && a == 0.0)"
                + " return floatBitsToUint(b) != 0u ? (floatBitsToUint(a) != 0u ? -3.141592653589793"
                + " : 3.141592653589793) : a; return atan(a, b);", null, null);
        Gpu.register("Prelu", (inputs, attrs, backend) -> {
            if (inputs[0].dtype() != DType.FLOAT32 || inputs[1].dtype() != DType.FLOAT32) {
                return Gpu.onCpu("Prelu", inputs, attrs);
            }
            return Gpu.one(Elementwise.run("Prelu", DType.FLOAT32, "return a < 0.0 ? b * a : a;", null, inputs));
        });
        Gpu.register("FloorDiv", (inputs, attrs, backend) -> {
            if (inputs[0].dtype() != DType.FLOAT32) {
                return Gpu.onCpu("FloorDiv", inputs, attrs);
            }
            return Gpu.one(Elementwise.run("FloorDiv", DType.INT32, "return toInt32(floor(a / b));", null, inputs));
        });
        compare("Equal", "==", "equal");
        compare("NotEqual", "!=", "notEqual");
        compare("Less", "<", "lessThan");
        compare("LessEqual", "<=", "lessThanEqual");
        compare("Greater", ">", "greaterThan");
        compare("GreaterEqual", ">=", "greaterThanEqual");
        Gpu.register("LogicalAnd", (inputs, attrs, backend) -> Gpu.one(Elementwise.run("LogicalAnd", DType.BOOL,
                "return a != 0 ? b : a;", null, inputs)));
        Gpu.register("LogicalOr", (inputs, attrs, backend) -> Gpu.one(Elementwise.run("LogicalOr", DType.BOOL,
                "return a != 0 ? a : b;", null, inputs)));
        Gpu.register("BitwiseAnd", (inputs, attrs, backend) -> {
            if (inputs[0].dtype() != DType.INT32) {
                return Gpu.onCpu("BitwiseAnd", inputs, attrs);
            }
            return Gpu.one(Elementwise.run("BitwiseAnd", DType.INT32, "return a & b;", "return a & b;", inputs));
        });

        Gpu.register("Select", ElementwiseKernels::select);
        Gpu.register("AddN", ElementwiseKernels::addN);
        Gpu.register("Cast", ElementwiseKernels::cast);
        Gpu.register("EluGrad", (inputs, attrs, backend) -> Gpu.one(Elementwise.run("EluGrad", DType.FLOAT32,
                "return b >= 0.0 ? a : a * (b + 1.0);", null, inputs)));
    }

    /** Float helpers every elementwise program may use. */
    static final String TO_INT32 = "int toInt32(float x) {\n"
            + "  if (isNaN(x) || isInf(x)) return 0;\n"
            + "  float t = x < 0.0 ? ceil(x) : floor(x);\n"
            + "  if (abs(t) < 2147483648.0) return int(t);\n"
            + "  float m = t - 4294967296.0 * floor(t / 4294967296.0);\n"
            + "  return m >= 2147483648.0 ? int(m - 4294967296.0) : int(m);\n"
            + "}\n";

    interface Op {
        Tensor run(Tensor[] inputs, Attrs attrs);
    }

    /** A float32 kernel; int32 / bool inputs go to the cpu unless {@code intOk}. */
    private static void register(String name, Op op, boolean intOk) {
        Gpu.register(name, (inputs, attrs, backend) -> {
            for (Tensor t : inputs) {
                if (t.dtype() != DType.FLOAT32 && !intOk) {
                    return Gpu.onCpu(name, inputs, attrs);
                }
            }
            return Gpu.one(op.run(inputs, attrs));
        });
    }

    /**
     * A float32 unary op. NaN in gives NaN out (GPU built-ins leave NaN undefined: SwiftShader's exp
     * of NaN is Infinity), so the body only handles numbers.
     */
    private static void unary(String name, String scalar, String vec) {
        String guardedScalar = "if (isNaN(a)) return a;\n" + scalar;
        String guardedVec = null;
        if (vec != null && vec.startsWith("return ") && vec.endsWith(";")) {
            guardedVec = "return mix(" + vec.substring(7, vec.length() - 1) + ", a, isNaN(a));";
        }
        String v = guardedVec;
        register(name, (in, attrs) -> Elementwise.run(name, DType.FLOAT32, guardedScalar, v, in), false);
    }

    private static void predicate(String name, String scalar) {
        register(name, (in, attrs) -> Elementwise.run(name, DType.BOOL, scalar, null, in), false);
    }

    private static void binary(String name, String floatScalar, String floatVec, String intScalar) {
        binary(name, floatScalar, floatVec, intScalar, intScalar);
    }

    private static void binary(String name, String floatScalar, String floatVec, String intScalar, String intVec) {
        Gpu.register(name, (inputs, attrs, backend) -> {
            DType d = inputs[0].dtype();
            if (d != inputs[1].dtype() || (d != DType.FLOAT32 && (intScalar == null || d == DType.BOOL))) {
                return Gpu.onCpu(name, inputs, attrs);
            }
            if (d == DType.FLOAT32) {
                return Gpu.one(Elementwise.run(name, d, floatScalar, floatVec, inputs));
            }
            return Gpu.one(Elementwise.run(name, d, intScalar, intVec, inputs));
        });
    }

    private static void compare(String name, String operator, String vecFn) {
        Gpu.register(name, (inputs, attrs, backend) -> {
            if (inputs[0].dtype() != inputs[1].dtype()) {
                return Gpu.onCpu(name, inputs, attrs);
            }
            return Gpu.one(Elementwise.run(name, DType.BOOL, "return a " + operator + " b ? 1 : 0;",
                    "return ivec4(" + vecFn + "(a, b));", inputs));
        });
    }

    private static Tensor[] select(Tensor[] inputs, Attrs attrs, dev.samovar.core.Backend backend) {
        Tensor c = inputs[0];
        Tensor t = inputs[1];
        Tensor e = inputs[2];
        if (t.dtype() != e.dtype()) {
            return Gpu.onCpu("Select", inputs, attrs);
        }
        String v = Elementwise.glVec(t.dtype());
        return Gpu.one(Elementwise.run("Select", t.dtype(), "return a == 1 ? b : c;",
                "return " + v + "(a.x == 1 ? b.x : c.x, a.y == 1 ? b.y : c.y, a.z == 1 ? b.z : c.z, a.w == 1 ? b.w : c.w);",
                inputs));
    }

    /** AddN: added in input order, at most 4 at a time (each partial sum stored as TF.js's is). */
    private static Tensor[] addN(Tensor[] inputs, Attrs attrs, dev.samovar.core.Backend backend) {
        DType d = inputs[0].dtype();
        if (d == DType.BOOL) {
            return Gpu.onCpu("AddN", inputs, attrs);
        }
        if (inputs.length == 1) {
            return Gpu.one(Engine.get().runKernel1("Identity", Attrs.EMPTY, inputs[0]));
        }
        Tensor acc = null;
        int i = 0;
        while (i < inputs.length) {
            int take = Math.min(acc == null ? 4 : 3, inputs.length - i);
            Tensor[] group = new Tensor[take + (acc == null ? 0 : 1)];
            int g = 0;
            if (acc != null) {
                group[g++] = acc;
            }
            for (int k = 0; k < take; k++) {
                group[g++] = inputs[i++];
            }
            String sum = group.length == 2 ? "return a + b;" : group.length == 3 ? "return a + b + c;"
                    : "return a + b + c + d;";
            Tensor next = group.length == 1 ? group[0] : Elementwise.run("AddN", d, sum, sum, group);
            if (acc != null) {
                acc.dispose();
            }
            acc = next;
        }
        return Gpu.one(acc);
    }

    private static Tensor[] cast(Tensor[] inputs, Attrs attrs, dev.samovar.core.Backend backend) {
        Tensor x = inputs[0];
        DType to = attrs.getDType("dtype");
        if (to == x.dtype() || (to == DType.INT32 && x.dtype() == DType.BOOL)) {
            return Gpu.one(Engine.get().makeTensorFromDataId(x.dataId(), x.shapeRef(), to));
        }
        if (to == DType.FLOAT32) {
            return Gpu.one(Elementwise.run("Cast", DType.FLOAT32, "return float(a);", "return vec4(a);", inputs));
        }
        if (x.dtype() == DType.FLOAT32) {
            if (to == DType.BOOL) {
                return Gpu.one(Elementwise.run("Cast", DType.BOOL, "return a != 0.0 ? 1 : 0;",
                        "return ivec4(notEqual(a, vec4(0.0)));", inputs));
            }
            return Gpu.one(Elementwise.run("Cast", DType.INT32, "return toInt32(a);", null, inputs));
        }
        return Gpu.one(Elementwise.run("Cast", DType.BOOL, "return a != 0 ? 1 : 0;",
                "return ivec4(notEqual(a, ivec4(0)));", inputs));
    }
}
