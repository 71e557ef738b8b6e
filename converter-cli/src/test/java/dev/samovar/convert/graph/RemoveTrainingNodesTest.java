package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveTrainingNodesTest {
    @Test
    void dropsUnreachableNodesAndLearningPhaseDefaults() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 3);
        PassTesting.constant(g, "one", new float[] {1f}, 1);
        PassTesting.node(g, "learning_phase", "PlaceholderWithDefault", "one")
                .putAttr("dtype", PassTesting.floatType());
        PassTesting.node(g, "y", "Mul", "x", "learning_phase");
        PassTesting.constant(g, "lr", 1);
        PassTesting.node(g, "train_step", "Mul", "lr", "lr");
        PassTesting.output(g, "y:0");
        TfGraph after = PassTesting.checkSameOutputs(new RemoveTrainingNodes(), g, Map.of("x", new int[] {3}), 0);
        assertTrue(!after.nodes.containsKey("train_step") && !after.nodes.containsKey("lr"));
        assertEquals(0, PassTesting.count(after, "PlaceholderWithDefault"));
    }
}
