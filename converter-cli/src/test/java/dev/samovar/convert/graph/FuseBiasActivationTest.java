package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FuseBiasActivationTest {
    @Test
    void fusesConvDepthwiseAndMatMulWithBiasAndActivation() throws Exception {
        TfGraph g = new TfGraph();
        PassTesting.placeholder(g, "x", 1, 6, 6, 3);
        PassTesting.constant(g, "w", 3, 3, 3, 4);
        PassTesting.constant(g, "b", 4);
        PassTesting.node(g, "conv", "Conv2D", "x", "w").putAttr("strides", PassTesting.ints(1, 1, 1, 1))
                .putAttr("padding", PassTesting.s("SAME")).putAttr("data_format", PassTesting.s("NHWC"));
        PassTesting.node(g, "bias", "BiasAdd", "conv", "b");
        PassTesting.node(g, "relu", "Relu6", "bias");
        PassTesting.constant(g, "dw", 3, 3, 4, 1);
        PassTesting.constant(g, "db", 4);
        PassTesting.node(g, "depthwise", "DepthwiseConv2dNative", "relu", "dw")
                .putAttr("strides", PassTesting.ints(1, 2, 2, 1)).putAttr("padding", PassTesting.s("VALID"));
        PassTesting.node(g, "dadd", "AddV2", "depthwise", "db");
        PassTesting.node(g, "reshape_shape", "Const");
        g.remove("reshape_shape");
        g.addConst("shape", new ConstTensor("int32", new int[] {2}, null, new int[] {1, 16}));
        PassTesting.node(g, "flat", "Reshape", "dadd", "shape").putAttr("Tshape",
                org.tensorflow.proto.AttrValue.newBuilder().setType(org.tensorflow.proto.DataType.DT_INT32).build());
        PassTesting.constant(g, "mw", 16, 5);
        PassTesting.constant(g, "mb", 5);
        PassTesting.node(g, "mm", "MatMul", "flat", "mw");
        PassTesting.node(g, "madd", "BiasAdd", "mm", "mb");
        PassTesting.node(g, "out", "Sigmoid", "madd");
        PassTesting.output(g, "out:0");
        TfGraph after = PassTesting.checkSameOutputs(new FuseBiasActivation(), g, Map.of("x", new int[] {1, 6, 6, 3}), 1e-6);
        assertEquals(1, PassTesting.count(after, "_FusedConv2D"));
        assertEquals(1, PassTesting.count(after, "FusedDepthwiseConv2dNative"));
        assertEquals(1, PassTesting.count(after, "_FusedMatMul"));
        assertEquals(0, PassTesting.count(after, "BiasAdd") + PassTesting.count(after, "Relu6"));
    }
}
