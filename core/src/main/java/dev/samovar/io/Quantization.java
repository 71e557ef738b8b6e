package dev.samovar.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code quantization} entry of a weight in a TF.js weights manifest, and the rules that
 * produce and undo it (those of tensorflowjs_converter and TF.js's loader):
 * <ul>
 * <li>{@code uint8} / {@code uint16} (affine): {@code scale = (max - min) / qmax}; when 0 lies in
 * [min, max] the range is nudged so that 0 maps onto an integer; {@code q = round((clip(x) - min) /
 * scale)} (ties to even); a constant weight is all zeros with {@code scale = 1}. Dequantized:
 * {@code x = q * scale + min} (rounded when the original dtype is int32).</li>
 * <li>{@code float16}: a plain IEEE half cast, no metadata.</li>
 * </ul>
 * Only float32 weights are quantized.
 */
public final class Quantization {
    public static final String UINT8 = "uint8";
    public static final String UINT16 = "uint16";
    public static final String FLOAT16 = "float16";

    /** {@code uint8}, {@code uint16} or {@code float16}. */
    public final String dtype;
    /** The dequantization offset (NaN for float16). */
    public final double min;
    /** The dequantization step (NaN for float16). */
    public final double scale;
    /** The dtype the values had before quantization (float32; int32 in files made elsewhere). */
    public final String originalDtype;

    public Quantization(String dtype, double min, double scale, String originalDtype) {
        this.dtype = dtype;
        this.min = min;
        this.scale = scale;
        this.originalDtype = originalDtype;
    }

    /** Whether {@code name} is one of uint8, uint16, float16. */
    public static boolean isQuantizedDtype(String name) {
        return UINT8.equals(name) || UINT16.equals(name) || FLOAT16.equals(name);
    }

    /** Bytes per stored value: 1 for uint8, 2 for uint16 and float16. */
    public static int bytesPerElement(String quantizedDtype) {
        if (UINT8.equals(quantizedDtype)) {
            return 1;
        }
        if (UINT16.equals(quantizedDtype) || FLOAT16.equals(quantizedDtype)) {
            return 2;
        }
        throw new IllegalArgumentException("Unknown quantization dtype '" + quantizedDtype
                + "': expected uint8, uint16 or float16");
    }

    public int bytesPerElement() {
        return bytesPerElement(dtype);
    }

    /** The largest error of a dequantized value: half a step for the affine kinds. */
    public double maxError() {
        return FLOAT16.equals(dtype) ? Double.NaN : scale / 2;
    }

    // ------------------------------------------------------------------------------ JSON

    /** As written in the manifest: {dtype, min, scale, original_dtype} ({dtype, original_dtype} for float16). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dtype", dtype);
        if (!FLOAT16.equals(dtype)) {
            m.put("min", min);
            m.put("scale", scale);
        }
        if (originalDtype != null) {
            m.put("original_dtype", originalDtype);
        }
        return m;
    }

    /** Reads a manifest entry; {@code where} names the file and field for errors. */
    public static Quantization fromJson(Object json, String where) {
        if (!(json instanceof Map)) {
            throw new ModelFormatException(where + ": expected an object {dtype, min, scale} but found "
                    + ManifestJson.describe(json));
        }
        Map<?, ?> m = (Map<?, ?>) json;
        Object d = m.get("dtype");
        if (!(d instanceof String) || !isQuantizedDtype((String) d)) {
            throw new ModelFormatException(where + ".dtype: expected \"uint8\", \"uint16\" or \"float16\" but found "
                    + ManifestJson.describe(d));
        }
        String dtype = (String) d;
        Object od = m.get("original_dtype");
        if (od != null && !(od instanceof String)) {
            throw new ModelFormatException(where + ".original_dtype: expected a dtype name but found "
                    + ManifestJson.describe(od));
        }
        if (FLOAT16.equals(dtype)) {
            return new Quantization(dtype, Double.NaN, Double.NaN, (String) od);
        }
        double min = number(m.get("min"), where + ".min");
        double scale = number(m.get("scale"), where + ".scale");
        return new Quantization(dtype, min, scale, (String) od);
    }

    private static double number(Object v, String where) {
        if (!(v instanceof Number) || Double.isNaN(((Number) v).doubleValue())
                || Double.isInfinite(((Number) v).doubleValue())) {
            throw new ModelFormatException(where + ": expected a finite number but found " + ManifestJson.describe(v));
        }
        return ((Number) v).doubleValue();
    }

    // ------------------------------------------------------------------------------ quantizing

    /** Quantized values (little-endian bytes) with their manifest entry. */
    public static final class Quantized {
        public final Quantization quantization;
        public final byte[] bytes;

        Quantized(Quantization quantization, byte[] bytes) {
            this.quantization = quantization;
            this.bytes = bytes;
        }
    }

    /** Quantizes float32 values to {@code dtype} (uint8, uint16 or float16). */
    public static Quantized quantize(float[] values, String dtype) {
        if (FLOAT16.equals(dtype)) {
            byte[] out = new byte[values.length * 2];
            for (int i = 0; i < values.length; i++) {
                short h = Float16.fromFloat(values[i]);
                out[2 * i] = (byte) h;
                out[2 * i + 1] = (byte) (h >> 8);
            }
            return new Quantized(new Quantization(FLOAT16, Double.NaN, Double.NaN, "float32"), out);
        }
        int width = bytesPerElement(dtype);
        double qmax = width == 1 ? 255 : 65535;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("cannot quantize a weight that holds " + v
                        + " to " + dtype + " (only finite values can be quantized)");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        byte[] out = new byte[values.length * width];
        if (values.length == 0) {
            return new Quantized(new Quantization(dtype, 0, 1, "float32"), out);
        }
        if (min == max) {
            // One value: all zeros, scale 1, min = the value.
            return new Quantized(new Quantization(dtype, min, 1.0, "float32"), out);
        }
        double scale = (max - min) / qmax;
        double nudgedMin = min;
        double nudgedMax = max;
        if (min <= 0 && 0 <= max) {
            double zeroPoint = Math.rint((0 - min) / scale);
            nudgedMin = -zeroPoint * scale;
            nudgedMax = qmax * scale + nudgedMin;
        }
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            double clipped = x < nudgedMin ? nudgedMin : (x > nudgedMax ? nudgedMax : x);
            double q = Math.rint((clipped - nudgedMin) / scale);
            int qi = q < 0 ? 0 : (q > qmax ? (int) qmax : (int) q);
            if (width == 1) {
                out[i] = (byte) qi;
            } else {
                out[2 * i] = (byte) qi;
                out[2 * i + 1] = (byte) (qi >> 8);
            }
        }
        return new Quantized(new Quantization(dtype, nudgedMin, scale, "float32"), out);
    }

    // ------------------------------------------------------------------------------ dequantizing

    /** The float32 values of {@code count} quantized values at {@code offset} of {@code bytes}. */
    public float[] dequantizeFloat(byte[] bytes, int offset, int count) {
        float[] out = new float[count];
        if (FLOAT16.equals(dtype)) {
            for (int i = 0; i < count; i++) {
                int p = offset + 2 * i;
                out[i] = Float16.toFloat((short) ((bytes[p] & 0xff) | (bytes[p + 1] << 8)));
            }
        } else if (UINT8.equals(dtype)) {
            dequantizeUint8(bytes, offset, count, scale, min, out);
        } else {
            dequantizeUint16(bytes, offset, count, scale, min, out);
        }
        return out;
    }

    // Hot loops in static methods with plain locals, unrolled by four (TeaVM re-reads an array's
    // typed array once per basic block; see ARCHITECTURE.md, "Arrays in hot loops").
    private static void dequantizeUint8(byte[] bytes, int offset, int count, double scale, double min, float[] out) {
        int i = 0;
        for (; i + 3 < count; i += 4) {
            int p = offset + i;
            double a = (bytes[p] & 0xff) * scale + min;
            double b = (bytes[p + 1] & 0xff) * scale + min;
            double c = (bytes[p + 2] & 0xff) * scale + min;
            double d = (bytes[p + 3] & 0xff) * scale + min;
            out[i] = (float) a;
            out[i + 1] = (float) b;
            out[i + 2] = (float) c;
            out[i + 3] = (float) d;
        }
        for (; i < count; i++) {
            out[i] = (float) ((bytes[offset + i] & 0xff) * scale + min);
        }
    }

    private static void dequantizeUint16(byte[] bytes, int offset, int count, double scale, double min, float[] out) {
        int i = 0;
        for (; i + 1 < count; i += 2) {
            int p = offset + 2 * i;
            double a = ((bytes[p] & 0xff) | ((bytes[p + 1] & 0xff) << 8)) * scale + min;
            double b = ((bytes[p + 2] & 0xff) | ((bytes[p + 3] & 0xff) << 8)) * scale + min;
            out[i] = (float) a;
            out[i + 1] = (float) b;
        }
        for (; i < count; i++) {
            int p = offset + 2 * i;
            out[i] = (float) (((bytes[p] & 0xff) | ((bytes[p + 1] & 0xff) << 8)) * scale + min);
        }
    }

    /** The int32 values (rounded as TF.js rounds, {@code Math.round}) of quantized values. */
    public int[] dequantizeInt(byte[] bytes, int offset, int count) {
        if (FLOAT16.equals(dtype)) {
            throw new IllegalArgumentException("float16 quantization applies only to float32 weights");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int q = UINT8.equals(dtype) ? bytes[offset + i] & 0xff
                    : (bytes[offset + 2 * i] & 0xff) | ((bytes[offset + 2 * i + 1] & 0xff) << 8);
            out[i] = (int) Math.floor(q * scale + min + 0.5);
        }
        return out;
    }
}
