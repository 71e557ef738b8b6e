package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;

/**
 * Cumsum and Cumprod (attrs {@code axis}, {@code exclusive}, {@code reverse}) and
 * UnsortedSegmentSum. Each output element runs its own sequential loop, in the cpu kernel's order,
 * so float32 partial results round as they do there. int32 and bool inputs give an int32 Cumsum
 * (wrapping as the cpu kernel's int32 stores do); an int Cumprod, whose double products the cpu
 * kernel rounds past 2^53, and scalars stay on the cpu.
 */
final class ScanKernels {
    private ScanKernels() {
    }

    static void register() {
        Gpu.register("Cumsum", (in, at, be) -> scan(in, at, false));
        Gpu.register("Cumprod", (in, at, be) -> scan(in, at, true));
        Gpu.register("UnsortedSegmentSum", ScanKernels::segmentSum);
    }

    private static Tensor[] scan(Tensor[] inputs, Attrs attrs, boolean product) {
        String name = product ? "Cumprod" : "Cumsum";
        Tensor x = inputs[0];
        int rank = x.rank();
        boolean isFloat = x.dtype() == DType.FLOAT32;
        if (rank == 0 || (product && !isFloat)) {
            return Gpu.onCpu(name, inputs, attrs);
        }
        boolean exclusive = attrs.getBool("exclusive", false);
        boolean reverse = attrs.getBool("reverse", false);
        int axis = Math.min(attrs.getInt("axis"), rank - 1);
        int[] shape = x.shapeRef();
        int inner = 1;
        for (int i = axis + 1; i < rank; i++) {
            inner *= shape[i];
        }
        DType out = isFloat ? DType.FLOAT32 : DType.INT32;
        String t = Glsl.type(out);
        String op = product ? " * " : " + ";
        String identity = isFloat ? (product ? "1.0" : "0.0") : (product ? "1" : "0");
        // Position j along the axis; its element sums positions [0, j] (reverse: [j, len-1]), without
        // j itself when exclusive, in the order the cpu kernel adds them.
        String from = reverse ? "len - 1" : "0";
        String step = reverse ? "k--" : "k++";
        String to = reverse ? (exclusive ? "k > j" : "k >= j") : (exclusive ? "k < j" : "k <= j");
        Program p = Program.element(name, shape, out).constantShapes().input("A", x).shapeInt("len", shape[axis])
                .shapeInt("inner", inner)
                .body("  int j = imod(idx / inner, len);\n"
                        + "  int base = idx - j * inner;\n"
                        + "  " + t + " acc = " + identity + ";\n"
                        + "  for (int k = " + from + "; " + to + "; " + step + ") acc = " + t + "(A_at(base + k * inner))"
                        + op + "acc;\n"
                        + "  return acc;");
        return Gpu.one(p.run());
    }

    /**
     * out[s, j] = the sum over rows r with ids[r] == s of x[r, j], in row order; as TF.js's cpu
     * kernel (mask * x), a non-finite value in another segment's row makes it NaN.
     */
    private static Tensor[] segmentSum(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor ids = inputs[1];
        int numSegments = attrs.getInt("numSegments");
        int[] xShape = x.shapeRef();
        if (x.dtype() != DType.FLOAT32 || ids.dtype() != DType.INT32 || xShape.length == 0 || ids.size() != xShape[0]
                || numSegments < 0) {
            return Gpu.onCpu("UnsortedSegmentSum", inputs, attrs);
        }
        int rows = xShape[0];
        int inner = x.size() / Math.max(1, rows);
        int[] outShape = xShape.clone();
        outShape[0] = numSegments;
        Program p = Program.element("UnsortedSegmentSum", outShape, DType.FLOAT32).constantShapes().input("X", x).input("I", ids)
                .shapeInt("rows", rows).shapeInt("inner", inner)
                .body("  int s = idx / inner;\n  int j = idx - s * inner;\n  float sum = 0.0;\n"
                        + "  for (int r = 0; r < rows; r++) {\n"
                        + "    float v = X_at(r * inner + j);\n"
                        + "    if (I_at(r) == s) sum += v; else if (isNaN(v) || isInf(v)) sum = NAN;\n"
                        + "  }\n  return sum;");
        return Gpu.one(p.run());
    }
}
