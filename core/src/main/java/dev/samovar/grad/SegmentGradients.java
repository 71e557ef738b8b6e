package dev.samovar.grad;

import dev.samovar.core.DType;
import dev.samovar.core.GradientRegistry;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Arithmetic;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Logic;
import dev.samovar.ops.Transform;

/**
 * TF.js's UnsortedSegmentSum gradient (gatherDropNegatives): each row of x gets dy's row of its
 * segment, zero for a negative id. The segment ids get no gradient (backprop to them fails).
 */
final class SegmentGradients {
    private SegmentGradients() {
    }

    static void register() {
        GradientRegistry.register("UnsortedSegmentSum", new int[] {1}, null, (i, g) -> {
            if (i != 0) {
                return null;
            }
            Tensor ids = g.saved(0);
            Tensor gathered = Transform.gather(g.dy(), Arithmetic.maximum(ids, Creation.zerosLike(ids)));
            Tensor positive = Logic.greaterEqual(ids, Creation.scalar(0, DType.INT32));
            for (int k = 0, n = gathered.rank() - positive.rank(); k < n; k++) {
                positive = Transform.expandDims(positive, k + 1);
            }
            positive = Logic.logicalAnd(positive, Creation.ones(gathered.shape(), DType.BOOL));
            return Logic.where(positive, gathered, Creation.zerosLike(gathered));
        });
    }
}
