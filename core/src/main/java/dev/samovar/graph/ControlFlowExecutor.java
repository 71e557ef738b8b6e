package dev.samovar.graph;

import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs graphs with TF1 control flow (executeAsync), as TF.js's executeWithControlFlow does: a
 * work stack seeded with the fed inputs, the weights and the nodes without inputs; a node runs
 * when all its inputs (Merge: any input) have a value in the current frame or an enclosing one,
 * and its outputs are stored under its name in the frame it leaves the context in. Every
 * intermediate tensor is released when the run ends (the static memory plan does not apply here:
 * loops decide at run time how often a node runs).
 */
final class ControlFlowExecutor {
    private ControlFlowExecutor() {
    }

    private static final class Item {
        final GraphNode node;
        final Frames.Ctx[] contexts;

        Item(GraphNode node, Frames.Ctx[] contexts) {
            this.node = node;
            this.contexts = contexts;
        }
    }

    static Tensor[] run(GraphModel model, Map<String, Tensor> feeds, List<String> outs, Set<String> fedNodes,
            ExecutionPlan plan) {
        Set<String> used = new HashSet<>();
        for (GraphNode n : plan.order) {
            used.add(n.name);
        }
        Map<String, List<GraphNode>> children = childrenWithControlEdges(model);
        ExecutionContext ctx = new ExecutionContext(model);
        Frames frames = new Frames();
        ctx.frames = frames;
        Map<String, Tensor[]> values = new HashMap<>();
        Tensor[] results = new Tensor[outs.size()];
        try (Scope scope = Engine.get().startScope("graphModel.executeAsync")) {
            List<Item> stack = new ArrayList<>();
            for (String f : fedNodes) {
                values.put(f, model.valueOfFed(f, feeds));
                stack.add(new Item(model.node(f), frames.contexts));
            }
            for (Map.Entry<String, Tensor> w : model.weights.entrySet()) {
                values.put(w.getKey(), new Tensor[] {w.getValue()});
                if (model.node(w.getKey()) != null) {
                    stack.add(new Item(model.node(w.getKey()), frames.contexts));
                }
            }
            for (GraphNode n : model.nodes.values()) {
                if (n.inputNodes.isEmpty() && n.controlInputs.isEmpty() && !n.op.equals("Const")
                        && !n.op.startsWith("Placeholder")) {
                    stack.add(new Item(n, frames.contexts));
                }
            }
            Set<String> added = new HashSet<>();
            while (!stack.isEmpty()) {
                Item item = stack.remove(stack.size() - 1);
                frames.setContexts(item.contexts);
                GraphNode n = item.node;
                String nodeName = null;
                if (n.op.equals("Enter") && n.getBool("is_constant", false)) {
                    nodeName = frames.current(n.name);
                }
                if (!values.containsKey(n.name)) {
                    Tensor[] in = inputs(n, values, frames);
                    Tensor[] out = model.runNode(n, in, ctx);
                    if (nodeName == null) {
                        nodeName = frames.current(n.name);
                    }
                    values.put(nodeName, out);
                }
                for (GraphNode child : children.get(n.name)) {
                    String childName = frames.current(child.name);
                    if (added.contains(childName) || !used.contains(child.name)) {
                        continue;
                    }
                    boolean ready;
                    if (child.op.equals("Merge")) {
                        ready = false;
                        for (int i = 0; i < child.inputNodes.size() && !ready; i++) {
                            ready = lookup(child.inputNodes.get(i), child.inputIndices.get(i), values, frames) != null;
                        }
                    } else {
                        ready = true;
                        for (int i = 0; i < child.inputNodes.size() && ready; i++) {
                            ready = lookup(child.inputNodes.get(i), child.inputIndices.get(i), values, frames) != null;
                        }
                        for (int i = 0; i < child.controlInputs.size() && ready; i++) {
                            ready = lookup(child.controlInputs.get(i), 0, values, frames) != null;
                        }
                    }
                    if (ready) {
                        added.add(childName);
                        stack.add(new Item(child, frames.contexts));
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < outs.size(); i++) {
                String[] ni = GraphNode.parseName(outs.get(i));
                Tensor t = lookup(ni[0], Integer.parseInt(ni[1]), values, frames);
                if (t == null) {
                    missing.add(ni[0]);
                } else {
                    results[i] = t;
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Cannot compute the outputs [" + String.join(",", missing)
                        + "] from the provided inputs [" + String.join(",", feeds.keySet())
                        + "]. Consider providing the following inputs: []. ");
            }
            for (Tensor r : results) {
                scope.escape(r);
            }
        }
        return results;
    }

    private static Map<String, List<GraphNode>> childrenWithControlEdges(GraphModel model) {
        Map<String, List<GraphNode>> out = new HashMap<>();
        for (GraphNode n : model.nodes.values()) {
            out.put(n.name, new ArrayList<>());
        }
        for (GraphNode n : model.nodes.values()) {
            for (String in : n.inputNodes) {
                out.get(in).add(n);
            }
            for (String in : n.controlInputs) {
                out.get(in).add(n);
            }
        }
        return out;
    }

    /** The value of output {@code index} of a node, from the innermost frame outwards (TF.js's getTensor). */
    static Tensor lookup(String node, int index, Map<String, Tensor[]> values, Frames frames) {
        for (String id : frames.currentIds) {
            String key = Frames.withContext(node, id);
            Tensor[] v = values.get(key);
            if (v != null) {
                return index < v.length ? v[index] : null;
            }
        }
        return null;
    }

    private static Tensor[] inputs(GraphNode n, Map<String, Tensor[]> values, Frames frames) {
        Tensor[] in = new Tensor[n.inputNodes.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = lookup(n.inputNodes.get(i), n.inputIndices.get(i), values, frames);
            if (in[i] == null && !n.op.equals("Merge")) {
                throw new IllegalStateException("node '" + n.name + "' (op " + n.op + "): input '"
                        + n.inputNames.get(i) + "' has no value");
            }
        }
        return in;
    }
}
