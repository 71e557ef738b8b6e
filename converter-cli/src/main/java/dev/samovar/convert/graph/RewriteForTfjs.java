package dev.samovar.convert.graph;

import java.util.ArrayList;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Rewrites ops TF.js has no executor for into equivalent ones it has: MaxPoolV2 / AvgPool with
 * constant ksize and strides inputs become MaxPool with those attributes (so the converted model
 * also runs in TF.js itself).
 */
public final class RewriteForTfjs implements GraphPass {
    @Override
    public String name() {
        return "rewrite for TF.js";
    }

    @Override
    public String apply(TfGraph g) {
        int rewritten = 0;
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (n.getOp().equals("MaxPoolV2") && n.getInputCount() >= 3 && g.isConst(n.getInput(1))
                    && g.isConst(n.getInput(2))) {
                AttrValue ksize = PassAttrs.ints(g.constOf(n.getInput(1)).i);
                AttrValue strides = PassAttrs.ints(g.constOf(n.getInput(2)).i);
                String x = n.getInput(0);
                n.setOp("MaxPool").clearInput().addInput(x).putAttr("ksize", ksize).putAttr("strides", strides);
                rewritten++;
            }
        }
        if (rewritten > 0) {
            g.prune();
        }
        return rewritten == 0 ? "" : "rewrote " + rewritten + " MaxPoolV2 as MaxPool";
    }
}
