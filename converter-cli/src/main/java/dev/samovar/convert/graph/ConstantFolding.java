package dev.samovar.convert.graph;

import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import dev.samovar.graph.OpRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/**
 * Constant folding: a node whose data inputs are all Const (and whose op is deterministic and
 * single-output) is evaluated once, with the runtime's own op mapping (so the folded value is what
 * Samovar would compute), and becomes a Const. Signature outputs are never folded.
 */
public final class ConstantFolding implements GraphPass {
    private static final Set<String> NEVER = Set.of("Const", "Placeholder", "PlaceholderWithDefault", "RandomUniform",
            "RandomStandardNormal", "TruncatedNormal", "NoOp", "Enter", "Exit", "Merge", "Switch", "NextIteration",
            "LoopCond", "TensorListReserve", "TensorListFromTensor", "TensorListGetItem", "TensorListSetItem",
            "TensorListStack", "VarHandleOp", "ReadVariableOp", "VariableV2", "Assign", "AssignVariableOp");

    @Override
    public String name() {
        return "constant folding";
    }

    @Override
    public String apply(TfGraph g) {
        int folded = 0;
        Set<String> outputs = g.outputNodes();
        boolean changed = true;
        Set<String> failed = new HashSet<>();
        while (changed) {
            changed = false;
            for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
                if (NEVER.contains(n.getOp()) || outputs.contains(n.getName()) || failed.contains(n.getName())
                        || OpRegistry.get(n.getOp()) == null) {
                    continue;
                }
                List<String> data = new ArrayList<>();
                for (String in : n.getInputList()) {
                    if (!in.startsWith("^")) {
                        data.add(in);
                    }
                }
                if (data.isEmpty()) {
                    continue;
                }
                boolean allConst = true;
                for (String in : data) {
                    allConst &= g.isConst(in);
                }
                if (!allConst) {
                    continue;
                }
                ConstTensor value = null;
                try (Scope scope = Engine.get().startScope("constantFolding")) {
                    Tensor[] in = new Tensor[data.size()];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = g.constOf(data.get(i)).toTensor();
                    }
                    Tensor[] out = GraphModel.runOp(GraphModelWriter.nodeJson(n, null), in);
                    if (out != null && out.length == 1 && out[0] != null) {
                        value = ConstTensor.of(out[0]);
                    }
                } catch (RuntimeException e) {
                    failed.add(n.getName());
                }
                if (value == null) {
                    failed.add(n.getName());
                    continue;
                }
                String name = n.getName();
                String device = n.getDevice();
                g.remove(name);
                g.addConst(name, value).setDevice(device);
                folded++;
                changed = true;
            }
        }
        if (folded > 0) {
            g.prune();
        }
        return folded == 0 ? "" : "folded " + folded + " nodes into constants";
    }
}
