package dev.samovar.core;

/** What a {@link GradientFunction} sees: output gradients, saved tensors, attrs, input shapes. */
public final class GradientContext {
    private final Tensor[] dys;
    private final Tensor[] saved;
    private final Attrs attrs;
    private final Tensor[] inputs;
    private final Tensor[] outputs;

    GradientContext(Tensor[] dys, Tensor[] saved, Attrs attrs, Tensor[] inputs, Tensor[] outputs) {
        this.dys = dys;
        this.saved = saved;
        this.attrs = attrs;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** The gradient of the (first) output. */
    public Tensor dy() {
        return dys[0];
    }

    /** The gradient of output {@code i} (zeros where nothing flowed back into it). */
    public Tensor dy(int i) {
        return dys[i];
    }

    public int numOutputs() {
        return dys.length;
    }

    /**
     * Saved tensor {@code i}: the inputs named by the gradient's registration, then its outputs,
     * in that order (TF.js's inputsToSave / outputsToSave).
     */
    public Tensor saved(int i) {
        return saved[i];
    }

    public Attrs attrs() {
        return attrs;
    }

    /** The shape of input {@code i} (always known, even when the input itself was not saved). */
    public int[] inputShape(int i) {
        return inputs[i].shapeRef();
    }

    /** The dtype of input {@code i}. */
    public DType inputDtype(int i) {
        return inputs[i].dtype();
    }

    /** The shape of output {@code i}. */
    public int[] outputShape(int i) {
        return outputs[i].shapeRef();
    }

    public int numInputs() {
        return inputs.length;
    }
}
