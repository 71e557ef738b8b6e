package dev.samovar.core;

/**
 * A mutable tensor (TF.js's {@code tf.variable}): {@link #assign} swaps in a new value of the same
 * shape and dtype. Variables are registered by name, are not owned by any scope, and are what
 * optimizers update. Make them with {@link Engine#makeVariable}.
 */
public final class Variable extends Tensor {
    private final String name;
    private boolean trainable;

    Variable(int id, Tensor initial, boolean trainable, String name) {
        super(id, initial.shapeRef(), initial.dtype(), initial.dataId);
        this.name = name;
        this.trainable = trainable;
    }

    public String name() {
        return name;
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** Replaces the value (same dtype and shape, as TF.js checks); shares the new value's buffer. */
    public void assign(Tensor newValue) {
        assertNotDisposed();
        if (newValue.dtype() != dtype()) {
            throw new IllegalArgumentException("dtype of the new value (" + newValue.dtype() + ") and previous value ("
                    + dtype() + ") must match");
        }
        if (!Shapes.equal(newValue.shapeRef(), shapeRef())) {
            throw new IllegalArgumentException("shape of the new value (" + Shapes.join(newValue.shapeRef())
                    + ") and previous value (" + Shapes.join(shapeRef()) + ") must match");
        }
        newValue.assertNotDisposed();
        Engine.get().reassign(this, newValue.dataId);
    }

    @Override
    public void dispose() {
        Engine.get().disposeVariable(this);
    }
}
