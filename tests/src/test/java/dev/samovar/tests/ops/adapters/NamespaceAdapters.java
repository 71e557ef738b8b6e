package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.MatrixOps;
import dev.samovar.ops.SparseOps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tf.linalg, tf.math.confusionMatrix, tf.sparse. */
public final class NamespaceAdapters {
    private NamespaceAdapters() {
    }

    static Map<String, Object> named(Tensor[] r, String... names) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], r[i]);
        }
        return m;
    }

    public static void install() {
        register("linalg.bandPart", a -> {
            Object lo = a.get(1);
            Object up = a.get(2);
            return MatrixOps.bandPart(a.t(0), lo instanceof Number ? ((Number) lo).doubleValue() : null,
                    lo instanceof Number ? null : (Tensor) lo, up instanceof Number ? ((Number) up).doubleValue() : null,
                    up instanceof Number ? null : (Tensor) up);
        });
        register("linalg.gramSchmidt", a -> a.get(0) instanceof List
                ? (Object) MatrixOps.gramSchmidt(a.tensorArray(0)) : MatrixOps.gramSchmidt(a.t(0)));
        register("linalg.qr", a -> MatrixOps.qr(a.t(0), a.b(1, false)));
        register("math.confusionMatrix", a -> MatrixOps.confusionMatrix(a.t(0), a.t(1),
                a.has(2) ? Double.valueOf(a.d(2, 0)) : null));
        register("sparse.sparseFillEmptyRows", a -> {
            Tensor values = a.t(1);
            return named(SparseOps.sparseFillEmptyRows(a.t(0, DType.INT32), values, a.t(2, DType.INT32),
                    a.t(3, values.dtype())), "outputIndices", "outputValues", "emptyRowIndicator", "reverseIndexMap");
        });
        register("sparse.sparseReshape", a -> named(SparseOps.sparseReshape(a.t(0, DType.INT32), a.t(1, DType.INT32),
                a.t(2, DType.INT32)), "outputIndices", "outputShape"));
        register("sparse.sparseSegmentSum", a -> SparseOps.sparseSegmentSum(a.t(0), a.t(1, DType.INT32),
                a.t(2, DType.INT32)));
        register("sparse.sparseSegmentMean", a -> SparseOps.sparseSegmentMean(a.t(0), a.t(1, DType.INT32),
                a.t(2, DType.INT32)));
    }
}
