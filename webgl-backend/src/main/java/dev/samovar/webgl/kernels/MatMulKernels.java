package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * BatchMatMul and _FusedMatMul. Both operands are viewed as [batch, rows, cols] (a batch of 1
 * broadcasts). Each fragment computes one output texel: four neighbouring outputs of a row when N
 * is a multiple of 4 (the packed path: A read four k at a time as a texel when K is a multiple of
 * 4, B four columns (or, transposed, four k) per texel, so a k-step of four costs five texture
 * reads for sixteen multiply-adds), otherwise four outputs anywhere, each a dot product of scalar
 * reads. Int32 operands, batch dimensions that broadcast other than from 1, and fused bias/PReLU
 * shapes other than a scalar or a vector along N run on the cpu (or unfused).
 */
final class MatMulKernels {
    private MatMulKernels() {
    }

    static void register() {
        Gpu.register("BatchMatMul", MatMulKernels::batchMatMul);
        Gpu.register("_FusedMatMul", MatMulKernels::fusedMatMul);
    }

    private static Tensor[] batchMatMul(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor r = matMul(inputs[0], inputs[1], attrs.getBool("transposeA", false), attrs.getBool("transposeB", false),
                null, null, "linear", 0);
        return r == null ? Gpu.onCpu("BatchMatMul", inputs, attrs) : Gpu.one(r);
    }

    private static Tensor[] fusedMatMul(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor[] extra = Fused.extras(inputs, 2, attrs);
        String act = attrs.getString("activation", "linear");
        Tensor bias = extra[0];
        Tensor prelu = extra[1];
        boolean ta = attrs.getBool("transposeA", false);
        boolean tb = attrs.getBool("transposeB", false);
        if (!Fused.knownActivation(act) || ("prelu".equals(act) && prelu == null)) {
            return Gpu.onCpu("_FusedMatMul", inputs, attrs);
        }
        int[] bs = inputs[1].shapeRef();
        int n = bs.length < 2 ? -1 : (tb ? bs[bs.length - 2] : bs[bs.length - 1]);
        if (Fused.inShader(bias, n) && ("prelu".equals(act) ? Fused.inShader(prelu, n) : true)) {
            Tensor r = matMul(inputs[0], inputs[1], ta, tb, bias, prelu, act, attrs.getDouble("leakyreluAlpha"));
            if (r != null) {
                return Gpu.one(r);
            }
            return Gpu.onCpu("_FusedMatMul", inputs, attrs);
        }
        // Unfused: product, then the Add / activation kernels (broadcasting as they do).
        Tensor product = matMul(inputs[0], inputs[1], ta, tb, null, null, "linear", 0);
        if (product == null || bias == null) {
            if (product != null) {
                product.dispose();
            }
            return Gpu.onCpu("_FusedMatMul", inputs, attrs);
        }
        Tensor sum = Engine.get().runKernel1("Add", Attrs.EMPTY, product, bias);
        product.dispose();
        return Gpu.one(Activations.apply(sum, prelu, act, attrs.getDouble("leakyreluAlpha")));
    }

    /** The product on the GPU, or null for a case left to the cpu (ints, odd broadcasting, bad shapes). */
    static Tensor matMul(Tensor a, Tensor b, boolean ta, boolean tb, Tensor bias, Tensor prelu, String act,
            double alpha) {
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32 || a.rank() < 2 || b.rank() < 2) {
            return null;
        }
        int[] as = a.shapeRef();
        int[] bs = b.shapeRef();
        int ar = as.length;
        int br = bs.length;
        int k = ta ? as[ar - 2] : as[ar - 1];
        if (k != (tb ? bs[br - 1] : bs[br - 2])) {
            return null;
        }
        int m = ta ? as[ar - 1] : as[ar - 2];
        int n = tb ? bs[br - 2] : bs[br - 1];
        int batchA = a.size() == 0 ? 0 : a.size() / (m * k);
        int batchB = b.size() == 0 ? 0 : b.size() / (k * n);
        int[] batchShape;
        try {
            batchShape = dev.samovar.core.Shapes.broadcastShapes(java.util.Arrays.copyOf(as, ar - 2),
                    java.util.Arrays.copyOf(bs, br - 2));
        } catch (IllegalArgumentException e) {
            return null;
        }
        int batch = Gpu.size(batchShape);
        if ((batchA != batch && batchA != 1) || (batchB != batch && batchB != 1)
                || (batchA == 1 && batchB == 1 && batch != 1) || a.size() == 0 || b.size() == 0 || k == 0) {
            return null;
        }
        int[] outShape = dev.samovar.core.Shapes.concat(batchShape, new int[] {m, n});
        Tensor blocked = blockMatMul(a, b, ta, tb, m, n, k, batch, batchA, batchB, outShape, bias, prelu, act, alpha);
        if (blocked != null) {
            return blocked;
        }
        boolean packed = n % 4 == 0;
        if (!packed) {
            Tensor dotted = dotMatMul(a, b, ta, tb, m, n, k, batchA, batchB, outShape, bias, prelu, act, alpha);
            if (dotted != null) {
                return dotted;
            }
        }
        Program p = Program.texel("MatMul", outShape, DType.FLOAT32).constantShapes().input("A", a).input("B", b);
        Fused.addInputs(p, bias, prelu, act, alpha);
        p.shapeInt("M", m).shapeInt("N", n).shapeInt("K", k)
                .shapeInt("A_BATCH", batchA == 1 ? 0 : m * k).shapeInt("B_BATCH", batchB == 1 ? 0 : k * n);
        // Element (i, kk) of A and (kk, j) of B, as flat indices within their batch.
        String aIdx = ta ? "kk * M + i" : "i * K + kk";
        String bIdx = tb ? "j * K + kk" : "kk * N + j";
        StringBuilder fn = new StringBuilder();
        fn.append("float dotAt(int bt, int i, int j) {\n"
                + "  int aBase = bt * A_BATCH; int bBase = bt * B_BATCH;\n"
                + "  float s = 0.0;\n"
                + "  for (int kk = 0; kk < K; kk++) {\n"
                + "    s += A_at(aBase + " + aIdx + ") * B_at(bBase + " + bIdx + ");\n"
                + "  }\n  return s;\n}\n");
        StringBuilder body = new StringBuilder();
        if (packed) {
            // Texel t holds outputs (row, 4*j4 .. 4*j4+3) with row = bt * M + i.
            body.append("  int N4 = N / 4; int row = t / N4; int j4 = t - row * N4;\n"
                    + "  int bt = row / M; int i = row - bt * M; int j = j4 * 4;\n"
                    + "  int aBase = bt * A_BATCH; int bBase = bt * B_BATCH;\n"
                    + "  vec4 acc = vec4(0.0);\n");
            boolean aVec = !ta && k % 4 == 0;
            dev.samovar.webgl.WebGLBackend be = dev.samovar.webgl.WebGLBackend.get();
            // Row helpers where the texture lays rows out one per texture row (no index division).
            boolean aRows = aVec && be.textureWidth(a) == k / 4;
            boolean bRows = !tb && be.textureWidth(b) == n / 4;
            body.append("  int aRow0 = bt * (A_BATCH == 0 ? 0 : M) + i; int bRow0 = bt * (B_BATCH == 0 ? 0 : K);\n");
            String aRead = aRows ? "A_texelXY(kk >> 2, aRow0)" : aVec ? "A_texel((aBase + i * K + kk) >> 2)"
                    : "vec4(A_at(aBase + " + aIdx.replace("kk", "kk") + "), A_at(aBase + " + aIdx.replace("kk", "(kk + 1)")
                            + "), A_at(aBase + " + aIdx.replace("kk", "(kk + 2)") + "), A_at(aBase + "
                            + aIdx.replace("kk", "(kk + 3)") + "))";
            body.append("  int K4 = K - K % 4;\n  for (int kk = 0; kk < K4; kk += 4) {\n");
            body.append("    vec4 av = ").append(aRead).append(";\n");
            if (bRows) {
                body.append("    acc += av.x * B_texelXY(j4, bRow0 + kk) + av.y * B_texelXY(j4, bRow0 + kk + 1)"
                        + " + av.z * B_texelXY(j4, bRow0 + kk + 2) + av.w * B_texelXY(j4, bRow0 + kk + 3);\n");
            } else if (!tb) {
                body.append("    acc += av.x * B_texel((bBase + kk * N + j) >> 2) + av.y * B_texel((bBase + (kk + 1) * N + j) >> 2)"
                        + " + av.z * B_texel((bBase + (kk + 2) * N + j) >> 2) + av.w * B_texel((bBase + (kk + 3) * N + j) >> 2);\n");
            } else if (k % 4 == 0) {
                body.append("    acc += vec4(dot(av, B_texel((bBase + j * K + kk) >> 2)), dot(av, B_texel((bBase + (j + 1) * K + kk) >> 2)),"
                        + " dot(av, B_texel((bBase + (j + 2) * K + kk) >> 2)), dot(av, B_texel((bBase + (j + 3) * K + kk) >> 2)));\n");
            } else {
                body.append("    for (int q = 0; q < 4; q++) {\n"
                        + "      acc += av[q] * vec4(B_at(bBase + j * K + kk + q), B_at(bBase + (j + 1) * K + kk + q),"
                        + " B_at(bBase + (j + 2) * K + kk + q), B_at(bBase + (j + 3) * K + kk + q));\n    }\n");
            }
            body.append("  }\n");
            body.append("  for (int kk = K4; kk < K; kk++) {\n"
                    + "    float av = A_at(aBase + " + aIdx + ");\n"
                    + "    acc += av * vec4(B_at(bBase + " + bIdx.replace("j", "j") + "), B_at(bBase + "
                    + bIdx.replace("j", "(j + 1)") + "), B_at(bBase + " + bIdx.replace("j", "(j + 2)") + "), B_at(bBase + "
                    + bIdx.replace("j", "(j + 3)") + "));\n  }\n");
            body.append(Fused.epilogue(bias, prelu, act, "j4"));
            body.append("  return acc;");
        } else {
            // Any N: four consecutive outputs, each (bt, i, j) from its flat index.
            body.append("  vec4 acc = vec4(0.0);\n  int total = OUT_SIZE;\n"
                    + "  for (int q = 0; q < 4; q++) {\n"
                    + "    int e = t * 4 + q;\n"
                    + "    if (e >= total) break;\n"
                    + "    int row = e / N; int j = e - row * N; int bt = row / M; int i = row - bt * M;\n"
                    + "    float v = dotAt(bt, i, j);\n");
            if (bias != null) {
                body.append("    v += Bias_at(").append(bias.size() == 1 ? "0" : "j").append(");\n");
            }
            body.append("    acc[q] = v;\n");
            if (!"linear".equals(act)) {
                body.append("    acc[q] = ").append(Activations.scalar(act, prelu, "v", "j")).append(";\n");
            }
            body.append("  }\n  return acc;");
        }
        p.functions(fn.toString()).body(body.toString());
        return p.run();
    }

    /**
     * N not a multiple of 4 (outputs do not fill texels along a row), K a multiple of 4: A as rows
     * [M, K] and B as rows [N, K] (each transposed first where it is not), so every output is a sum
     * of dot products of whole texels (two reads per four multiply-adds, against eight scalar reads).
     * Null when K is not a multiple of 4 or a texture does not line up.
     */
    private static Tensor dotMatMul(Tensor a, Tensor b, boolean ta, boolean tb, int m, int n, int k, int batchA,
            int batchB, int[] outShape, Tensor bias, Tensor prelu, String act, double alpha) {
        if (k % 4 != 0 || k == 0) {
            return null;
        }
        Tensor aRows = ta ? swapLast(a) : a;
        Tensor bRows = tb ? b : swapLast(b);
        try {
            dev.samovar.webgl.WebGLBackend be = dev.samovar.webgl.WebGLBackend.get();
            if (!dev.samovar.webgl.Layout.rowAligned(be.textureWidth(aRows), k)
                    || !dev.samovar.webgl.Layout.rowAligned(be.textureWidth(bRows), k)) {
                return null;
            }
            Program p = Program.texel("MatMulDot", outShape, DType.FLOAT32).constantShapes().input("A", aRows)
                    .input("B", bRows);
            Fused.addInputs(p, bias, prelu, act, alpha);
            p.shapeInt("M", m).shapeInt("N", n).shapeInt("K4", k / 4)
                    .shapeInt("A_B", batchA == 1 ? 0 : 1).shapeInt("B_B", batchB == 1 ? 0 : 1);
            StringBuilder body = new StringBuilder("  vec4 acc = vec4(0.0);\n"
                    + "  for (int q = 0; q < 4; q++) {\n"
                    + "    int e = t * 4 + q;\n"
                    + "    if (e >= OUT_SIZE) break;\n"
                    + "    int row = e / N; int j = e - row * N; int bt = row / M; int i = row - bt * M;\n"
                    + "    ivec2 ab = A_rowBase(bt * A_B * M + i); ivec2 bb = B_rowBase(bt * B_B * N + j);\n"
                    + "    float v = 0.0;\n"
                    + "    for (int k4 = 0; k4 < K4; k4++) {\n"
                    + "      v += dot(A_texelXY(ab.x + k4, ab.y), B_texelXY(bb.x + k4, bb.y));\n"
                    + "    }\n");
            if (bias != null) {
                body.append("    v += Bias_at(").append(bias.size() == 1 ? "0" : "j").append(");\n");
            }
            body.append("    acc[q] = v;\n");
            if (!"linear".equals(act)) {
                body.append("    acc[q] = ").append(Activations.scalar(act, prelu, "v", "j")).append(";\n");
            }
            body.append("  }\n  return acc;");
            return p.body(body.toString()).run();
        } finally {
            if (aRows != a) {
                aRows.dispose();
            }
            if (bRows != b) {
                bRows.dispose();
            }
        }
    }

    /** {@code t} with its last two axes swapped (the Transpose kernel). */
    private static Tensor swapLast(Tensor t) {
        int r = t.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return dev.samovar.core.Engine.get().runKernel1("Transpose", dev.samovar.core.Attrs.of().put("perm", perm), t);
    }

    /**
     * The product as a {@link Program#block} program: each fragment computes four rows by four
     * columns of the output, reading four texels of A and four of B per four steps of k (64
     * multiply-adds for 8 reads, against 16 for 5 reading one output texel at a time). Every
     * operand is read as whole texels along its last axis, whichever way it is transposed, so this
     * needs that axis to be a multiple of 4 (K for A and for a transposed B, M for a transposed A, N
     * for B) with the texture's rows lined up, and, with several batches, M a multiple of 4 (a block
     * never spans two batches). Null when those do not hold.
     */
    private static Tensor blockMatMul(Tensor a, Tensor b, boolean ta, boolean tb, int m, int n, int k, int batch,
            int batchA, int batchB, int[] outShape, Tensor bias, Tensor prelu, String act, double alpha) {
        if (!Program.canBlock(outShape) || n % 4 != 0 || (batch > 1 && m % 4 != 0)) {
            return null;
        }
        if ((ta ? m % 4 != 0 : k % 4 != 0) || (tb && k % 4 != 0)) {
            // (A transposed and B not: any K, see below.)
            return null;
        }
        dev.samovar.webgl.WebGLBackend be = dev.samovar.webgl.WebGLBackend.get();
        if (!dev.samovar.webgl.Layout.rowAligned(be.textureWidth(a), ta ? m : k)
                || !dev.samovar.webgl.Layout.rowAligned(be.textureWidth(b), tb ? k : n)) {
            return null;
        }
        Program p = Program.block("MatMulBlock", outShape, DType.FLOAT32).constantShapes().input("A", a).input("B", b);
        Fused.addInputs(p, bias, prelu, act, alpha);
        p.shapeInt("M", m).shapeInt("N", n).shapeInt("K", k)
                .shapeInt("A_ROWS", batchA == 1 ? 0 : (ta ? k : m)).shapeInt("B_ROWS", batchB == 1 ? 0 : (tb ? n : k));
        StringBuilder body = new StringBuilder();
        body.append("  int bt = row0 / M; int i0 = row0 - bt * M; int j = c4 * 4;\n"
                + "  int aRow0 = bt * A_ROWS; int bRow0 = bt * B_ROWS;\n"
                + "  vec4 acc0 = vec4(0.0); vec4 acc1 = vec4(0.0); vec4 acc2 = vec4(0.0); vec4 acc3 = vec4(0.0);\n");
        if (!ta) {
            // Rows i0..i0+3 of A (the last block of a single batch may run past M: read row M-1 again).
            body.append("  ivec2 a0 = A_rowBase(aRow0 + i0); ivec2 a1 = A_rowBase(aRow0 + min(i0 + 1, M - 1));\n"
                    + "  ivec2 a2 = A_rowBase(aRow0 + min(i0 + 2, M - 1)); ivec2 a3 = A_rowBase(aRow0 + min(i0 + 3, M - 1));\n");
        }
        if (tb) {
            body.append("  ivec2 b0 = B_rowBase(bRow0 + j); ivec2 b1 = B_rowBase(bRow0 + j + 1);\n"
                    + "  ivec2 b2 = B_rowBase(bRow0 + j + 2); ivec2 b3 = B_rowBase(bRow0 + j + 3);\n");
        }
        if (ta && !tb && k % 4 != 0) {
            // A stored [K, M]: texel (k, i0/4) holds column k of rows i0..i0+3. One k at a time.
            body.append("  int i4 = i0 / 4; ivec2 ab = A_rowBase(aRow0); ivec2 bb = B_rowBase(bRow0);\n"
                    + "  for (int kk = 0; kk < K; kk++) {\n"
                    + "    vec4 at = A_texelXY(ab.x + i4, ab.y); vec4 bv = B_texelXY(bb.x + c4, bb.y);\n"
                    + "    acc0 += at.x * bv; acc1 += at.y * bv; acc2 += at.z * bv; acc3 += at.w * bv;\n"
                    + "    ab = A_nextRow(ab); bb = B_nextRow(bb);\n"
                    + "  }\n");
        } else {
            if (ta) {
                body.append("  int i4 = i0 / 4; ivec2 ab = A_rowBase(aRow0);\n");
            }
            if (!tb) {
                body.append("  ivec2 bb = B_rowBase(bRow0);\n");
            }
            body.append("  for (int k4 = 0; k4 < K / 4; k4++) {\n");
            if (!ta) {
                body.append("    vec4 x0 = A_texelXY(a0.x + k4, a0.y); vec4 x1 = A_texelXY(a1.x + k4, a1.y);\n"
                        + "    vec4 x2 = A_texelXY(a2.x + k4, a2.y); vec4 x3 = A_texelXY(a3.x + k4, a3.y);\n");
            } else {
                // Transposed to rows: x_r = A[i0 + r, kk .. kk+3].
                for (int q = 0; q < 4; q++) {
                    body.append("    vec4 t").append(q).append(" = A_texelXY(ab.x + i4, ab.y); ab = A_nextRow(ab);\n");
                }
                body.append("    vec4 x0 = vec4(t0.x, t1.x, t2.x, t3.x); vec4 x1 = vec4(t0.y, t1.y, t2.y, t3.y);\n"
                        + "    vec4 x2 = vec4(t0.z, t1.z, t2.z, t3.z); vec4 x3 = vec4(t0.w, t1.w, t2.w, t3.w);\n");
            }
            if (!tb) {
                for (int q = 0; q < 4; q++) {
                    body.append("    vec4 y").append(q).append(" = B_texelXY(bb.x + c4, bb.y); bb = B_nextRow(bb);\n");
                }
                for (int r = 0; r < 4; r++) {
                    body.append("    acc").append(r).append(" += x").append(r).append(".x * y0 + x").append(r)
                            .append(".y * y1 + x").append(r).append(".z * y2 + x").append(r).append(".w * y3;\n");
                }
            } else {
                body.append("    vec4 z0 = B_texelXY(b0.x + k4, b0.y); vec4 z1 = B_texelXY(b1.x + k4, b1.y);\n"
                        + "    vec4 z2 = B_texelXY(b2.x + k4, b2.y); vec4 z3 = B_texelXY(b3.x + k4, b3.y);\n");
                for (int r = 0; r < 4; r++) {
                    body.append("    acc").append(r).append(" += vec4(dot(x").append(r).append(", z0), dot(x").append(r)
                            .append(", z1), dot(x").append(r).append(", z2), dot(x").append(r).append(", z3));\n");
                }
            }
            body.append("  }\n");
        }
        String epilogue = Fused.epilogue(bias, prelu, act, "c4");
        for (int r = 0; r < 4; r++) {
            body.append("  { vec4 acc = acc").append(r).append(";\n").append(epilogue).append("  r").append(r)
                    .append(" = acc; }\n");
        }
        return p.body(body.toString()).run();
    }
}
