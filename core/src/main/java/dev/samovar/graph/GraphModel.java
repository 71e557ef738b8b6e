package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import dev.samovar.io.ModelFormatException;
import dev.samovar.io.ModelJson;
import dev.samovar.io.ShardSource;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A TF.js graph model (model.json with {@code modelTopology} = a GraphDef as JSON, an optional
 * {@code signature}, and the weights of its Const nodes), run on Samovar's ops: the Java side of
 * {@code tf.loadGraphModel}. {@link #execute} compiles an {@link ExecutionPlan} once per
 * (inputs, outputs) pair and releases every intermediate tensor right after its last use.
 */
public final class GraphModel {
    final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    final Map<String, Tensor> weights = new LinkedHashMap<>();
    final List<GraphNode> inputs = new ArrayList<>();
    final List<GraphNode> outputs = new ArrayList<>();
    /** Signature key → tensor name ("x:0"), in file order; empty without a signature. */
    final Map<String, String> signatureInputs = new LinkedHashMap<>();
    final Map<String, String> signatureOutputs = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
    /** userDefinedMetadata.structuredOutputKeys: predict returns a map by these keys; null when absent. */
    List<String> structuredOutputKeys;
    private final Map<String, ExecutionPlan> plans = new HashMap<>();
    private final ModelJson json;
    private boolean memoryPlan = true;
    private double peakIntermediateBytes;
    private boolean disposed;

    private GraphModel(ModelJson json) {
        this.json = json;
    }

    /** Parses a model.json text and reads its weights from {@code shards}. */
    public static GraphModel load(String modelJsonText, ShardSource shards, String fileName) {
        return load(ModelJson.parse(modelJsonText, fileName), shards, fileName);
    }

    @SuppressWarnings("unchecked")
    public static GraphModel load(ModelJson mj, ShardSource shards, String fileName) {
        if (!(mj.modelTopology instanceof Map)) {
            throw new ModelFormatException(fileName + ": modelTopology: expected a GraphDef object");
        }
        Map<String, Object> topo = (Map<String, Object>) mj.modelTopology;
        Object nodeList = topo.get("node");
        if (!(nodeList instanceof List)) {
            throw new ModelFormatException(fileName + ": modelTopology.node: expected an array of nodes"
                    + (topo.containsKey("model_config") ? " (this is a layers model: use tf.loadLayersModel)" : ""));
        }
        GraphModel m = new GraphModel(mj);
        List<Object> list = (List<Object>) nodeList;
        for (int i = 0; i < list.size(); i++) {
            String where = fileName + ": modelTopology.node[" + i + "]";
            if (!(list.get(i) instanceof Map)) {
                throw new ModelFormatException(where + ": expected an object");
            }
            GraphNode n = new GraphNode((Map<String, Object>) list.get(i), where);
            if (m.nodes.put(n.name, n) != null) {
                throw new ModelFormatException(where + ": the node name '" + n.name + "' is used twice");
            }
        }
        List<String> unknown = new ArrayList<>();
        for (GraphNode n : m.nodes.values()) {
            for (int i = 0; i < n.inputNodes.size(); i++) {
                GraphNode src = m.nodes.get(n.inputNodes.get(i));
                if (src == null) {
                    throw new ModelFormatException(fileName + ": node '" + n.name + "' (op " + n.op + "): input '"
                            + n.inputNames.get(i) + "' names no node of the graph");
                }
                src.children.add(n);
            }
            for (String ci : n.controlInputs) {
                if (!m.nodes.containsKey(ci)) {
                    throw new ModelFormatException(fileName + ": node '" + n.name + "' (op " + n.op
                            + "): control input '^" + ci + "' names no node of the graph");
                }
            }
            if (OpRegistry.get(n.op) == null) {
                unknown.add(n.op + " (node '" + n.name + "')");
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnsupportedOperationException(fileName + ": unsupported TensorFlow ops: "
                    + String.join(", ", unknown.subList(0, Math.min(20, unknown.size())))
                    + (unknown.size() > 20 ? ", ... (" + unknown.size() + " nodes)" : ""));
        }
        Object lib = topo.get("library");
        if (lib instanceof Map && ((Map<String, Object>) lib).get("function") instanceof List) {
            for (Object f : (List<Object>) ((Map<String, Object>) lib).get("function")) {
                Map<String, Object> fm = (Map<String, Object>) f;
                Object sig = fm.get("signature");
                if (sig instanceof Map) {
                    m.functions.put(String.valueOf(((Map<String, Object>) sig).get("name")), fm);
                }
            }
        }
        Object signature = mj.extra.get("signature");
        if (mj.userDefinedMetadata != null) {
            if (mj.userDefinedMetadata.get("signature") != null) {
                signature = mj.userDefinedMetadata.get("signature");
            }
            Object keys = mj.userDefinedMetadata.get("structuredOutputKeys");
            if (keys instanceof List) {
                m.structuredOutputKeys = new ArrayList<>();
                for (Object k : (List<Object>) keys) {
                    m.structuredOutputKeys.add(String.valueOf(k));
                }
            }
        }
        m.readSignature(signature, fileName);
        m.findInputsAndOutputs();
        m.readWeights(mj, shards, fileName);
        return m;
    }

    @SuppressWarnings("unchecked")
    private void readSignature(Object sig, String fileName) {
        if (!(sig instanceof Map)) {
            return;
        }
        Map<String, Object> s = (Map<String, Object>) sig;
        for (String part : new String[] {"inputs", "outputs"}) {
            Object entries = s.get(part);
            if (!(entries instanceof Map)) {
                continue;
            }
            Map<String, String> target = part.equals("inputs") ? signatureInputs : signatureOutputs;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) entries).entrySet()) {
                if (!(e.getValue() instanceof Map) || !(((Map<String, Object>) e.getValue()).get("name") instanceof String)) {
                    throw new ModelFormatException(fileName + ": signature." + part + "." + e.getKey()
                            + ".name: expected a tensor name");
                }
                target.put(e.getKey(), (String) ((Map<String, Object>) e.getValue()).get("name"));
            }
        }
    }

    /** TF.js's OperationMapper: outputs from the signature or the nodes nobody consumes; inputs likewise. */
    private void findInputsAndOutputs() {
        if (signatureOutputs.isEmpty()) {
            for (GraphNode n : nodes.values()) {
                if (n.children.isEmpty()) {
                    outputs.add(n);
                }
            }
        } else {
            for (Map.Entry<String, String> e : signatureOutputs.entrySet()) {
                GraphNode n = nodes.get(GraphNode.parseName(e.getValue())[0]);
                if (n != null) {
                    n.signatureKey = e.getKey();
                    outputs.add(n);
                }
            }
        }
        if (signatureInputs.isEmpty()) {
            for (GraphNode n : nodes.values()) {
                if (n.op.startsWith("Placeholder")) {
                    inputs.add(n);
                }
            }
        } else {
            for (Map.Entry<String, String> e : signatureInputs.entrySet()) {
                GraphNode n = nodes.get(GraphNode.parseName(e.getValue())[0]);
                if (n != null) {
                    n.signatureKey = e.getKey();
                    inputs.add(n);
                }
            }
        }
    }

    private void readWeights(ModelJson mj, ShardSource shards, String fileName) {
        WeightsReader reader = new WeightsReader(mj.weightsManifest, shards, fileName);
        reader.validate();
        try {
            reader.forEach((spec, stored) -> {
                if (spec.dtype.equals("string")) {
                    throw new UnsupportedOperationException(fileName + ": weight '" + spec.name
                            + "': string tensors are not supported");
                }
                Object values = WeightsReader.decode(spec, stored);
                Tensor t = Engine.get().makeTensor(values, spec.shape(), DType.of(spec.dtype));
                Engine.get().keep(t);
                weights.put(spec.name, t);
            });
        } catch (RuntimeException e) {
            disposeWeights();
            throw e;
        }
        for (GraphNode n : nodes.values()) {
            if (n.op.equals("Const") && !weights.containsKey(n.name)) {
                disposeWeights();
                throw new ModelFormatException(fileName + ": node '" + n.name
                        + "' (op Const) has no weight in weightsManifest");
            }
        }
    }

    private void disposeWeights() {
        for (Tensor t : weights.values()) {
            t.dispose();
        }
        weights.clear();
    }

    GraphNode node(String name) {
        return nodes.get(name);
    }

    // ------------------------------------------------------------------------------ properties

    public ModelJson modelJson() {
        return json;
    }

    /** TF.js's inputNodes: signature keys, or input node names. */
    public List<String> inputNodes() {
        List<String> out = new ArrayList<>();
        for (GraphNode n : inputs) {
            out.add(n.signatureKey != null ? n.signatureKey : n.name);
        }
        return out;
    }

    public List<String> outputNodes() {
        List<String> out = new ArrayList<>();
        for (GraphNode n : outputs) {
            out.add(n.signatureKey != null ? n.signatureKey : n.name);
        }
        return out;
    }

    /** name, shape (null when unknown), dtype (null when absent) of each input node. */
    public List<Object[]> inputInfo() {
        return info(inputs);
    }

    public List<Object[]> outputInfo() {
        return info(outputs);
    }

    private static List<Object[]> info(List<GraphNode> list) {
        List<Object[]> out = new ArrayList<>();
        for (GraphNode n : list) {
            out.add(new Object[] {n.name, n.getShape("shape"), n.getTypeName("dtype")});
        }
        return out;
    }

    /** The structured output keys (predict's result is a map by them), or null. */
    public List<String> structuredOutputKeys() {
        return structuredOutputKeys;
    }

    public Map<String, Tensor> weights() {
        return weights;
    }

    public Map<String, GraphNode> nodes() {
        return nodes;
    }

    /** Whether intermediates are released after their last use (true) or kept to the end (false, for measurements). */
    public void setMemoryPlan(boolean on) {
        this.memoryPlan = on;
    }

    /** Peak bytes of intermediate tensors alive at once during the last execute. */
    public double peakIntermediateBytes() {
        return peakIntermediateBytes;
    }

    // ------------------------------------------------------------------------------- execution

    /** model.predict: runs the output nodes. */
    public Tensor[] predict(Map<String, Tensor> feeds) {
        return execute(feeds, outputNodes());
    }

    /** model.predict with positional inputs (in inputNodes order). */
    public Tensor[] predict(Tensor... in) {
        return execute(positional(in), outputNodes());
    }

    /** Positional inputs as a map by inputNodes, with TF.js's count check. */
    public Map<String, Tensor> positional(Tensor[] in) {
        List<String> names = inputNodes();
        if (in.length != names.size()) {
            throw new IllegalArgumentException("Input tensor count mismatch, the graph model has " + names.size()
                    + " non-resource placeholders, while there are " + in.length + " input tensors provided.");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < in.length; i++) {
            m.put(names.get(i), in[i]);
        }
        return m;
    }

    /**
     * model.execute(inputs, outputs): inputs by node name ("x" / "x:0") or signature key; outputs
     * by node name, "node:index" or signature key. Throws, as TF.js does, when the graph needs
     * dynamic execution (control flow): use {@link #executeAsync}.
     */
    public Tensor[] execute(Map<String, Tensor> feeds, List<String> outputNames) {
        return run(feeds, outputNames, false);
    }

    /** model.executeAsync: the same, and graphs with control flow or dynamic ops run too. */
    public Tensor[] executeAsync(Map<String, Tensor> feeds, List<String> outputNames) {
        return run(feeds, outputNames, true);
    }

    private Tensor[] run(Map<String, Tensor> rawFeeds, List<String> rawOutputs, boolean async) {
        if (disposed) {
            throw new IllegalStateException("The graph model is disposed.");
        }
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : rawFeeds.entrySet()) {
            String mapped = signatureInputs.get(e.getKey());
            feeds.put(mapped != null ? mapped : e.getKey(), e.getValue());
        }
        checkInputs(feeds);
        List<String> outs = new ArrayList<>();
        for (String o : rawOutputs.isEmpty() ? outputNodes() : rawOutputs) {
            String mapped = signatureOutputs.get(o);
            outs.add(mapped != null ? mapped : o);
        }
        for (String o : outs) {
            if (!nodes.containsKey(GraphNode.parseName(o)[0])) {
                throw new IllegalArgumentException("The output '" + o + "' is not found in the graph");
            }
        }
        Set<String> fedNodes = new TreeSet<>();
        for (String k : feeds.keySet()) {
            fedNodes.add(GraphNode.parseName(k)[0]);
        }
        List<String> outNodes = new ArrayList<>();
        for (String o : outs) {
            String n = GraphNode.parseName(o)[0];
            if (!outNodes.contains(n)) {
                outNodes.add(n);
            }
        }
        List<String> sortedOut = new ArrayList<>(new TreeSet<>(outNodes));
        String key = String.join(",", fedNodes) + "--" + String.join(",", sortedOut);
        ExecutionPlan plan = plans.get(key);
        if (plan == null) {
            plan = ExecutionPlan.compile(this, fedNodes, outNodes);
            plans.put(key, plan);
        }
        if (plan.dynamicNode != null) {
            if (!async) {
                throw new IllegalArgumentException("This execution contains the node '" + plan.dynamicNode.name
                        + "', which has the dynamic op '" + plan.dynamicNode.op + "'. Please use model.executeAsync() "
                        + "instead. Alternatively, to avoid the dynamic ops, specify the inputs ["
                        + String.join(",", syncInputs(plan)) + "]");
            }
            return ControlFlowExecutor.run(this, feeds, outs, fedNodes, plan);
        }
        return runPlan(plan, feeds, outs, fedNodes);
    }

    private List<String> syncInputs(ExecutionPlan plan) {
        List<String> out = new ArrayList<>();
        for (String in : plan.dynamicNode.inputNodes) {
            out.add(in);
        }
        return out;
    }

    private void checkInputs(Map<String, Tensor> feeds) {
        List<String> notInGraph = new ArrayList<>();
        for (String name : feeds.keySet()) {
            if (!nodes.containsKey(GraphNode.parseName(name)[0])) {
                notInGraph.add(name);
            }
        }
        if (!notInGraph.isEmpty()) {
            throw new IllegalArgumentException("The dict provided in model.execute(dict) has keys: ["
                    + String.join(",", notInGraph) + "] that are not part of graph");
        }
        for (Map.Entry<String, Tensor> e : feeds.entrySet()) {
            GraphNode n = nodes.get(GraphNode.parseName(e.getKey())[0]);
            Tensor t = e.getValue();
            t.assertNotDisposed();
            int[] shape = n.getShape("shape");
            if (shape != null) {
                int[] ts = t.shapeRef();
                boolean match = shape.length == ts.length;
                for (int i = 0; match && i < ts.length; i++) {
                    match = shape[i] == -1 || shape[i] == ts[i];
                }
                if (!match) {
                    throw new IllegalArgumentException("The shape of dict['" + n.name + "'] provided in "
                            + "model.execute(dict) must be [" + join(shape) + "], but was [" + join(ts) + "]");
                }
            }
            String dtype = n.getTypeName("dtype");
            if (dtype != null && !dtype.equals(t.dtype().jsName())) {
                throw new IllegalArgumentException("The dtype of dict['" + n.name + "'] provided in "
                        + "model.execute(dict) must be " + dtype + ", but was " + t.dtype().jsName());
            }
        }
    }

    static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }

    /** Inputs of a node from the value map, by output index. */
    Tensor[] gatherInputs(GraphNode n, Map<String, Tensor[]> values) {
        Tensor[] in = new Tensor[n.inputNodes.size()];
        for (int i = 0; i < in.length; i++) {
            Tensor[] v = values.get(n.inputNodes.get(i));
            int idx = n.inputIndices.get(i);
            if (v == null || idx >= v.length || v[idx] == null) {
                throw new IllegalStateException("node '" + n.name + "' (op " + n.op + "): input '"
                        + n.inputNames.get(i) + "' has no value");
            }
            in[i] = v[idx];
        }
        return in;
    }

    /** Runs one node's op, with a clear error naming the node. */
    Tensor[] runNode(GraphNode n, Tensor[] in, ExecutionContext ctx) {
        GraphOp op = OpRegistry.get(n.op);
        if (op == null) {
            throw new UnsupportedOperationException("Unknown op '" + n.op + "' (node '" + n.name + "')");
        }
        Tensor[] out;
        try {
            out = op.run(n, in, ctx);
        } catch (RuntimeException e) {
            String msg = e.getMessage();
            if (msg != null && msg.contains("(node '")) {
                throw e;
            }
            throw new IllegalArgumentException((msg == null ? e.toString() : msg) + " (node '" + n.name + "', op "
                    + n.op + ")", e);
        }
        if (out == null) {
            return null;
        }
        // An op that hands back one of its inputs gets a clone, so releasing one never frees the other.
        for (int i = 0; i < out.length; i++) {
            for (Tensor t : in) {
                if (out[i] == t && t != null) {
                    out[i] = t.clone();
                }
            }
        }
        return out;
    }

    Tensor[] valueOfFed(String nodeName, Map<String, Tensor> feeds) {
        List<Tensor> list = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : feeds.entrySet()) {
            String[] ni = GraphNode.parseName(e.getKey());
            if (ni[0].equals(nodeName)) {
                int idx = Integer.parseInt(ni[1]);
                while (list.size() <= idx) {
                    list.add(null);
                }
                list.set(idx, e.getValue());
            }
        }
        return list.toArray(new Tensor[0]);
    }

    private Tensor[] runPlan(ExecutionPlan plan, Map<String, Tensor> feeds, List<String> outs, Set<String> fedNodes) {
        Engine engine = Engine.get();
        ExecutionContext ctx = new ExecutionContext(this);
        Tensor[] results = new Tensor[outs.size()];
        double base = engine.memory().numBytes;
        double peak = 0;
        try (Scope scope = engine.startScope("graphModel.execute")) {
            Map<String, Tensor[]> values = new HashMap<>();
            for (String f : fedNodes) {
                values.put(f, valueOfFed(f, feeds));
            }
            for (Map.Entry<String, Tensor> w : weights.entrySet()) {
                values.put(w.getKey(), new Tensor[] {w.getValue()});
            }
            for (int i = 0; i < plan.order.length; i++) {
                GraphNode n = plan.order[i];
                if (!values.containsKey(n.name)) {
                    values.put(n.name, runNode(n, gatherInputs(n, values), ctx));
                }
                double now = engine.memory().numBytes - base;
                if (now > peak) {
                    peak = now;
                }
                if (memoryPlan) {
                    for (GraphNode r : plan.releaseAfter[i]) {
                        Tensor[] v = values.remove(r.name);
                        if (v != null) {
                            for (Tensor t : v) {
                                if (t != null && !t.isDisposed() && !t.isKept()) {
                                    t.dispose();
                                }
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < outs.size(); i++) {
                String[] ni = GraphNode.parseName(outs.get(i));
                Tensor[] v = values.get(ni[0]);
                int idx = Integer.parseInt(ni[1]);
                if (v == null || idx >= v.length || v[idx] == null) {
                    throw new IllegalStateException("The output '" + outs.get(i) + "' was not computed");
                }
                Tensor t = v[idx];
                // A fed input or a weight asked for as an output is returned as itself, as in TF.js.
                results[i] = t;
            }
            for (Tensor r : results) {
                scope.escape(r);
            }
        }
        peakIntermediateBytes = peak;
        return results;
    }

    /**
     * Runs one node (its GraphDef JSON) on input tensors outside any model: the converter's
     * constant folding evaluates nodes with the runtime's own op mapping. Control-flow ops are refused.
     */
    public static Tensor[] runOp(Map<String, Object> nodeJson, Tensor[] inputs) {
        GraphNode n = new GraphNode(nodeJson, "node");
        if (ControlFlowOps.isControlFlow(n.op) || OpRegistry.get(n.op) == null) {
            throw new UnsupportedOperationException("cannot evaluate op " + n.op + " (node '" + n.name + "')");
        }
        GraphModel empty = new GraphModel(null);
        return empty.runNode(n, inputs, new ExecutionContext(empty));
    }

    /** Frees the weights. */
    public void dispose() {
        if (!disposed) {
            disposeWeights();
            disposed = true;
        }
    }

    /** Ops of the graph that the runtime does not support (empty when it runs), as "Op (node 'n')". */
    public static List<String> unsupportedOps(Iterable<GraphNode> nodes) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : nodes) {
            if (OpRegistry.get(n.op) == null) {
                out.add(n.op + " (node '" + n.name + "')");
            }
        }
        return out;
    }

    static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    static Set<String> names(List<GraphNode> list) {
        Set<String> s = new HashSet<>();
        for (GraphNode n : list) {
            s.add(n.name);
        }
        return s;
    }
}
