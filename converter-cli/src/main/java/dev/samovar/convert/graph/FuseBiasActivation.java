package dev.samovar.convert.graph;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Fuses Conv2D / DepthwiseConv2dNative / MatMul + BiasAdd (or Add / AddV2 of a constant vector of
 * the output channels) + an optional activation (Relu, Relu6, Elu, Sigmoid, LeakyRelu) into
 * {@code _FusedConv2D} / {@code FusedDepthwiseConv2dNative} / {@code _FusedMatMul}, the nodes
 * TF.js runs as one fused kernel. The fused node takes the name of the last node it replaces.
 */
public final class FuseBiasActivation implements GraphPass {
    private static final Set<String> ACTIVATIONS = Set.of("Relu", "Relu6", "Elu", "Sigmoid", "LeakyRelu");

    @Override
    public String name() {
        return "fuse bias + activation";
    }

    private static NodeDef.Builder single(TfGraph g, Map<String, List<Object[]>> consumers, NodeDef.Builder n) {
        List<Object[]> c = consumers.getOrDefault(n.getName(), List.of());
        if (c.size() != 1 || g.outputNodes().contains(n.getName())) {
            return null;
        }
        NodeDef.Builder next = (NodeDef.Builder) c.get(0)[0];
        String in = next.getInput((Integer) c.get(0)[1]);
        return in.startsWith("^") || TfGraph.outputIndex(in) != 0 ? null : next;
    }

    private static AttrValue s(String v) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(v)).build();
    }

    @Override
    public String apply(TfGraph g) {
        int conv = 0;
        int depthwise = 0;
        int matmul = 0;
        Map<String, List<Object[]>> consumers = g.consumers();
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (!g.nodes.containsKey(n.getName())) {
                continue;
            }
            String op = n.getOp();
            if (!(op.equals("Conv2D") || op.equals("DepthwiseConv2dNative") || op.equals("MatMul"))) {
                continue;
            }
            String df = n.getAttrOrDefault("data_format", s("NHWC")).getS().toStringUtf8();
            if (!df.equals("NHWC") && !op.equals("MatMul")) {
                continue;
            }
            NodeDef.Builder add = single(g, consumers, n);
            if (add == null || !(add.getOp().equals("BiasAdd") || add.getOp().equals("Add") || add.getOp().equals("AddV2"))) {
                continue;
            }
            int other = TfGraph.nodeName(add.getInput(0)).equals(n.getName()) ? 1 : 0;
            String biasIn = add.getInput(other);
            if (add.getInputCount() != 2 || !g.isConst(biasIn) || g.constOf(biasIn).shape.length != 1
                    || g.constOf(biasIn).f == null) {
                continue;
            }
            if (add.getOp().equals("BiasAdd") && other != 1) {
                continue;
            }
            NodeDef.Builder last = add;
            String activation = null;
            NodeDef.Builder act = single(g, consumers, add);
            if (act != null && ACTIVATIONS.contains(act.getOp())) {
                activation = act.getOp();
                last = act;
            }
            String fusedOp = op.equals("Conv2D") ? "_FusedConv2D" : op.equals("MatMul") ? "_FusedMatMul"
                    : "FusedDepthwiseConv2dNative";
            NodeDef.Builder f = NodeDef.newBuilder().setName(last.getName()).setOp(fusedOp).setDevice(n.getDevice())
                    .addInput(n.getInput(0)).addInput(n.getInput(1)).addInput(biasIn);
            for (Map.Entry<String, AttrValue> e : n.getAttrMap().entrySet()) {
                f.putAttr(e.getKey(), e.getValue());
            }
            AttrValue.ListValue.Builder ops = AttrValue.ListValue.newBuilder().addS(ByteString.copyFromUtf8("BiasAdd"));
            if (activation != null) {
                ops.addS(ByteString.copyFromUtf8(activation));
                if (activation.equals("LeakyRelu")) {
                    f.putAttr("leakyrelu_alpha", AttrValue.newBuilder()
                            .setF(act.getAttrOrDefault("alpha", AttrValue.newBuilder().setF(0.2f).build()).getF()).build());
                }
            }
            f.putAttr("fused_ops", AttrValue.newBuilder().setList(ops).build());
            f.putAttr("num_args", AttrValue.newBuilder().setI(1).build());
            f.putAttr("epsilon", AttrValue.newBuilder().setF(0).build());
            String name = last.getName();
            g.remove(n.getName());
            g.remove(add.getName());
            if (act != null && activation != null) {
                g.remove(act.getName());
            }
            g.nodes.put(name, f);
            if (op.equals("Conv2D")) {
                conv++;
            } else if (op.equals("MatMul")) {
                matmul++;
            } else {
                depthwise++;
            }
            consumers = g.consumers();
        }
        int total = conv + depthwise + matmul;
        return total == 0 ? "" : "fused " + conv + " Conv2D, " + depthwise + " DepthwiseConv2dNative and " + matmul
                + " MatMul with their bias (and activation)";
    }
}
