package dev.samovar.core;

/** One kernel (or custom op) run while the tape was recording. */
final class TapeNode {
    final int id;
    final String kernelName;
    final Tensor[] inputs;
    final Tensor[] outputs;
    final Attrs attrs;
    final Tensor[] saved;
    /** The gradient: the registered one, or a custom op's own. */
    final GradientFunction gradient;
    /**
     * A custom op's gradient, computed once for all inputs (outside the per-input scopes, as TF.js
     * calls a custom gradFunc once per node); null for kernels.
     */
    Engine.CustomBackward custom;
    /** Inputs that lead from the differentiated tensors (set by filtering; others get no gradient). */
    boolean[] inputsFromX;

    TapeNode(int id, String kernelName, Tensor[] inputs, Tensor[] outputs, Attrs attrs, Tensor[] saved,
            GradientFunction gradient) {
        this.id = id;
        this.kernelName = kernelName;
        this.inputs = inputs;
        this.outputs = outputs;
        this.attrs = attrs;
        this.saved = saved;
        this.gradient = gradient;
    }
}
