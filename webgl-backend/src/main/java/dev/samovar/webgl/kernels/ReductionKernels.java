package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * Reductions (Sum, Mean, Prod, Max, Min, ArgMax, ArgMin, Any, All, LogSumExp) and Softmax /
 * LogSoftmax. A reduction program computes one output element per invocation by looping over the
 * reduced elements; any set of axes is read in place (no transpose): the kept coordinates give a
 * base offset, the loop index is split over the reduced axes (a plain offset when they are the
 * trailing axes). Semantics follow the cpu kernels: NaN wins in Max / Min, the first extreme wins
 * in ArgMax / ArgMin, an empty Max is NaN. Int32 Prod and Mean, and bool Sum, run on the cpu.
 */
final class ReductionKernels {
    private ReductionKernels() {
    }

    static void register() {
        reduction("Sum", true);
        reduction("Mean", false);
        reduction("Prod", false);
        reduction("Max", true);
        reduction("Min", true);
        reduction("LogSumExp", false);
        Gpu.register("ArgMax", (in, attrs, b) -> argReduce(in, attrs, true));
        Gpu.register("ArgMin", (in, attrs, b) -> argReduce(in, attrs, false));
        Gpu.register("Any", (in, attrs, b) -> Gpu.one(reduce("Any", in[0], axesOf(in[0], attrs.getInts("axis", null)),
                attrs.getBool("keepDims", false))));
        Gpu.register("All", (in, attrs, b) -> Gpu.one(reduce("All", in[0], axesOf(in[0], attrs.getInts("axis", null)),
                attrs.getBool("keepDims", false))));
        Gpu.register("Softmax", (in, attrs, b) -> softmax(in, attrs, false));
        Gpu.register("LogSoftmax", (in, attrs, b) -> softmax(in, attrs, true));
    }

    private static void reduction(String name, boolean intOk) {
        Gpu.register(name, (in, attrs, b) -> {
            Tensor x = in[0];
            if (x.dtype() == DType.BOOL || (x.dtype() == DType.INT32 && !intOk)) {
                return Gpu.onCpu(name, in, attrs);
            }
            int[] axes;
            try {
                axes = axesOf(x, attrs.getInts("axis", null));
            } catch (RuntimeException e) {
                return Gpu.onCpu(name, in, attrs);
            }
            return Gpu.one(reduce(name, x, axes, attrs.getBool("keepDims", false)));
        });
    }

    private static int[] axesOf(Tensor x, int[] axis) {
        int[] axes = Shapes.parseAxes(axis, x.rank());
        int[] sorted = axes.clone();
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    private static Tensor[] argReduce(Tensor[] in, Attrs attrs, boolean isMax) {
        Tensor x = in[0];
        String name = isMax ? "ArgMax" : "ArgMin";
        if (x.dtype() == DType.BOOL) {
            return Gpu.onCpu(name, in, attrs);
        }
        int[] axes;
        try {
            axes = axesOf(x, new int[] {attrs.getInt("axis")});
        } catch (RuntimeException e) {
            return Gpu.onCpu(name, in, attrs);
        }
        return Gpu.one(reduce(name, x, axes, false));
    }

    /** Reduces {@code x} over the sorted {@code axes}. */
    static Tensor reduce(String op, Tensor x, int[] axes, boolean keepDims) {
        int[] shape = x.shapeRef();
        int rank = shape.length;
        int[][] split = Shapes.reduceShapes(shape, axes);
        int[] kept = split[0];
        int n = Gpu.size(split[1]);
        int[] outShape = keepDims ? Shapes.expandShapeToKeepDim(kept, axes) : kept;
        boolean isInt = x.dtype() != DType.FLOAT32;
        DType outDtype;
        switch (op) {
            case "ArgMax":
            case "ArgMin":
                outDtype = DType.INT32;
                break;
            case "Any":
            case "All":
                outDtype = DType.BOOL;
                break;
            case "Mean":
            case "LogSumExp":
                outDtype = DType.FLOAT32;
                break;
            default:
                outDtype = x.dtype();
                break;
        }
        int[] strides = Gpu.strides(shape);
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a] = true;
        }
        boolean trailing = true;
        for (int i = 0; i < axes.length; i++) {
            trailing &= axes[i] == rank - axes.length + i;
        }
        Program p = Program.element(op, outShape, outDtype).constantShapes().input("X", x).shapeInt("N", n);
        // base(idx): offset of the output element's kept coordinates; off(r): of reduced index r.
        StringBuilder fn = new StringBuilder();
        fn.append("int baseOf(int idx) {\n");
        if (trailing) {
            fn.append("  return idx * N;\n");
        } else {
            fn.append("  int rest = idx; int base = 0; int c;\n");
            int keptStride = Gpu.size(kept);
            for (int i = 0; i < rank; i++) {
                if (reduced[i]) {
                    continue;
                }
                keptStride /= shape[i];
                p.shapeInt("KS" + i, keptStride).shapeInt("XS" + i, strides[i]);
                fn.append("  c = rest / KS").append(i).append("; rest -= c * KS").append(i)
                        .append("; base += c * XS").append(i).append(";\n");
            }
            fn.append("  return base;\n");
        }
        fn.append("}\nint offOf(int r) {\n");
        if (trailing) {
            fn.append("  return r;\n");
        } else {
            fn.append("  int rest = r; int off = 0; int c;\n");
            int redStride = n;
            for (int i = 0; i < rank; i++) {
                if (!reduced[i]) {
                    continue;
                }
                redStride /= shape[i];
                p.shapeInt("RS" + i, redStride);
                if (!p.hasParam("XS" + i)) {
                    p.shapeInt("XS" + i, strides[i]);
                }
                fn.append("  c = rest / RS").append(i).append("; rest -= c * RS").append(i)
                        .append("; off += c * XS").append(i).append(";\n");
            }
            fn.append("  return off;\n");
        }
        fn.append("}\n");
        String t = isInt ? "int" : "float";
        String v = "X_at(base + offOf(r))";
        StringBuilder body = new StringBuilder("  int base = baseOf(idx);\n");
        switch (op) {
            case "Sum":
            case "Mean":
                body.append("  ").append(t).append(" s = ").append(isInt ? "0" : "0.0").append(";\n")
                        .append("  for (int r = 0; r < N; r++) s += ").append(v).append(";\n")
                        .append(op.equals("Mean") ? "  return N == 0 ? 0.0 : s / float(N);" : "  return s;");
                break;
            case "Prod":
                // The product is kept as s * 2^(64 e) with s and each factor scaled into
                // [1e-18, 1e18], so float32 intermediates neither overflow nor underflow where the
                // cpu's double product does not.
                body.append("  float s = 1.0; int e = 0;\n  for (int r = 0; r < N; r++) {\n    float f = ").append(v)
                        .append(";\n    if (abs(f) > 1e18 && !isInf(f)) { f *= 5.421010862427522e-20; e++; }\n"
                        + "    else if (f != 0.0 && abs(f) < 1e-18) { f *= 1.8446744073709552e19; e--; }\n"
                        + "    s *= f;\n"
                        + "    if (abs(s) > 1e18 && !isInf(s)) { s *= 5.421010862427522e-20; e++; }\n"
                        + "    else if (s != 0.0 && abs(s) < 1e-18) { s *= 1.8446744073709552e19; e--; }\n  }\n"
                        + "  for (; e > 0; e--) s *= 1.8446744073709552e19;\n"
                        + "  for (; e < 0; e++) s *= 5.421010862427522e-20;\n  return s;");
                break;
            case "Max":
            case "Min": {
                String cmp = op.equals("Max") ? ">" : "<";
                if (isInt) {
                    body.append("  if (N == 0) return 0;\n  int m = X_at(base + offOf(0));\n"
                            + "  for (int r = 1; r < N; r++) { int e = ").append(v).append("; if (e ").append(cmp)
                            .append(" m) m = e; }\n  return m;");
                } else {
                    body.append("  if (N == 0) return NAN;\n  float m = X_at(base + offOf(0));\n"
                            + "  for (int r = 0; r < N; r++) { float e = ").append(v).append("; if (isNaN(e) || e ")
                            .append(cmp).append(" m) m = e; }\n  return m;");
                }
                break;
            }
            case "ArgMax":
            case "ArgMin": {
                String cmp = op.equals("ArgMax") ? ">" : "<";
                body.append("  if (N == 0) return 0;\n  ").append(t).append(" m = X_at(base + offOf(0)); int best = 0;\n"
                        + "  for (int r = 1; r < N; r++) { ").append(t).append(" e = ").append(v).append("; if (e ")
                        .append(cmp).append(" m) { m = e; best = r; } }\n  return best;");
                break;
            }
            case "Any":
                body.append("  for (int r = 0; r < N; r++) { int e = ").append(v).append("; if (e != 0) return e; }\n"
                        + "  return 0;");
                break;
            case "All":
                body.append("  if (N == 0) return 0;\n  int acc = 1;\n  for (int r = 0; r < N; r++) { acc = ").append(v)
                        .append("; if (acc == 0) return 0; }\n  return acc;");
                break;
            case "LogSumExp":
                body.append("  if (N == 0) return NAN;\n"
                        + "  float m = X_at(base + offOf(0));\n"
                        + "  for (int r = 0; r < N; r++) { float e = ").append(v)
                        .append("; if (isNaN(e) || e > m) m = e; }\n"
                        + "  float s = 0.0;\n"
                        + "  for (int r = 0; r < N; r++) { float d = ").append(v)
                        .append(" - m; s += isNaN(d) ? NAN : exp(d); }\n"
                        + "  return isNaN(s) ? NAN : m + (s == 0.0 ? -INFINITY : log(s));");
                break;
            default:
                throw new IllegalStateException(op);
        }
        p.functions(fn.toString()).body(body.toString());
        return p.run();
    }

    /** Softmax / LogSoftmax over the last axis: per-row max and sum of exp, then one elementwise pass. */
    private static Tensor[] softmax(Tensor[] in, Attrs attrs, boolean log) {
        Tensor x = in[0];
        String name = log ? "LogSoftmax" : "Softmax";
        if (x.dtype() != DType.FLOAT32 || x.rank() == 0 || x.size() == 0) {
            return Gpu.onCpu(name, in, attrs);
        }
        int[] shape = x.shapeRef();
        int c = shape[shape.length - 1];
        int rows = x.size() / c;
        // Stats: [rows, 2] = (max, sum of exp(x - max)) per row.
        Program s = Program.element("SoftmaxStats", new int[] {rows, 2}, DType.FLOAT32).constantShapes().input("X", x).shapeInt("C", c);
        s.body("  int base = c0 * C;\n"
                + "  float m = X_at(base);\n"
                + "  for (int r = 0; r < C; r++) { float e = X_at(base + r); if (isNaN(e) || e > m) m = e; }\n"
                + "  if (c1 == 0) return m;\n"
                + "  float sum = 0.0;\n"
                + "  for (int r = 0; r < C; r++) { float d = X_at(base + r) - m; sum += isNaN(d) ? NAN : exp(d); }\n"
                + "  return sum;");
        Tensor stats = s.run();
        try {
            Program p = Program.element(name, shape, DType.FLOAT32).constantShapes().input("X", x).input("S", stats).shapeInt("C", c);
            p.body("  int row = idx / C;\n"
                    + "  float d = X_at(idx) - S_at(row * 2);\n"
                    + "  float sum = S_at(row * 2 + 1);\n"
                    + (log ? "  return isNaN(d) || isNaN(sum) ? NAN : d - log(sum);"
                        : "  return isNaN(d) || isNaN(sum) ? NAN : exp(d) / sum;"));
            return Gpu.one(p.run());
        } finally {
            stats.dispose();
        }
    }
}
