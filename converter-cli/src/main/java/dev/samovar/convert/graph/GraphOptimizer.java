package dev.samovar.convert.graph;

import java.util.ArrayList;
import java.util.List;

/** The converter's graph passes, in order; each reports what it did. */
public final class GraphOptimizer {
    private GraphOptimizer() {
    }

    public static List<GraphPass> passes() {
        return List.of(new StripDebugOps(), new RemoveTrainingNodes(), new RemoveIdentity(), new RewriteForTfjs(),
                new ConstantFolding(),
                new FoldBatchNorm(), new FuseBiasActivation(), new RemoveIdentity());
    }

    /** Runs every pass; returns "pass: report" lines for the passes that changed something. */
    public static List<String> optimize(TfGraph g) {
        List<String> reports = new ArrayList<>();
        for (GraphPass p : passes()) {
            String r = p.apply(g);
            if (!r.isEmpty()) {
                reports.add(p.name() + ": " + r);
            }
        }
        return reports;
    }
}
