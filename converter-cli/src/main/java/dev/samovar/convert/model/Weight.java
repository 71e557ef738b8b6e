package dev.samovar.convert.model;

import dev.samovar.io.WeightSpec;

/** One weight of a model: its TF.js name, shape, dtype and where its values come from. */
public final class Weight {
    /** The name TF.js uses (no {@code :0}), e.g. {@code dense_1/kernel}. */
    public final String name;
    private final int[] shape;
    /** {@code float32} or {@code int32}. */
    public final String dtype;
    public final WeightData data;
    /** Where it came from in the source file (for errors), e.g. {@code model_weights/dense_1/dense_1/kernel:0}. */
    public final String source;

    public Weight(String name, int[] shape, String dtype, WeightData data, String source) {
        this.name = name;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.data = data;
        this.source = source;
    }

    public int[] shape() {
        return shape.clone();
    }

    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public Weight withName(String newName) {
        return new Weight(newName, shape, dtype, data, source);
    }

    public Weight withData(int[] newShape, WeightData newData) {
        return new Weight(name, newShape, dtype, newData, source);
    }

    public String shapeString() {
        return WeightSpec.shapeString(shape);
    }

    @Override
    public String toString() {
        return name + " " + shapeString();
    }
}
