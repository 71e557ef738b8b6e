package dev.samovar.webgl.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;
import dev.samovar.webgl.TexData;

/**
 * Small helpers of the shape, pooling, normalization and backward kernels: GLSL text for a dtype,
 * reshaping a kernel's own result, and the CPU copy of small index tensors.
 */
final class Glsl {
    private Glsl() {
    }

    /** "float" or "int": the scalar type programs read and write for {@code d}. */
    static String type(DType d) {
        return d == DType.FLOAT32 ? "float" : "int";
    }

    /** The zero literal of {@code d}'s GLSL type. */
    static String zero(DType d) {
        return d == DType.FLOAT32 ? "0.0" : "0";
    }

    /**
     * Adds a uniform named {@code name} holding {@code value} as a tensor of {@code d} stores it:
     * float32 rounded, int32 wrapped, bool as a Uint8Array stores it.
     */
    static Program valueParam(Program p, String name, double value, DType d) {
        if (d == DType.FLOAT32) {
            return p.uniformFloat(name, (float) value);
        }
        return p.uniformInt(name, d == DType.BOOL ? JsNumber.toUint8(value) : JsNumber.toInt32(value));
    }

    /** {@code t} seen with another shape (the buffer is shared; {@code t} is disposed). */
    static Tensor reshape(Tensor t, int[] shape) {
        if (dev.samovar.core.Shapes.equal(t.shapeRef(), shape)) {
            return t;
        }
        Tensor r = Engine.get().makeTensorFromDataId(t.dataId(), shape, t.dtype());
        t.dispose();
        return r;
    }

    /** {@code t} itself under another shape, sharing its buffer ({@code t} stays alive). */
    static Tensor view(Tensor t, int[] shape) {
        return Engine.get().makeTensorFromDataId(t.dataId(), shape, t.dtype());
    }

    /** The int values of an int32 tensor when the CPU already holds them (no download), else null. */
    static int[] cpuInts(Tensor t) {
        Object v = t.dataId().payload instanceof TexData ? ((TexData) t.dataId().payload).cpuValues() : null;
        return v instanceof int[] ? (int[]) v : null;
    }

    /** "name(c0 + off0, c1 + off1, ...)" style argument lists joined by commas. */
    static String join(String[] parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }
}
