package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Folds an inference-mode FusedBatchNorm (V1/V2/V3, constant scale, offset, mean, variance) that
 * follows a Conv2D, DepthwiseConv2dNative or MatMul with a constant filter into that filter, and
 * leaves a BiasAdd with {@code offset - mean * scale / sqrt(variance + epsilon)}: y = x * s + b.
 */
public final class FoldBatchNorm implements GraphPass {
    @Override
    public String name() {
        return "fold batch norms";
    }

    @Override
    public String apply(TfGraph g) {
        int folded = 0;
        Map<String, List<Object[]>> consumers = g.consumers();
        for (NodeDef.Builder bn : new ArrayList<>(g.nodes.values())) {
            if (!bn.getOp().startsWith("FusedBatchNorm") || bn.getInputCount() < 5) {
                continue;
            }
            if (bn.getAttrOrDefault("is_training", AttrValue.newBuilder().setB(false).build()).getB()) {
                continue;
            }
            if (!bn.getAttrOrDefault("data_format", AttrValue.getDefaultInstance()).getS().toStringUtf8().matches("|NHWC")) {
                continue;
            }
            boolean onlyY = true;
            for (Object[] c : consumers.getOrDefault(bn.getName(), List.of())) {
                String in = ((NodeDef.Builder) c[0]).getInput((Integer) c[1]);
                onlyY &= in.startsWith("^") || TfGraph.outputIndex(in) == 0;
            }
            if (!onlyY) {
                continue;
            }
            String xName = bn.getInput(0);
            NodeDef.Builder conv = g.node(TfGraph.nodeName(xName));
            if (conv == null || TfGraph.outputIndex(xName) != 0 || consumers.getOrDefault(conv.getName(), List.of()).size() != 1
                    || g.outputNodes().contains(conv.getName())) {
                continue;
            }
            String op = conv.getOp();
            if (!(op.equals("Conv2D") || op.equals("DepthwiseConv2dNative") || op.equals("MatMul"))
                    || !g.isConst(conv.getInput(1))) {
                continue;
            }
            if (op.equals("MatMul") && conv.getAttrOrDefault("transpose_b", AttrValue.getDefaultInstance()).getB()) {
                continue;
            }
            boolean consts = true;
            for (int i = 1; i < 5; i++) {
                consts &= g.isConst(bn.getInput(i));
            }
            if (!consts) {
                continue;
            }
            float[] scale = g.constOf(bn.getInput(1)).f;
            float[] offset = g.constOf(bn.getInput(2)).f;
            float[] mean = g.constOf(bn.getInput(3)).f;
            float[] var = g.constOf(bn.getInput(4)).f;
            float eps = bn.getAttrOrDefault("epsilon", AttrValue.newBuilder().setF(0.0001f).build()).getF();
            ConstTensor filter = g.constOf(conv.getInput(1));
            int channels = scale.length;
            int[] fs = filter.shape;
            int last = op.equals("DepthwiseConv2dNative") ? fs[fs.length - 2] * fs[fs.length - 1] : fs[fs.length - 1];
            if (last != channels || filter.f == null) {
                continue;
            }
            double[] s = new double[channels];
            float[] bias = new float[channels];
            for (int c = 0; c < channels; c++) {
                s[c] = scale[c] / Math.sqrt((double) var[c] + eps);
                bias[c] = (float) (offset[c] - mean[c] * s[c]);
            }
            float[] w = new float[filter.f.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (filter.f[k] * s[k % channels]);
            }
            String filterName = g.freshName(conv.getName() + "/folded_filter");
            g.addConst(filterName, new ConstTensor("float32", fs.clone(), w, null));
            String biasName = g.freshName(bn.getName() + "/folded_bias");
            g.addConst(biasName, new ConstTensor("float32", new int[] {channels}, bias, null));
            conv.setInput(1, filterName);
            String name = bn.getName();
            String device = bn.getDevice();
            AttrValue t = conv.getAttrOrDefault("T", AttrValue.getDefaultInstance());
            g.remove(name);
            NodeDef.Builder add = NodeDef.newBuilder().setName(name).setOp("BiasAdd").setDevice(device)
                    .addInput(conv.getName()).addInput(biasName).putAttr("T", t)
                    .putAttr("data_format", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8("NHWC")).build());
            g.nodes.put(name, add);
            folded++;
            consumers = g.consumers();
        }
        if (folded > 0) {
            g.prune();
        }
        return folded == 0 ? "" : "folded " + folded + " batch norms into convolution / matMul weights";
    }
}
