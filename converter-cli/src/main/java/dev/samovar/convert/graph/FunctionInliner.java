package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Inlines the function calls of a TF2 graph (StatefulPartitionedCall / PartitionedCall) so the
 * graph is flat, as tensorflowjs_converter's grappler step does: the function's nodes are copied
 * under {@code call/}, its arguments wired to the call's inputs and the call's outputs to the
 * function's return values.
 */
final class FunctionInliner {
    private FunctionInliner() {
    }

    /** Output argument names of multi-output ops, in order (function-style inputs name them). */
    private static final Map<String, String[]> OUTPUT_ARGS = new HashMap<>();

    static {
        String[] bn = {"y", "batch_mean", "batch_variance", "reserve_space_1", "reserve_space_2", "reserve_space_3"};
        OUTPUT_ARGS.put("FusedBatchNorm", bn);
        OUTPUT_ARGS.put("FusedBatchNormV2", bn);
        OUTPUT_ARGS.put("FusedBatchNormV3", bn);
        OUTPUT_ARGS.put("TopKV2", new String[] {"values", "indices"});
        OUTPUT_ARGS.put("Switch", new String[] {"output_false", "output_true"});
        OUTPUT_ARGS.put("Unique", new String[] {"y", "idx"});
        OUTPUT_ARGS.put("NonMaxSuppressionV5", new String[] {"selected_indices", "selected_scores", "valid_outputs"});
    }

    static void inline(TfGraph g, Map<String, FunctionDef> functions) {
        for (int round = 0; round < 20; round++) {
            boolean any = false;
            for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
                if (GraphReaders.isCall(n.getOp()) && g.nodes.containsKey(n.getName())) {
                    String f = n.getAttrOrThrow("f").getFunc().getName();
                    FunctionDef fd = functions.get(f);
                    if (fd == null) {
                        throw new IllegalArgumentException("node '" + n.getName() + "' calls function '" + f
                                + "', which the graph's library does not define");
                    }
                    inlineCall(g, n, fd);
                    any = true;
                }
            }
            if (!any) {
                return;
            }
            g.prune();
        }
    }

    private static void inlineCall(TfGraph g, NodeDef.Builder call, FunctionDef fd) {
        String prefix = call.getName() + "/";
        OpDef sig = fd.getSignature();
        Map<String, String> args = new HashMap<>();
        List<String> dataInputs = new ArrayList<>();
        List<String> controls = new ArrayList<>();
        for (String in : call.getInputList()) {
            if (in.startsWith("^")) {
                controls.add(in);
            } else {
                dataInputs.add(in);
            }
        }
        for (int i = 0; i < sig.getInputArgCount(); i++) {
            args.put(sig.getInputArg(i).getName(), dataInputs.get(i));
        }
        Map<String, String> opOf = new HashMap<>();
        for (NodeDef n : fd.getNodeDefList()) {
            opOf.put(n.getName(), n.getOp());
        }
        for (NodeDef n : fd.getNodeDefList()) {
            NodeDef.Builder b = n.toBuilder().setName(prefix + n.getName()).clearInput();
            for (String in : n.getInputList()) {
                b.addInput(mapInput(in, prefix, args, opOf));
            }
            if (n.getInputCount() == 0) {
                for (String c : controls) {
                    b.addInput(c);
                }
            }
            g.nodes.put(b.getName(), b);
            if (n.getOp().equals("Const") && ConstTensor.jsDtype(n.getAttrOrThrow("value").getTensor().getDtype()) != null) {
                g.consts.put(b.getName(), ConstTensor.fromProto(n.getAttrOrThrow("value").getTensor(),
                        "function " + sig.getName() + ": node '" + n.getName() + "'"));
            }
        }
        String callName = call.getName();
        g.remove(callName);
        for (int k = 0; k < sig.getOutputArgCount(); k++) {
            String ret = fd.getRetMap().get(sig.getOutputArg(k).getName());
            String target = mapInput(ret, prefix, args, opOf);
            g.rewire(callName + ":" + k, target);
            if (k == 0) {
                g.rewire(callName, target);
            }
        }
    }

    /** A function-body input ("arg", "node:out_arg:i", "^node") as a graph tensor name. */
    private static String mapInput(String in, String prefix, Map<String, String> args, Map<String, String> opOf) {
        if (in.startsWith("^")) {
            String n = in.substring(1);
            return args.containsKey(n) ? "^" + TfGraph.nodeName(args.get(n)) : "^" + prefix + n;
        }
        String[] parts = in.split(":");
        if (parts.length == 1) {
            return args.containsKey(in) ? args.get(in) : prefix + in;
        }
        if (parts.length == 2) {
            return args.containsKey(parts[0]) ? args.get(parts[0]) : prefix + parts[0] + ":" + parts[1];
        }
        int idx = Integer.parseInt(parts[2]);
        String[] outs = OUTPUT_ARGS.get(opOf.get(parts[0]));
        if (outs != null) {
            for (int k = 0; k < outs.length; k++) {
                if (outs[k].equals(parts[1])) {
                    idx += k;
                    break;
                }
            }
        }
        String node = prefix + parts[0];
        return idx == 0 ? node : node + ":" + idx;
    }
}
