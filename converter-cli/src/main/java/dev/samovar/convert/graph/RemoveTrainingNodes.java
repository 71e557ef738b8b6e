package dev.samovar.convert.graph;

import java.util.ArrayList;
import org.tensorflow.proto.NodeDef;

/**
 * Drops what only training needs: nodes the signature's outputs do not reach (optimizer updates,
 * savers, summaries), and PlaceholderWithDefault nodes that are not signature inputs
 * (keras_learning_phase and the like) become their default value.
 */
public final class RemoveTrainingNodes implements GraphPass {
    @Override
    public String name() {
        return "remove training-only nodes";
    }

    @Override
    public String apply(TfGraph g) {
        int defaults = 0;
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (n.getOp().equals("PlaceholderWithDefault") && !g.inputNodes().contains(n.getName())) {
                g.rewire(n.getName(), n.getInput(0));
                g.remove(n.getName());
                defaults++;
            }
        }
        int pruned = g.prune();
        if (pruned + defaults == 0) {
            return "";
        }
        return "removed " + pruned + " nodes the outputs do not need" + (defaults > 0 ? ", " + defaults
                + " PlaceholderWithDefault replaced by their default" : "");
    }
}
