package dev.samovar.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static plan of one (inputs, outputs) pair, computed once per model and pair: the nodes to
 * run in order, and the memory plan: after step i, the nodes whose outputs have had their last
 * use ({@code releaseAfter[i]}). Weights, fed inputs and requested outputs are never released.
 */
final class ExecutionPlan {
    final GraphNode[] order;
    final GraphNode[][] releaseAfter;
    /** A node whose op is data-dependent (control flow, dynamic shapes), or null. */
    final GraphNode dynamicNode;

    private ExecutionPlan(GraphNode[] order, GraphNode[][] releaseAfter, GraphNode dynamicNode) {
        this.order = order;
        this.releaseAfter = releaseAfter;
        this.dynamicNode = dynamicNode;
    }

    /**
     * @param fed node names fed by the caller
     * @param outputNodes node names whose outputs are requested
     */
    static ExecutionPlan compile(GraphModel model, Set<String> fed, List<String> outputNodes) {
        List<GraphNode> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        List<String> missing = new ArrayList<>();
        GraphNode[] dynamic = new GraphNode[1];
        // Iterative depth-first post-order from the outputs.
        for (String out : outputNodes) {
            visit(model, model.node(out), fed, visited, order, missing, dynamic);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Cannot compute the outputs [" + String.join(",", outputNodes)
                    + "] from the provided inputs [" + String.join(",", fed) + "]. Missing the following inputs: ["
                    + String.join(",", missing) + "]");
        }
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            GraphNode n = order.get(i);
            for (String in : n.inputNodes) {
                lastUse.put(in, i);
            }
        }
        Set<String> keep = new HashSet<>(outputNodes);
        keep.addAll(fed);
        List<List<GraphNode>> release = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            release.add(new ArrayList<>());
        }
        for (int i = 0; i < order.size(); i++) {
            GraphNode n = order.get(i);
            if (keep.contains(n.name) || model.weights.containsKey(n.name)) {
                continue;
            }
            Integer last = lastUse.get(n.name);
            // A node nobody in the plan reads (a side branch) is released right after it runs.
            release.get(last == null ? i : last).add(n);
        }
        GraphNode[][] rel = new GraphNode[order.size()][];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = release.get(i).toArray(new GraphNode[0]);
        }
        return new ExecutionPlan(order.toArray(new GraphNode[0]), rel, dynamic[0]);
    }

    private static void visit(GraphModel model, GraphNode start, Set<String> fed, Set<String> visited,
            List<GraphNode> order, List<String> missing, GraphNode[] dynamic) {
        // Explicit stack: graphs can be thousands of nodes deep (TeaVM's stack is the JS stack).
        List<Object[]> stack = new ArrayList<>();
        if (!visited.add(start.name)) {
            return;
        }
        stack.add(new Object[] {start, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.get(stack.size() - 1);
            GraphNode n = (GraphNode) top[0];
            int next = (Integer) top[1];
            boolean leaf = fed.contains(n.name) || model.weights.containsKey(n.name);
            List<String> deps = leaf ? new ArrayList<>() : dependencies(n);
            if (next < deps.size()) {
                top[1] = next + 1;
                GraphNode d = model.node(deps.get(next));
                if (d == null) {
                    throw new IllegalArgumentException("node '" + n.name + "' (op " + n.op + "): input '"
                            + deps.get(next) + "' is not a node of the graph");
                }
                if (visited.add(d.name)) {
                    stack.add(new Object[] {d, 0});
                }
                continue;
            }
            stack.remove(stack.size() - 1);
            if (!leaf) {
                if (n.op.startsWith("Placeholder") && !n.op.equals("PlaceholderWithDefault")) {
                    missing.add(n.name);
                }
                if (dynamic[0] == null && (ControlFlowOps.isControlFlow(n.op) || OpRegistry.isDynamic(n.op))) {
                    dynamic[0] = n;
                }
            }
            order.add(n);
        }
    }

    private static List<String> dependencies(GraphNode n) {
        List<String> deps = new ArrayList<>(n.inputNodes);
        deps.addAll(n.controlInputs);
        return deps;
    }
}
