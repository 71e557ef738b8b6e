package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RewriteForTfjsTest {
    @Test
    void maxPoolV2BecomesMaxPool() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 1, 4, 4, 2);
        g.addConst("ksize", new ConstTensor("int32", new int[] {4}, null, new int[] {1, 2, 2, 1}));
        g.addConst("strides", new ConstTensor("int32", new int[] {4}, null, new int[] {1, 2, 2, 1}));
        PassTesting.node(g, "pool", "MaxPoolV2", "x", "ksize", "strides").putAttr("padding", PassTesting.s("VALID"));
        PassTesting.output(g, "pool:0");
        TfGraph after = PassTesting.checkSameOutputs(new RewriteForTfjs(), g, Map.of("x", new int[] {1, 4, 4, 2}), 0);
        assertEquals(0, PassTesting.count(after, "MaxPoolV2"));
        assertEquals(1, PassTesting.count(after, "MaxPool"));
        assertEquals(0, PassTesting.count(after, "Const"));
    }
}
