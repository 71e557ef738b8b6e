package dev.samovar.layers.engine;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.core.Variable;
import dev.samovar.layers.constraints.Constraint;
import dev.samovar.layers.serialization.Js;

/**
 * A weight of a layer (TF.js's {@code LayerVariable}): a {@link Variable} with the name it was
 * created under. {@link #originalName} is the scoped name ({@code dense_Dense1/kernel}, the key of
 * the weight in model files); {@link #name} is made unique ({@code dense_Dense1/kernel_1} when a
 * second model loads the same file) and is the name of the underlying variable. A constraint, if
 * any, is applied after each {@link #write}.
 */
public final class LayerVariable {
    private final DType dtype;
    private final int[] shape;
    private final int id;
    private final String originalName;
    private final String name;
    private boolean trainable;
    private final Constraint constraint;
    private final Variable val;

    /**
     * Makes the variable from an initial value (which the caller still owns). {@code name} null
     * means "Variable"; it is scoped by the current {@link NameScope}.
     */
    public LayerVariable(Tensor initial, DType dtype, String name, boolean trainable, Constraint constraint) {
        this.dtype = dtype == null ? DType.FLOAT32 : dtype;
        this.shape = initial.shape();
        this.id = NameScope.nextUniqueTensorId();
        this.originalName = NameScope.scopedTensorName(name == null ? "Variable" : name);
        this.name = NameScope.uniqueTensorName(originalName);
        this.trainable = trainable;
        this.constraint = constraint;
        this.val = Engine.get().makeVariable(initial, trainable, this.name, this.dtype);
    }

    /** The variable itself (not a copy), as TF.js's {@code read()}. */
    public Variable read() {
        assertNotDisposed();
        return val;
    }

    /** Assigns a new value (same shape), then applies the constraint if there is one. */
    public LayerVariable write(Tensor newVal) {
        assertNotDisposed();
        if (!Js.str(val.shapeRef()).equals(Js.str(newVal.shapeRef()))) {
            throw new IllegalArgumentException("Shape mismatch: " + Js.json(val.shapeRef()) + " vs. "
                    + Js.json(newVal.shapeRef()));
        }
        if (val.id() != newVal.id()) {
            val.assign(newVal);
            if (constraint != null) {
                val.assign(constraint.apply(val));
            }
        }
        return this;
    }

    public void dispose() {
        assertNotDisposed();
        val.dispose();
    }

    public boolean isDisposed() {
        return val.isDisposed();
    }

    private void assertNotDisposed() {
        if (val.isDisposed()) {
            throw new IllegalStateException("LayersVariable " + name + " is already disposed.");
        }
    }

    public String name() {
        return name;
    }

    public String originalName() {
        return originalName;
    }

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int id() {
        return id;
    }

    public Constraint constraint() {
        return constraint;
    }

    public boolean trainable() {
        return trainable;
    }

    /** Sets this weight's and its variable's trainable flag. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        val.setTrainable(trainable);
    }

    /** Number of values (1 for a scalar). */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "LayerVariable " + name + " " + Js.json(shape);
    }
}
