package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldBatchNormTest {
    @Test
    void foldsInferenceBatchNormIntoConvAndMatMulWeights() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 1, 5, 5, 2);
        PassTesting.constant(g, "w", 3, 3, 2, 3);
        PassTesting.node(g, "conv", "Conv2D", "x", "w").putAttr("strides", PassTesting.ints(1, 1, 1, 1))
                .putAttr("padding", PassTesting.s("SAME"));
        PassTesting.constant(g, "scale", new float[] {1.5f, 0.5f, -2f}, 3);
        PassTesting.constant(g, "offset", new float[] {0.1f, -0.2f, 0.3f}, 3);
        PassTesting.constant(g, "mean", new float[] {0.05f, -0.1f, 0.2f}, 3);
        PassTesting.constant(g, "var", new float[] {0.9f, 1.7f, 0.4f}, 3);
        PassTesting.node(g, "bn", "FusedBatchNormV3", "conv", "scale", "offset", "mean", "var")
                .putAttr("epsilon", PassTesting.f(0.001f)).putAttr("is_training", PassTesting.b(false));
        PassTesting.output(g, "bn:0");
        TfGraph after = PassTesting.checkSameOutputs(new FoldBatchNorm(), g, Map.of("x", new int[] {1, 5, 5, 2}), 1e-5);
        assertEquals(0, PassTesting.count(after, "FusedBatchNormV3"));
        assertEquals(1, PassTesting.count(after, "BiasAdd"));
    }
}
