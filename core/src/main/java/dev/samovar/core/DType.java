package dev.samovar.core;

/** Element types, named as in TensorFlow.js. */
public enum DType {
    FLOAT32("float32", 4),
    INT32("int32", 4),
    BOOL("bool", 1);

    private final String jsName;
    private final int bytesPerElement;

    DType(String jsName, int bytesPerElement) {
        this.jsName = jsName;
        this.bytesPerElement = bytesPerElement;
    }

    /** The TF.js name: {@code float32}, {@code int32}, {@code bool}. */
    public String jsName() {
        return jsName;
    }

    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** Whether values are stored as {@code int[]} on the CPU (int32 and bool). */
    public boolean isIntegral() {
        return this != FLOAT32;
    }

    /** Parses a TF.js dtype name. */
    public static DType of(String name) {
        for (DType d : values()) {
            if (d.jsName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dtype '" + name + "': expected one of float32, int32, bool");
    }

    /** TF.js's upcastType: bool &lt; int32 &lt; float32. */
    public static DType upcast(DType a, DType b) {
        return a.ordinal() < b.ordinal() ? a : b;
    }

    @Override
    public String toString() {
        return jsName;
    }
}
