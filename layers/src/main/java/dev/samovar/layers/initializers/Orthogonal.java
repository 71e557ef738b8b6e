package dev.samovar.layers.initializers;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.layers.backend.LayerOps;
import dev.samovar.layers.backend.Qr;
import dev.samovar.layers.backend.Warnings;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.OpSupport;
import dev.samovar.ops.Random;
import dev.samovar.ops.Transform;
import dev.samovar.ops.Unary;
import java.util.LinkedHashMap;
import java.util.Map;

/** A random orthogonal matrix (QR of a normal matrix, as TF.js computes it) times gain (default 1). */
public final class Orthogonal extends Initializer {
    private static final int ELEMENTS_WARN_SLOW = 2000;
    private final Object gain;
    private final Object seed;

    public Orthogonal(Args args) {
        Object g = args.get("gain");
        this.gain = g == null ? (Object) 1 : g;
        this.seed = args.raw("seed");
    }

    @Override
    public Tensor apply(int[] shape, DType dtype) {
        return OpSupport.op("orthogonal", () -> {
            if (shape.length < 2) {
                throw new UnsupportedOperationException("Shape must be at least 2D.");
            }
            int numRows = 1;
            for (int i = 0; i < shape.length - 1; i++) {
                numRows *= shape[i];
            }
            int numCols = shape[shape.length - 1];
            int numElements = numRows * numCols;
            if (numElements > ELEMENTS_WARN_SLOW) {
                Warnings.warn("Orthogonal initializer is being called on a matrix with more than "
                        + ELEMENTS_WARN_SLOW + " (" + numElements + ") elements: Slowness may result.");
            }
            int lo = Math.min(numCols, numRows);
            int[] flatShape = {Math.max(numCols, numRows), lo};
            Tensor randNormalMat = Random.randomNormal(flatShape, 0, 1, orFloat(dtype), LayerOps.seed(seed));
            Tensor[] qr = Qr.qr2d(randNormalMat, false);
            Tensor qMat = qr[0];
            Tensor rMat = qr[1];
            Tensor diag = Transform.stridedSlice(Transform.reshape(rMat, rMat.size()), new int[] {0},
                    new int[] {lo * lo}, new int[] {lo + 1});
            qMat = Arithmetic.mul(qMat, Unary.sign(diag));
            if (numRows < numCols) {
                qMat = Transform.transpose(qMat);
            }
            return Arithmetic.mul(LayerOps.scalar(((Number) gain).doubleValue()), Transform.reshape(qMat, shape));
        });
    }

    @Override
    public String getClassName() {
        return "Orthogonal";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("gain", gain);
        c.put("seed", seed);
        return c;
    }
}
