package dev.samovar.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed with NumPy 2.4 running tensorflowjs_converter's quantization
 * formulas (float64 range, nudged zero point, round half to even) on the same inputs.
 */
class QuantizationTest {
    @Test
    void uint8MatchesTensorflowjsExample() {
        // The example of tensorflowjs's write_weights docstring: [0, -0.1, 1.2] -> [20, 0, 255].
        Quantization.Quantized q = Quantization.quantize(new float[] {0f, -0.1f, 1.2f}, "uint8");
        assertEquals(20, q.bytes[0] & 0xff);
        assertEquals(0, q.bytes[1] & 0xff);
        assertEquals(255, q.bytes[2] & 0xff);
        assertEquals(-0.10196078817049665, q.quantization.min, 1e-12);
        assertEquals(0.0050980394085248305, q.quantization.scale, 1e-12);
        // zero is exact after the nudge
        float[] back = q.quantization.dequantizeFloat(q.bytes, 0, 3);
        assertEquals(0f, back[0]);
    }

    @Test
    void affineErrorsStayWithinHalfAStep() {
        Random r = new Random(3);
        for (String dtype : new String[] {"uint8", "uint16"}) {
            for (int t = 0; t < 20; t++) {
                float[] v = new float[1000];
                double shift = t % 2 == 0 ? 0 : 3;
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (r.nextGaussian() + shift);
                }
                Quantization.Quantized q = Quantization.quantize(v, dtype);
                float[] back = q.quantization.dequantizeFloat(q.bytes, 0, v.length);
                double bound = q.quantization.scale / 2 + 1e-6;
                for (int i = 0; i < v.length; i++) {
                    assertTrue(Math.abs(back[i] - v[i]) <= bound, dtype + " value " + v[i] + " came back as " + back[i]);
                }
                assertEquals(v.length * (dtype.equals("uint8") ? 1 : 2), q.bytes.length);
            }
        }
    }

    @Test
    void constantWeightIsAllZerosWithScaleOne() {
        Quantization.Quantized q = Quantization.quantize(new float[] {0.25f, 0.25f, 0.25f}, "uint16");
        assertEquals(1.0, q.quantization.scale);
        assertEquals(0.25, q.quantization.min);
        for (byte b : q.bytes) {
            assertEquals(0, b);
        }
        assertEquals(0.25f, q.quantization.dequantizeFloat(q.bytes, 0, 3)[2]);
    }

    @Test
    void rangeWithoutZeroIsNotNudged() {
        Quantization.Quantized q = Quantization.quantize(new float[] {1f, 2f, 3f}, "uint8");
        assertEquals(1.0, q.quantization.min);
        assertEquals(2.0 / 255, q.quantization.scale, 1e-15);
        assertEquals(0, q.bytes[0] & 0xff);
        assertEquals(128, q.bytes[1] & 0xff); // 127.5 rounds half to even
        assertEquals(255, q.bytes[2] & 0xff);
    }

    @Test
    void float16CastsLikeNumpy() {
        // NumPy: np.array([...], np.float32).astype(np.float16).view(np.uint16)
        float[] in = {0f, -0f, 1f, 65504f, 65520f, 1e-10f, 5.96e-8f, 2.98e-8f, -3.14159f, 0.1f, 1.00048828125f,
            1.000732421875f, Float.POSITIVE_INFINITY};
        int[] expected = {0, 0x8000, 0x3c00, 0x7bff, 0x7c00, 0, 1, 0, 0xc248, 0x2e66, 0x3c00, 0x3c01, 0x7c00};
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i], Float16.fromFloat(in[i]) & 0xffff, "float16 of " + in[i]);
        }
        for (int h = 0; h < 0x7c00; h++) {
            assertEquals(h, Float16.fromFloat(Float16.toFloat((short) h)) & 0xffff, "round trip of half " + h);
        }
        assertTrue(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN))));
        Quantization.Quantized q = Quantization.quantize(new float[] {1.5f, -2f}, "float16");
        assertEquals("{\"dtype\":\"float16\",\"original_dtype\":\"float32\"}", Json.stringify(q.quantization.toJson()));
        float[] back = q.quantization.dequantizeFloat(q.bytes, 0, 2);
        assertEquals(1.5f, back[0]);
        assertEquals(-2f, back[1]);
    }

    @Test
    void manifestEntryInTensorflowjsKeyOrder() {
        Quantization.Quantized q = Quantization.quantize(new float[] {1f, 2f}, "uint8");
        assertEquals("{\"dtype\":\"uint8\",\"min\":1,\"scale\":0.00392156862745098,\"original_dtype\":\"float32\"}",
                Json.stringify(q.quantization.toJson()));
    }

    @Test
    void int32WeightsDequantizeRounded() {
        Quantization q = new Quantization("uint8", -1.5, 0.5, "int32");
        int[] v = q.dequantizeInt(new byte[] {0, 1, 2, 3, (byte) 255}, 0, 5);
        assertEquals(-1, v[0]); // Math.round(-1.5) = -1
        assertEquals(-1, v[1]);
        assertEquals(0, v[2]); // Math.round(-0.5) = 0 (JS rounds half up)
        assertEquals(0, v[3]);
        assertEquals(126, v[4]);
    }

    @Test
    void nonFiniteValuesCannotBeQuantized() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quantization.quantize(new float[] {1f, Float.NaN}, "uint8"));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
