package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CheckNumerics and Assert have no TF.js kernel, so the output is checked against hand-computed values. */
class StripDebugOpsTest {
    @Test
    void removesAssertAndPassesCheckNumericsThrough() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 3);
        PassTesting.constant(g, "two", new float[] {2f}, 1);
        PassTesting.node(g, "check", "CheckNumerics", "x");
        g.nodes.put("assert", org.tensorflow.proto.NodeDef.newBuilder().setName("assert").setOp("Assert").addInput("x"));
        PassTesting.node(g, "y", "Mul", "check", "two", "^assert");
        PassTesting.output(g, "y:0");
        String report = new StripDebugOps().apply(g);
        assertEquals("removed 2 debug nodes", report);
        assertTrue(!g.nodes.containsKey("check") && !g.nodes.containsKey("assert"));
        List<float[]> out = PassTesting.run(g, Map.of("x", new int[] {3}));
        // x = ((i * 7919) % 1000) / 500 - 1 for i = 0, 1, 2 → -1, 0.838, 0.676; y = 2x.
        assertArrayEquals(new float[] {-2f, (float) (0.838 * 2), (float) (0.676 * 2)}, out.get(0), 1e-6f);
    }
}
