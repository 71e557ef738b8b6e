package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.Set;
import org.tensorflow.proto.NodeDef;

/** Removes debugging ops: Assert (and control edges on it), CheckNumerics / Print / PrintV2 (their input passes through). */
public final class StripDebugOps implements GraphPass {
    private static final Set<String> PASS_THROUGH = Set.of("CheckNumerics", "CheckNumericsV2", "Print", "DebugIdentity");
    private static final Set<String> DROP = Set.of("Assert", "PrintV2", "StringFormat");

    @Override
    public String name() {
        return "strip debug ops";
    }

    @Override
    public String apply(TfGraph g) {
        int removed = 0;
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (g.outputNodes().contains(n.getName())) {
                continue;
            }
            if (PASS_THROUGH.contains(n.getOp()) && n.getInputCount() > 0 && !n.getInput(0).startsWith("^")) {
                g.rewire(n.getName(), n.getInput(0));
                g.remove(n.getName());
                removed++;
            } else if (DROP.contains(n.getOp())) {
                RemoveIdentity.dropControlEdgesTo(g, n.getName());
                g.remove(n.getName());
                removed++;
            }
        }
        if (removed > 0) {
            g.prune();
        }
        return removed == 0 ? "" : "removed " + removed + " debug nodes";
    }
}
