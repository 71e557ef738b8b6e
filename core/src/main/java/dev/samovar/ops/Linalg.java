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
}
