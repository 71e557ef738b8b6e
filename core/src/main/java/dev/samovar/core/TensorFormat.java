package dev.samovar.core;

import java.util.ArrayList;
import java.util.List;

/** TF.js's tensor-to-text layout (tensor_format): the same lines, padding and ellipses. */
final class TensorFormat {
    private static final int LIMIT_NUM_VALS = 20;
    private static final int NUM_FIRST_LAST_VALS = 3;
    private static final int SIG_DIGITS = 7;

    private TensorFormat() {
    }

    static String format(Object vals, int[] shape, DType dtype, boolean verbose) {
        int[] strides = Shapes.strides(shape);
        int[] padPerCol = maxSizePerColumn(vals, shape, dtype, strides);
        List<String> lines = sub(vals, 0, shape, 0, dtype, strides, 0, padPerCol, true);
        StringBuilder sb = new StringBuilder("Tensor");
        if (verbose) {
            sb.append("\n  dtype: ").append(dtype.jsName());
            sb.append("\n  rank: ").append(shape.length);
            sb.append("\n  shape: [").append(Shapes.join(shape)).append(']');
            sb.append("\n  values:");
        }
        sb.append('\n');
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append("    ").append(lines.get(i));
        }
        return sb.toString();
    }

    private static double at(Object vals, int i) {
        return vals instanceof float[] ? ((float[]) vals)[i] : ((int[]) vals)[i];
    }

    private static String valToString(Object vals, int i, int pad, DType dtype) {
        String s;
        if (dtype == DType.BOOL) {
            s = at(vals, i) == 0 ? "false" : "true";
        } else {
            s = JsNumber.toFixedTrimmed(at(vals, i), SIG_DIGITS);
        }
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < pad) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static int[] maxSizePerColumn(Object vals, int[] shape, DType dtype, int[] strides) {
        int n = Shapes.sizeFromShape(shape);
        if (shape.length <= 1) {
            // Unused below rank 2 (TF.js allocates it but pads with 0).
            return new int[Math.max(n, 1)];
        }
        int numCols = strides[strides.length - 1];
        int[] pad = new int[numCols];
        for (int row = 0; numCols > 0 && row < n / numCols; row++) {
            int offset = row * numCols;
            for (int j = 0; j < numCols; j++) {
                pad[j] = Math.max(pad[j], valToString(vals, offset + j, 0, dtype).length());
            }
        }
        return pad;
    }

    private static List<String> sub(Object vals, int start, int[] shape, int axis, DType dtype, int[] strides,
            int strideAxis, int[] padPerCol, boolean isLast) {
        List<String> lines = new ArrayList<>();
        int rank = shape.length - axis;
        if (rank == 0) {
            double v = at(vals, start);
            lines.add(dtype == DType.BOOL ? (v == 0 ? "false" : "true") : JsNumber.toString(v));
            return lines;
        }
        int size = shape[axis];
        if (rank == 1) {
            StringBuilder sb = new StringBuilder("[");
            if (size > LIMIT_NUM_VALS) {
                for (int i = 0; i < NUM_FIRST_LAST_VALS; i++) {
                    sb.append(i > 0 ? ", " : "").append(valToString(vals, start + i, pad(padPerCol, i), dtype));
                }
                sb.append(", ..., ");
                for (int i = 0; i < NUM_FIRST_LAST_VALS; i++) {
                    int col = size - NUM_FIRST_LAST_VALS + i;
                    sb.append(i > 0 ? ", " : "").append(valToString(vals, start + col, pad(padPerCol, col), dtype));
                }
            } else {
                for (int i = 0; i < size; i++) {
                    sb.append(i > 0 ? ", " : "").append(valToString(vals, start + i, pad(padPerCol, i), dtype));
                }
            }
            lines.add(sb.append(']').toString());
            return lines;
        }
        int stride = strides[strideAxis];
        if (size > LIMIT_NUM_VALS) {
            for (int i = 0; i < NUM_FIRST_LAST_VALS; i++) {
                lines.addAll(sub(vals, start + i * stride, shape, axis + 1, dtype, strides, strideAxis + 1, padPerCol,
                        false));
            }
            lines.add("...");
            for (int i = size - NUM_FIRST_LAST_VALS; i < size; i++) {
                lines.addAll(sub(vals, start + i * stride, shape, axis + 1, dtype, strides, strideAxis + 1, padPerCol,
                        i == size - 1));
            }
        } else {
            for (int i = 0; i < size; i++) {
                lines.addAll(sub(vals, start + i * stride, shape, axis + 1, dtype, strides, strideAxis + 1, padPerCol,
                        i == size - 1));
            }
        }
        String sep = rank == 2 ? "," : "";
        if (lines.isEmpty()) {
            // A zero-size dimension: TF.js prints " []".
            lines.add("");
        }
        lines.set(0, "[" + (size > 0 ? lines.get(0) + sep : ""));
        for (int i = 1; i < lines.size() - 1; i++) {
            lines.set(i, " " + lines.get(i) + sep);
        }
        StringBuilder newLineSep = new StringBuilder(",\n");
        for (int i = 2; i < rank; i++) {
            newLineSep.append('\n');
        }
        int last = lines.size() - 1;
        lines.set(last, " " + lines.get(last) + "]" + (isLast ? "" : newLineSep.toString()));
        return lines;
    }

    private static int pad(int[] padPerCol, int i) {
        return i < padPerCol.length ? padPerCol[i] : 0;
    }
}
