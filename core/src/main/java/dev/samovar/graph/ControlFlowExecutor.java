package dev.samovar.graph;

import dev.samovar.core.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs graphs with control flow (TF.js's executeWithControlFlow). */
final class ControlFlowExecutor {
    private ControlFlowExecutor() {
    }

    static Tensor[] run(GraphModel model, Map<String, Tensor> feeds, List<String> outs, Set<String> fedNodes) {
        throw new UnsupportedOperationException("control flow is not supported yet");
    }
}
