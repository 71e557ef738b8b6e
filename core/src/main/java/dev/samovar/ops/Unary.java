package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * Elementwise math and activations: tf.abs, exp, sin, relu, sigmoid, ...
 *
 * <p>Dtypes follow TF.js 4.22 op by op: the ops that TF.js converts as float32 ({@code log},
 * {@code sqrt}, {@code sin}, {@code sigmoid}, ...) reject int32 and bool tensors; the others keep the
 * input's dtype (an int32 {@code sinh} gives int32, truncated), except {@code exp} (float32 output),
 * {@code leakyRelu} and {@code prelu} (float32), {@code isNaN}/{@code isInf}/{@code isFinite}
 * (bool).
 */
public final class Unary {
    private Unary() {
    }

    /** An op that runs one kernel on a numeric tensor of any dtype. */
    private static Tensor numeric(String op, String kernel, Tensor x) {
        OpSupport.check(x, "x", op);
        return OpSupport.run(kernel, Attrs.EMPTY, x);
    }

    /** An op that TF.js converts with parseAsDtype 'float32': a tensor must be float32. */
    private static Tensor float32(String op, String kernel, Tensor x) {
        OpSupport.checkDtype(x, "x", op, DType.FLOAT32);
        return OpSupport.run(kernel, Attrs.EMPTY, x);
    }

    /** |x|; keeps the dtype (int32 values pass through float32, as in TF.js). */
    public static Tensor abs(Tensor x) {
        return numeric("abs", "Abs", x);
    }

    /** -x; keeps the dtype (a bool tensor is returned unchanged, as TF.js multiplies it by true). */
    public static Tensor neg(Tensor x) {
        return numeric("neg", "Neg", x);
    }

    /** e^x; int32 and bool inputs give float32. */
    public static Tensor exp(Tensor x) {
        return numeric("exp", "Exp", x);
    }

    /** e^x - 1; keeps the dtype. */
    public static Tensor expm1(Tensor x) {
        return numeric("expm1", "Expm1", x);
    }

    /** Natural logarithm; x must be float32. */
    public static Tensor log(Tensor x) {
        return float32("log", "Log", x);
    }

    /** log(1 + x); keeps the dtype. */
    public static Tensor log1p(Tensor x) {
        return numeric("log1p", "Log1p", x);
    }

    /** Square root; x must be float32. */
    public static Tensor sqrt(Tensor x) {
        return float32("sqrt", "Sqrt", x);
    }

    /** 1 / sqrt(x); x must be float32. */
    public static Tensor rsqrt(Tensor x) {
        return float32("rsqrt", "Rsqrt", x);
    }

    /** x * x; keeps the dtype. */
    public static Tensor square(Tensor x) {
        return numeric("square", "Square", x);
    }

    /** 1 / x; keeps the dtype. */
    public static Tensor reciprocal(Tensor x) {
        return numeric("reciprocal", "Reciprocal", x);
    }

    /** -1, 0 or 1 (0 for NaN); keeps the dtype. */
    public static Tensor sign(Tensor x) {
        return numeric("sign", "Sign", x);
    }

    /** Rounds down; x must be float32. */
    public static Tensor floor(Tensor x) {
        return float32("floor", "Floor", x);
    }

    /** Rounds up; x must be float32. */
    public static Tensor ceil(Tensor x) {
        return float32("ceil", "Ceil", x);
    }

    /** Rounds to the nearest integer, half to even; keeps the dtype. */
    public static Tensor round(Tensor x) {
        return numeric("round", "Round", x);
    }

    /** Sine; x must be float32. */
    public static Tensor sin(Tensor x) {
        return float32("sin", "Sin", x);
    }

    /** Cosine; x must be float32. */
    public static Tensor cos(Tensor x) {
        return float32("cos", "Cos", x);
    }

    /** Tangent; x must be float32. */
    public static Tensor tan(Tensor x) {
        return float32("tan", "Tan", x);
    }

    /** Arcsine; keeps the dtype. */
    public static Tensor asin(Tensor x) {
        return numeric("asin", "Asin", x);
    }

    /** Arccosine; keeps the dtype. */
    public static Tensor acos(Tensor x) {
        return numeric("acos", "Acos", x);
    }

    /** Arctangent; keeps the dtype. */
    public static Tensor atan(Tensor x) {
        return numeric("atan", "Atan", x);
    }

    /** Hyperbolic sine; keeps the dtype. */
    public static Tensor sinh(Tensor x) {
        return numeric("sinh", "Sinh", x);
    }

    /** Hyperbolic cosine; x must be float32. */
    public static Tensor cosh(Tensor x) {
        return float32("cosh", "Cosh", x);
    }

    /** Hyperbolic tangent; x must be float32. */
    public static Tensor tanh(Tensor x) {
        return float32("tanh", "Tanh", x);
    }

    /** Inverse hyperbolic sine; keeps the dtype. */
    public static Tensor asinh(Tensor x) {
        return numeric("asinh", "Asinh", x);
    }

    /** Inverse hyperbolic cosine; keeps the dtype. */
    public static Tensor acosh(Tensor x) {
        return numeric("acosh", "Acosh", x);
    }

    /** Inverse hyperbolic tangent; keeps the dtype. */
    public static Tensor atanh(Tensor x) {
        return numeric("atanh", "Atanh", x);
    }

    /** 1 / (1 + e^-x); x must be float32. */
    public static Tensor sigmoid(Tensor x) {
        return float32("sigmoid", "Sigmoid", x);
    }

    /** log(sigmoid(x)), computed as TF.js does: -softplus(-x). Keeps the dtype. */
    public static Tensor logSigmoid(Tensor x) {
        OpSupport.check(x, "x", "logSigmoid");
        return OpSupport.op("logSigmoid", () -> neg(softplus(neg(x))));
    }

    /** max(x, 0); keeps the dtype. */
    public static Tensor relu(Tensor x) {
        return numeric("relu", "Relu", x);
    }

    /** min(max(x, 0), 6); keeps the dtype. */
    public static Tensor relu6(Tensor x) {
        return numeric("relu6", "Relu6", x);
    }

    /** x if x &gt;= 0, else e^x - 1; x must be float32. */
    public static Tensor elu(Tensor x) {
        return float32("elu", "Elu", x);
    }

    /** Scaled exponential linear unit; keeps the dtype. */
    public static Tensor selu(Tensor x) {
        return numeric("selu", "Selu", x);
    }

    /** x if x &gt;= 0, else alpha * x; the result is float32. */
    public static Tensor leakyRelu(Tensor x, double alpha) {
        OpSupport.check(x, "x", "leakyRelu");
        return OpSupport.run("LeakyRelu", Attrs.of().put("alpha", alpha), x);
    }

    /** {@link #leakyRelu(Tensor, double)} with TF.js's default alpha, 0.2. */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.2);
    }

    /** x if x &gt;= 0, else alpha * x, with alpha broadcast against x; the result is float32. */
    public static Tensor prelu(Tensor x, Tensor alpha) {
        OpSupport.check(x, "x", "prelu");
        OpSupport.check(alpha, "alpha", "prelu");
        return OpSupport.run("Prelu", Attrs.EMPTY, x, alpha);
    }

    /** log(1 + e^x), with TF.js's thresholds; keeps the dtype. */
    public static Tensor softplus(Tensor x) {
        return numeric("softplus", "Softplus", x);
    }

    /** The error function (TF.js's polynomial approximation); int32 is cast to float32, bool fails. */
    public static Tensor erf(Tensor x) {
        OpSupport.check(x, "x", "erf");
        OpSupport.require(x.dtype() == DType.INT32 || x.dtype() == DType.FLOAT32,
                "Input dtype must be `int32` or `float32`.");
        return OpSupport.op("erf", () -> {
            Tensor f = x.dtype() == DType.INT32 ? Transform.cast(x, DType.FLOAT32) : x;
            return OpSupport.run("Erf", Attrs.EMPTY, f);
        });
    }

    /** 1 if x &gt; 0, else alpha (NaN stays NaN); keeps the dtype. */
    public static Tensor step(Tensor x, double alpha) {
        OpSupport.check(x, "x", "step");
        return OpSupport.run("Step", Attrs.of().put("alpha", alpha), x);
    }

    /** {@link #step(Tensor, double)} with TF.js's default alpha, 0. */
    public static Tensor step(Tensor x) {
        return step(x, 0);
    }

    /** Clips every element to [min, max]; keeps the dtype. */
    public static Tensor clipByValue(Tensor x, double min, double max) {
        OpSupport.check(x, "x", "clipByValue");
        OpSupport.require(min <= max, "Error in clip: min (" + JsNumber.toString(min)
                + ") must be less than or equal to max (" + JsNumber.toString(max) + ").");
        if (min == max) {
            return fill(x.shapeRef(), min, x.dtype());
        }
        return OpSupport.run("ClipByValue", Attrs.of().put("clipValueMin", min).put("clipValueMax", max), x);
    }

    /** 1 where x is NaN; a bool tensor. */
    public static Tensor isNaN(Tensor x) {
        return numeric("isNaN", "IsNan", x);
    }

    /** 1 where x is +-Infinity; a bool tensor. */
    public static Tensor isInf(Tensor x) {
        return numeric("isInf", "IsInf", x);
    }

    /** 1 where x is neither NaN nor infinite; a bool tensor. */
    public static Tensor isFinite(Tensor x) {
        return numeric("isFinite", "IsFinite", x);
    }

    /** tf.fill's values for a dtype: stored as a typed array of that dtype would store them. */
    private static Tensor fill(int[] shape, double value, DType dtype) {
        int size = Shapes.sizeFromShape(shape);
        if (dtype == DType.FLOAT32) {
            float[] v = new float[size];
            java.util.Arrays.fill(v, (float) value);
            return Engine.get().makeTensor(v, shape, dtype);
        }
        int[] v = new int[size];
        java.util.Arrays.fill(v, dtype == DType.BOOL ? JsNumber.toUint8(value) : JsNumber.toInt32(value));
        return Engine.get().makeTensor(v, shape, dtype);
    }
}
