package dev.samovar.graph;

import dev.samovar.core.Tensor;

/** How one TensorFlow op of a graph model runs on Samovar's ops. */
@FunctionalInterface
public interface GraphOp {
    /**
     * @param node the node (attributes)
     * @param in the node's data inputs, in order (a control-flow op may receive null for an input
     *     that is not live)
     */
    Tensor[] run(GraphNode node, Tensor[] in, ExecutionContext ctx);
}
