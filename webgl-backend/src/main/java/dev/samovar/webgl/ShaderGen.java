package dev.samovar.webgl;

import dev.samovar.core.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the fragment shader of a {@link Program}: the prelude, the sampling helpers of each
 * input, the output's coordinates and the main function around the program's snippet.
 *
 * <p>One pass of {@link #emit} builds the program's cache key and uniform values, and, on a cache
 * miss, its source: everything the source depends on goes through {@link #token} or a declaration
 * ({@link #declInt}), so equal keys mean equal sources (the key holds the snippet, the structure and
 * the constants, not the generated text).
 */
final class ShaderGen {
    static final String PRELUDE = "#version 300 es\n"
            + "precision highp float;\nprecision highp int;\nprecision highp sampler2D;\nprecision highp isampler2D;\n"
            + "uniform float NAN;\nuniform float INFINITY;\n"
            + "bool isNaN(float v) { return (floatBitsToUint(v) & 0x7fffffffu) > 0x7f800000u; }\n"
            + "bvec4 isNaN(vec4 v) { return greaterThan(floatBitsToUint(v) & uvec4(0x7fffffffu), uvec4(0x7f800000u)); }\n"
            + "bool hasNaN(vec4 v) { return any(isNaN(v)); }\n"
            + "bool isInf(float v) { return (floatBitsToUint(v) & 0x7fffffffu) == 0x7f800000u; }\n"
            + "int imod(int a, int b) { return a - b * (a / b); }\n";

    /** Uniform values of one run, in emission order. */
    static final class Uniforms {
        final List<String> names = new ArrayList<>(16);
        /** 0: int, 1: float, 2: vec2, 3: sampler unit. */
        final List<Integer> kinds = new ArrayList<>(16);
        final List<double[]> values = new ArrayList<>(16);

        void add(String name, int kind, double... v) {
            names.add(name);
            kinds.add(kind);
            values.add(v);
        }
    }

    private final Program p;
    private final Texture[] tex;
    private final int[][] inShapes;
    private final int outW;
    private final int outH;
    private final StringBuilder src;
    final StringBuilder key = new StringBuilder(128);
    final Uniforms uniforms = new Uniforms();

    private ShaderGen(Program p, Texture[] tex, int[][] inShapes, int outW, int outH, boolean withSource) {
        this.p = p;
        this.tex = tex;
        this.inShapes = inShapes;
        this.outW = outW;
        this.outH = outH;
        this.src = withSource ? new StringBuilder(4096) : null;
    }

    /** The key and uniforms of a run (no source). */
    static ShaderGen keyOf(Program p, Texture[] tex, int[][] inShapes, int outW, int outH) {
        ShaderGen g = new ShaderGen(p, tex, inShapes, outW, outH, false);
        g.emit();
        return g;
    }

    /** The fragment shader source of a run. */
    static String sourceOf(Program p, Texture[] tex, int[][] inShapes, int outW, int outH) {
        ShaderGen g = new ShaderGen(p, tex, inShapes, outW, outH, true);
        g.emit();
        return g.src.toString();
    }

    private void text(String s) {
        if (src != null) {
            src.append(s);
        }
    }

    private void token(String s) {
        key.append(s).append(';');
    }

    /** An int: a constant in the source (its value joins the key) or a uniform. */
    private void declInt(String name, int value, boolean uniform) {
        if (uniform) {
            key.append(name).append(":u;");
            uniforms.add(name, 0, value);
            text("uniform int " + name + ";\n");
        } else {
            key.append(name).append('=').append(value).append(';');
            text("const int " + name + " = " + value + ";\n");
        }
    }

    private void declFloat(String name, double value, boolean uniform) {
        if (uniform || Double.isNaN(value) || Double.isInfinite(value)) {
            key.append(name).append(":uf;");
            uniforms.add(name, 1, value);
            text("uniform float " + name + ";\n");
        } else {
            key.append(name).append('=').append(value).append(';');
            text("const float " + name + " = " + glFloat(value) + ";\n");
        }
    }

    private void declVec2(String name, double x, double y, boolean uniform) {
        if (uniform) {
            key.append(name).append(":u2;");
            uniforms.add(name, 2, x, y);
            text("uniform vec2 " + name + ";\n");
        } else {
            key.append(name).append('=').append(x).append(',').append(y).append(';');
            text("const vec2 " + name + " = vec2(" + glFloat(x) + ", " + glFloat(y) + ");\n");
        }
    }

    /** A float literal GLSL accepts (always with a point or an exponent). */
    static String glFloat(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        String s = Double.toString(v);
        return s.indexOf('.') >= 0 || s.indexOf('E') >= 0 || s.indexOf('e') >= 0 ? s : s + ".0";
    }

    private void emit() {
        boolean outInt = p.outDtype != DType.FLOAT32;
        boolean uni = p.uniformShapes;
        int rank = p.outShape.length;
        int outSize = 1;
        for (int d : p.outShape) {
            outSize *= d;
        }
        token(p.mode.name());
        token(outInt ? "oi" : "of");
        token("r" + rank);
        text(PRELUDE);
        if (p.mode == Program.Mode.BLOCK) {
            for (int q = 0; q < Program.BLOCK_ROWS; q++) {
                text("layout(location = " + q + ") out vec4 outColor" + q + ";\n");
            }
        } else {
            text(outInt ? "out ivec4 outColor;\n" : "out vec4 outColor;\n");
        }
        declInt("OUT_W", outW, uni);
        declInt("OUT_SIZE", outSize, uni);
        int stride = 1;
        int[] outStrides = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            outStrides[i] = stride;
            stride *= p.outShape[i];
        }
        for (int i = 0; i < rank - 1; i++) {
            declInt("OUT_S" + i, outStrides[i], uni);
        }
        for (Program.Param q : p.params) {
            if (q.isFloat) {
                declFloat(q.name, q.value, q.uniform);
            } else {
                declInt(q.name, (int) q.value, q.uniform);
            }
        }
        for (int i = 0; i < tex.length; i++) {
            emitInput(i, p.inputNames.get(i), tex[i], inShapes[i], uni);
        }
        key.append(p.functions).append('\u0001').append(p.body);
        text(p.functions);
        text("\n");
        String scalar = outInt ? "int" : "float";
        String vec = outInt ? "ivec4" : "vec4";
        if (p.mode == Program.Mode.ELEMENT) {
            StringBuilder params = new StringBuilder("int idx");
            StringBuilder args = new StringBuilder("idx");
            for (int i = 0; i < rank; i++) {
                params.append(", int c").append(i);
                args.append(", c").append(i);
            }
            text(scalar + " compute(" + params + ") {\n" + p.body + "\n}\n");
            StringBuilder at = new StringBuilder(scalar + " computeAt(int idx) {\n");
            if (rank > 1) {
                at.append("  int r = idx;\n");
                for (int i = 0; i < rank - 1; i++) {
                    at.append("  int c").append(i).append(" = r / OUT_S").append(i).append("; r -= c").append(i)
                            .append(" * OUT_S").append(i).append(";\n");
                }
                at.append("  int c").append(rank - 1).append(" = r;\n");
            } else if (rank == 1) {
                at.append("  int c0 = idx;\n");
            }
            at.append("  return compute(").append(args).append(");\n}\n");
            text(at.toString());
            text("void main() {\n"
                    + "  int t = int(gl_FragCoord.y) * OUT_W + int(gl_FragCoord.x);\n"
                    + "  int i = t * 4;\n"
                    + "  " + vec + " r = " + vec + "(0);\n"
                    + "  if (i < OUT_SIZE) r.x = computeAt(i);\n"
                    + "  if (i + 1 < OUT_SIZE) r.y = computeAt(i + 1);\n"
                    + "  if (i + 2 < OUT_SIZE) r.z = computeAt(i + 2);\n"
                    + "  if (i + 3 < OUT_SIZE) r.w = computeAt(i + 3);\n"
                    + "  outColor = r;\n}\n");
        } else if (p.mode == Program.Mode.BLOCK) {
            StringBuilder sig = new StringBuilder("void computeBlock(int row0, int c4");
            StringBuilder call = new StringBuilder("  computeBlock(int(gl_FragCoord.y) * " + Program.BLOCK_ROWS
                    + ", int(gl_FragCoord.x)");
            for (int q = 0; q < Program.BLOCK_ROWS; q++) {
                sig.append(", out vec4 r").append(q);
                call.append(", outColor").append(q);
            }
            text(sig + ") {\n" + p.body + "\n}\n");
            text("void main() {\n" + call + ");\n}\n");
        } else {
            text(vec + " computeTexel(int t, int x, int y) {\n" + p.body + "\n}\n");
            text("void main() {\n  int x = int(gl_FragCoord.x);\n  int y = int(gl_FragCoord.y);\n"
                    + "  outColor = computeTexel(y * OUT_W + x, x, y);\n}\n");
        }
    }

    private void emitInput(int unit, String n, Texture t, int[] shape, boolean uni) {
        boolean isInt = t.isInt;
        int rank = shape.length;
        int c = rank == 0 ? 1 : shape[rank - 1];
        boolean aligned = Layout.rowAligned(t.width, c);
        boolean direct = aligned && t.width == c / 4;
        token(n + (isInt ? "i" : "f") + rank + (aligned ? (direct ? "d" : "a") : ""));
        uniforms.add(n, 3, unit);
        String sampler = isInt ? "isampler2D" : "sampler2D";
        String vec = isInt ? "ivec4" : "vec4";
        String scalar = isInt ? "int" : "float";
        text("uniform " + sampler + " " + n + ";\n");
        declInt(n + "_W", t.width, uni);
        declVec2(n + "_INV", 1.0 / t.width, 1.0 / t.height, uni);
        int stride = 1;
        int[] strides = new int[rank];
        for (int i = rank - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        for (int i = 0; i < rank - 1; i++) {
            declInt(n + "_S" + i, strides[i], uni);
        }
        if (aligned) {
            declInt(n + "_C4", c / 4, uni);
        }
        // texelFetch: integer coordinates, no filtering or normalization (cheaper than texture()).
        text(vec + " " + n + "_texelXY(int x, int y) { return texelFetch(" + n + ", ivec2(x, y), 0); }\n");
        text(vec + " " + n + "_texel(int t) { int y = t / " + n + "_W; return " + n + "_texelXY(t - y * " + n
                + "_W, y); }\n");
        text(scalar + " " + n + "_at(int i) { return " + n + "_texel(i >> 2)[i & 3]; }\n");
        StringBuilder params = new StringBuilder();
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < rank; i++) {
            if (i > 0) {
                params.append(", ");
                index.append(" + ");
            }
            params.append("int c").append(i);
            index.append("c").append(i);
            if (i < rank - 1) {
                index.append(" * ").append(n).append("_S").append(i);
            }
        }
        text(scalar + " get" + n + "(" + params + ") { return " + n + "_at(" + (rank == 0 ? "0" : index.toString())
                + "); }\n");
        if (aligned) {
            // Where row `row` starts: its texel c4 is at (base.x + c4, base.y) (rows never wrap).
            if (direct) {
                text("ivec2 " + n + "_rowBase(int row) { return ivec2(0, row); }\n");
            } else {
                text("ivec2 " + n + "_rowBase(int row) { int t = row * " + n + "_C4; int y = t / " + n + "_W; "
                        + "return ivec2(t - y * " + n + "_W, y); }\n");
            }
            // The base of the next row, without a division.
            text("ivec2 " + n + "_nextRow(ivec2 b) { b.x += " + n + "_C4; if (b.x >= " + n + "_W) { b.x -= " + n
                    + "_W; b.y += 1; } return b; }\n");
            if (direct) {
                text(vec + " " + n + "_row(int row, int c4) { return " + n + "_texelXY(c4, row); }\n");
            } else {
                text(vec + " " + n + "_row(int row, int c4) { return " + n + "_texel(row * " + n + "_C4 + c4); }\n");
            }
        }
    }
}
