package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A TensorFlow graph being converted: nodes (NodeDef builders, in order), the values of its Const
 * nodes, and the signature (inputs and outputs by key: tensor name, dtype, shape). The passes
 * rewrite it; {@link GraphModelWriter} writes it as a TF.js graph model.
 */
public final class TfGraph {
    public final Map<String, NodeDef.Builder> nodes = new LinkedHashMap<>();
    /** Values of Const nodes, by node name. */
    public final Map<String, ConstTensor> consts = new LinkedHashMap<>();
    /** Signature entries: key → tensor name ("x:0"). */
    public final Map<String, String> inputs = new LinkedHashMap<>();
    public final Map<String, String> outputs = new LinkedHashMap<>();
    public final Map<String, DataType> signatureDtypes = new HashMap<>();
    public final Map<String, TensorShapeProto> signatureShapes = new HashMap<>();
    public int producer;
    /** The TensorFlow version that wrote the model (a SavedModel's meta_info_def), or null. */
    public String tensorflowVersion;

    /** "a:1" → "a"; "^a" → "a"; "a" → "a". */
    public static String nodeName(String input) {
        String s = input.startsWith("^") ? input.substring(1) : input;
        int c = s.indexOf(':');
        return c < 0 ? s : s.substring(0, c);
    }

    public static int outputIndex(String input) {
        int c = input.lastIndexOf(':');
        return c < 0 || input.startsWith("^") ? 0 : Integer.parseInt(input.substring(c + 1));
    }

    public NodeDef.Builder node(String name) {
        return nodes.get(name);
    }

    public boolean isConst(String input) {
        NodeDef.Builder n = nodes.get(nodeName(input));
        return n != null && n.getOp().equals("Const") && consts.containsKey(n.getName()) && outputIndex(input) == 0
                && !input.startsWith("^");
    }

    public ConstTensor constOf(String input) {
        return consts.get(nodeName(input));
    }

    /** Adds (or replaces) a Const node holding {@code value}. */
    public NodeDef.Builder addConst(String name, ConstTensor value) {
        NodeDef.Builder b = NodeDef.newBuilder().setName(name).setOp("Const");
        b.putAttr("dtype", AttrValue.newBuilder().setType(value.tfType()).build());
        nodes.put(name, b);
        consts.put(name, value);
        return b;
    }

    public void remove(String name) {
        nodes.remove(name);
        consts.remove(name);
    }

    /** Names of the signature's output nodes. */
    public Set<String> outputNodes() {
        Set<String> s = new HashSet<>();
        for (String t : outputs.values()) {
            s.add(nodeName(t));
        }
        return s;
    }

    public Set<String> inputNodes() {
        Set<String> s = new HashSet<>();
        for (String t : inputs.values()) {
            s.add(nodeName(t));
        }
        return s;
    }

    /** Data consumers of each node: name → (consumer, input position) pairs. */
    public Map<String, List<Object[]>> consumers() {
        Map<String, List<Object[]>> m = new HashMap<>();
        for (NodeDef.Builder n : nodes.values()) {
            for (int i = 0; i < n.getInputCount(); i++) {
                String in = n.getInput(i);
                m.computeIfAbsent(nodeName(in), k -> new ArrayList<>()).add(new Object[] {n, i});
            }
        }
        return m;
    }

    /** Replaces every use of tensor {@code from} (and control uses of its node when it is output 0) by {@code to}. */
    public void rewire(String from, String to) {
        String fromNode = nodeName(from);
        int fromIdx = outputIndex(from);
        for (NodeDef.Builder n : nodes.values()) {
            for (int i = 0; i < n.getInputCount(); i++) {
                String in = n.getInput(i);
                if (in.startsWith("^")) {
                    if (in.substring(1).equals(fromNode)) {
                        n.setInput(i, "^" + nodeName(to));
                    }
                } else if (nodeName(in).equals(fromNode) && outputIndex(in) == fromIdx) {
                    n.setInput(i, to);
                }
            }
        }
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            String t = e.getValue();
            if (nodeName(t).equals(fromNode) && outputIndex(t) == fromIdx) {
                e.setValue(to.contains(":") ? to : to + ":0");
            }
        }
    }

    /** Keeps only the nodes the outputs need (data and control inputs), the inputs included. */
    public int prune() {
        Set<String> keep = new HashSet<>();
        List<String> work = new ArrayList<>(outputNodes());
        while (!work.isEmpty()) {
            String n = work.remove(work.size() - 1);
            if (!keep.add(n)) {
                continue;
            }
            NodeDef.Builder b = nodes.get(n);
            if (b == null) {
                throw new IllegalArgumentException("the graph has no node '" + n + "'");
            }
            for (String in : b.getInputList()) {
                work.add(nodeName(in));
            }
        }
        keep.addAll(inputNodes());
        int removed = 0;
        for (String n : new ArrayList<>(nodes.keySet())) {
            if (!keep.contains(n)) {
                remove(n);
                removed++;
            }
        }
        return removed;
    }

    /** A name not used yet, from {@code base}. */
    public String freshName(String base) {
        if (!nodes.containsKey(base)) {
            return base;
        }
        for (int k = 1;; k++) {
            if (!nodes.containsKey(base + "_" + k)) {
                return base + "_" + k;
            }
        }
    }
}
