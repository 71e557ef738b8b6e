package dev.samovar.webgl.kernels;

import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Layout;
import dev.samovar.webgl.Program;
import dev.samovar.webgl.WebGLBackend;

/**
 * Elementwise programs over inputs broadcast to one output shape. An op is GLSL text: the body of a
 * scalar function {@code op(a[, b, c])} of the input values, and optionally the body of its vec4
 * form (four values at once); without one, the vec4 form applies the scalar one per component.
 *
 * <p>Paths, fastest first: every input laid out as the output (same shape and texture width), or a
 * single value, or a vector along the last axis (a bias) — one texel program reading whole texels;
 * anything else — an element program reading each input at its broadcast coordinates.
 */
final class Elementwise {
    private Elementwise() {
    }

    static String glType(DType d) {
        return d == DType.FLOAT32 ? "float" : "int";
    }

    static String glVec(DType d) {
        return d == DType.FLOAT32 ? "vec4" : "ivec4";
    }

    private static final String[] NAMES = {"A", "B", "C", "D"};
    private static final String[] ARGS = {"a", "b", "c", "d"};

    /** The op functions: scalar and vec4 forms. */
    static String functions(DType outDtype, Tensor[] ins, String scalarBody, String vecBody) {
        String out = glType(outDtype);
        String outV = glVec(outDtype);
        StringBuilder params = new StringBuilder();
        StringBuilder vparams = new StringBuilder();
        StringBuilder perComp = new StringBuilder();
        for (int i = 0; i < ins.length; i++) {
            if (i > 0) {
                params.append(", ");
                vparams.append(", ");
            }
            params.append(glType(ins[i].dtype())).append(' ').append(ARGS[i]);
            vparams.append(glVec(ins[i].dtype())).append(' ').append(ARGS[i]);
        }
        StringBuilder sb = new StringBuilder(ElementwiseKernels.CONSTANTS).append(ElementwiseKernels.TO_INT32);
        sb.append(out).append(" op(").append(params).append(") {\n").append(scalarBody).append("\n}\n");
        sb.append(outV).append(" op(").append(vparams).append(") {\n");
        if (vecBody != null) {
            sb.append(vecBody);
        } else {
            sb.append("  return ").append(outV).append('(');
            String[] comps = {"x", "y", "z", "w"};
            for (int c = 0; c < 4; c++) {
                if (c > 0) {
                    sb.append(", ");
                }
                sb.append("op(");
                for (int i = 0; i < ins.length; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(ARGS[i]).append('.').append(comps[c]);
                }
                sb.append(')');
            }
            sb.append(");");
        }
        sb.append("\n}\n");
        return sb.toString();
    }

    /**
     * Runs an elementwise op over {@code ins} broadcast together. {@code uniforms}: name/value pairs
     * of float uniforms the op's text reads (alpha, clip bounds).
     */
    static Tensor run(String name, DType outDtype, String scalarBody, String vecBody, Tensor[] ins,
            Object... uniforms) {
        int[] outShape = ins[0].shapeRef();
        for (int i = 1; i < ins.length; i++) {
            outShape = Shapes.broadcastShapes(outShape, ins[i].shapeRef());
        }
        WebGLBackend be = WebGLBackend.get();
        int outSize = Gpu.size(outShape);
        int[] outTex = outSize == 0 ? new int[] {0, 0} : Layout.texShape(outShape, be.maxTextureSize());
        int c = outShape.length == 0 ? 1 : outShape[outShape.length - 1];
        int outWidth = 0;
        if (outSize > 0) {
            // A full-size input laid out otherwise (e.g. a block program's output, four rows per
            // texture row): the output takes its layout, so both are read texel by texel.
            for (Tensor t : ins) {
                int w = t.size() == outSize ? be.textureWidth(t) : 0;
                if (w > 0 && w != outTex[0] && (t.size() + 3) / 4 > w / 2) {
                    outWidth = w;
                    outTex = new int[] {w, ((outSize + 3) / 4 + w - 1) / w};
                    break;
                }
            }
        }
        boolean outAligned = outShape.length > 0 && Layout.rowAligned(outTex[0], c);
        // Per input: 0 = same layout as the output, 1 = one value, 2 = a vector along the last axis.
        int[] kind = new int[ins.length];
        boolean texel = outSize > 0;
        for (int i = 0; i < ins.length && texel; i++) {
            Tensor t = ins[i];
            if (t.size() == 1) {
                kind[i] = 1;
            } else if (t.size() == outSize && be.textureWidth(t) == outTex[0]) {
                kind[i] = 0;
            } else if (outAligned && t.size() == c && t.shapeRef()[t.rank() - 1] == c && be.textureWidth(t) == c / 4) {
                kind[i] = 2;
            } else {
                texel = false;
            }
        }
        String fns = functions(outDtype, ins, scalarBody, vecBody);
        Program p;
        if (texel) {
            p = Program.texel(name, outShape, outDtype).constantShapes();
            if (outWidth > 0) {
                p.outTextureWidth(outWidth);
            }
            StringBuilder body = new StringBuilder();
            StringBuilder call = new StringBuilder("  return op(");
            for (int i = 0; i < ins.length; i++) {
                String n = NAMES[i];
                String v = glVec(ins[i].dtype());
                body.append("  ").append(v).append(' ').append(ARGS[i]).append(" = ");
                switch (kind[i]) {
                    case 0:
                        body.append(n).append("_texelXY(x, y);\n");
                        break;
                    case 1:
                        body.append(v).append('(').append(n).append("_at(0));\n");
                        break;
                    default:
                        body.append(n).append("_texel(imod(t, ").append(n).append("_C4));\n");
                        break;
                }
                call.append(i > 0 ? ", " : "").append(ARGS[i]);
            }
            p.body(body.append(call).append(");").toString());
        } else {
            p = Program.element(name, outShape, outDtype).constantShapes();
            StringBuilder call = new StringBuilder("  return op(");
            for (int i = 0; i < ins.length; i++) {
                Tensor t = ins[i];
                call.append(i > 0 ? ", " : "");
                if (t.size() == 1) {
                    call.append(NAMES[i]).append("_at(0)");
                } else if (Shapes.equal(t.shapeRef(), outShape)) {
                    call.append(NAMES[i]).append("_at(idx)");
                } else {
                    call.append(Gpu.broadcastGet(NAMES[i], t.shapeRef(), outShape));
                }
            }
            p.body(call.append(");").toString());
        }
        for (int i = 0; i < uniforms.length; i += 2) {
            p.uniformFloat((String) uniforms[i], ((Number) uniforms[i + 1]).doubleValue());
        }
        p.functions(fns);
        for (int i = 0; i < ins.length; i++) {
            p.input(NAMES[i], ins[i]);
        }
        return p.run();
    }
}
