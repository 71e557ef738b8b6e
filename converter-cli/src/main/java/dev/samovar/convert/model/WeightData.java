package dev.samovar.convert.model;

/**
 * The values of one weight, read only when asked (so that a model's weights flow through the
 * converter one at a time). Float weights come as float32, integer weights as int32 (the casts
 * tensorflowjs_converter makes: float64/float16 to float32, int64 to int32).
 */
public interface WeightData {
    /** Receives little-endian bytes in order. */
    interface ByteSink {
        void write(byte[] bytes, int offset, int length);
    }

    /** The values as float32 (only for float32 weights). */
    float[] floats();

    /** The values as int32 (only for int32 weights). */
    int[] ints();

    /**
     * Streams the weight's little-endian float32 / int32 bytes to {@code sink} in pieces, without
     * holding all values at once where the source allows it.
     */
    default void stream(String dtype, ByteSink sink) {
        byte[] bytes = dtype.equals("int32") ? dev.samovar.io.LittleEndian.fromInts(ints())
                : dev.samovar.io.LittleEndian.fromFloats(floats());
        sink.write(bytes, 0, bytes.length);
    }

    /** Values already in memory. */
    static WeightData of(float[] values) {
        return new WeightData() {
            @Override
            public float[] floats() {
                return values;
            }

            @Override
            public int[] ints() {
                throw new IllegalStateException("float32 weight read as int32");
            }
        };
    }

    static WeightData of(int[] values) {
        return new WeightData() {
            @Override
            public float[] floats() {
                throw new IllegalStateException("int32 weight read as float32");
            }

            @Override
            public int[] ints() {
                return values;
            }
        };
    }
}
