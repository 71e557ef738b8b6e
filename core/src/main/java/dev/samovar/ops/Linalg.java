package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.Tensor;

/** Linear algebra: tf.matMul, dot, outerProduct. */
public final class Linalg {
    private Linalg() {
    }

    /**
     * Matrix product of the last two dimensions, batched over the leading ones (which broadcast).
     * Both inputs must have rank &gt;= 2.
     */
    public static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        OpSupport.check(a, "a", "matMul");
        OpSupport.check(b, "b", "matMul");
        return OpSupport.op("matMul", () -> {
            Tensor[] ab = OpSupport.makeTypesMatch(a, b);
            return OpSupport.run("BatchMatMul",
                    Attrs.of().put("transposeA", transposeA).put("transposeB", transposeB), ab[0], ab[1]);
        });
    }

    public static Tensor matMul(Tensor a, Tensor b) {
        return matMul(a, b, false, false);
    }

    /**
     * tf.dot(t1, t2): the dot product of vectors and/or matrices (ranks 1 or 2); vector · vector
     * gives a scalar, matrix · vector and vector · matrix a vector.
     */
    public static Tensor dot(Tensor t1, Tensor t2) {
        OpSupport.check(t1, "t1", "dot");
        OpSupport.check(t2, "t2", "dot");
        int r1 = t1.rank();
        int r2 = t2.rank();
        OpSupport.require((r1 == 1 || r1 == 2) && (r2 == 1 || r2 == 2),
                "Error in dot: inputs must all be rank 1 or 2, but got ranks " + r1 + " and " + r2 + ".");
        int inner1 = r1 == 1 ? t1.size() : t1.dim(1);
        int inner2 = r2 == 1 ? t2.size() : t2.dim(0);
        OpSupport.require(inner1 == inner2,
                "Error in dot: inner dimensions of inputs must match, but got " + inner1 + " and " + inner2 + ".");
        return OpSupport.op("dot", () -> {
            if (r1 == 1 && r2 == 1) {
                Tensor p = matMul(Transform.reshape(t1, 1, -1), Transform.reshape(t2, -1, 1));
                return Transform.reshape(p, new int[0]);
            } else if (r1 == 1) {
                Tensor p = matMul(Transform.reshape(t1, 1, -1), Transform.reshape(t2, t2.dim(0), t2.dim(1)));
                return Transform.reshape(p, p.size());
            } else if (r2 == 1) {
                Tensor p = matMul(t1, Transform.reshape(t2, -1, 1));
                return Transform.reshape(p, p.size());
            }
            return matMul(t1, Transform.reshape(t2, t2.dim(0), t2.dim(1)));
        });
    }

    /** tf.outerProduct(v1, v2): the [n, m] matrix v1[i] * v2[j] of two vectors. */
    public static Tensor outerProduct(Tensor v1, Tensor v2) {
        OpSupport.check(v1, "v1", "outerProduct");
        OpSupport.check(v2, "v2", "outerProduct");
        OpSupport.require(v1.rank() == 1 && v2.rank() == 1,
                "Error in outerProduct: inputs must be rank 1, but got ranks " + v1.rank() + " and " + v2.rank() + ".");
        return OpSupport.op("outerProduct",
                () -> matMul(Transform.reshape(v1, -1, 1), Transform.reshape(v2, 1, -1)));
    }
}
