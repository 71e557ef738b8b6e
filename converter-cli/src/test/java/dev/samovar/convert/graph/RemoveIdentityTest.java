package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveIdentityTest {
    @Test
    void removesIdentityStopGradientAndNoOpButKeepsOutputs() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 4);
        PassTesting.constant(g, "c", 4);
        PassTesting.node(g, "c_read", "Identity", "c");
        PassTesting.node(g, "stop", "StopGradient", "x");
        g.nodes.put("deps", org.tensorflow.proto.NodeDef.newBuilder().setName("deps").setOp("NoOp"));
        PassTesting.node(g, "add", "AddV2", "stop", "c_read", "^deps");
        PassTesting.node(g, "result", "Identity", "add");
        PassTesting.output(g, "result:0");
        TfGraph after = PassTesting.checkSameOutputs(new RemoveIdentity(), g, Map.of("x", new int[] {4}), 0);
        assertEquals(1, PassTesting.count(after, "Identity"), "the output Identity stays");
        assertEquals(0, PassTesting.count(after, "StopGradient") + PassTesting.count(after, "NoOp"));
        assertTrue(after.nodes.containsKey("result"));
    }
}
