package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantFoldingTest {
    @Test
    void foldsConstantSubgraphs() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 2, 3);
        PassTesting.constant(g, "a", 2, 3);
        PassTesting.constant(g, "b", 2, 3);
        PassTesting.node(g, "sum", "AddV2", "a", "b");
        PassTesting.node(g, "sq", "Square", "sum");
        PassTesting.node(g, "out", "Mul", "x", "sq");
        PassTesting.output(g, "out:0");
        TfGraph after = PassTesting.checkSameOutputs(new ConstantFolding(), g, Map.of("x", new int[] {2, 3}), 0);
        assertEquals(1, PassTesting.count(after, "Const"), "a, b, sum, sq folded into one constant");
        assertEquals(0, PassTesting.count(after, "AddV2") + PassTesting.count(after, "Square"));
    }
}
