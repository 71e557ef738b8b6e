package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/**
 * Removes Identity / StopGradient / Snapshot nodes (consumers read the input directly) and NoOp
 * nodes with the control edges on them; nodes named by the signature's outputs stay, so output
 * names do not change.
 */
public final class RemoveIdentity implements GraphPass {
    private static final Set<String> IDENTITY = Set.of("Identity", "StopGradient", "Snapshot", "PreventGradient");

    @Override
    public String name() {
        return "remove Identity/StopGradient/NoOp";
    }

    @Override
    public String apply(TfGraph g) {
        int identities = 0;
        int noops = 0;
        Set<String> outputs = g.outputNodes();
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (outputs.contains(n.getName()) || g.inputNodes().contains(n.getName())) {
                continue;
            }
            if (IDENTITY.contains(n.getOp()) && n.getInputCount() > 0 && !n.getInput(0).startsWith("^")) {
                g.rewire(n.getName(), n.getInput(0));
                g.remove(n.getName());
                identities++;
            } else if (n.getOp().equals("NoOp")) {
                dropControlEdgesTo(g, n.getName());
                g.remove(n.getName());
                noops++;
            }
        }
        if (identities + noops > 0) {
            g.prune();
        }
        return identities + noops == 0 ? "" : "removed " + identities + " identity and " + noops + " NoOp nodes";
    }

    static void dropControlEdgesTo(TfGraph g, String name) {
        for (NodeDef.Builder n : g.nodes.values()) {
            for (int i = n.getInputCount() - 1; i >= 0; i--) {
                if (n.getInput(i).equals("^" + name)) {
                    java.util.List<String> ins = new ArrayList<>(n.getInputList());
                    ins.remove(i);
                    n.clearInput().addAllInput(ins);
                }
            }
        }
    }
}
