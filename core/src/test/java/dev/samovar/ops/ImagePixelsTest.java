package dev.samovar.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The pixel arithmetic behind tf.browser.fromPixels / toPixels / draw, checked by hand (the page's
 * glue is compared with TF.js in BrowserImageTest).
 */
class ImagePixelsTest {
    private static final int[] RGBA = {1, 2, 3, 4, 250, 251, 252, 253};

    @Test
    void fromPixelsKeepsTheFirstChannels() {
        Tensor rgb = Image.fromPixels(RGBA, 2, 1, 3);
        assertEquals(DType.INT32, rgb.dtype());
        assertArrayEquals(new int[] {1, 2, 3}, rgb.shape());
        assertArrayEquals(new int[] {1, 2, 3, 250, 251, 252}, rgb.dataSyncInt());
        assertArrayEquals(new int[] {1, 250}, Image.fromPixels(RGBA, 2, 1, 1).dataSyncInt());
        assertArrayEquals(RGBA, Image.fromPixels(RGBA, 1, 2, 4).dataSyncInt());
        assertArrayEquals(new int[] {2, 1, 4}, Image.fromPixels(RGBA, 1, 2, 4).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Image.fromPixels(RGBA, 2, 1, 5));
        assertEquals("Cannot construct Tensor with more than 4 channels from pixels.", e.getMessage());
    }

    @Test
    void toPixelsScalesRoundsAndFillsAlpha() {
        Tensor f = Creation.tensor(new float[] {0, 0.5f, 1, 0.002f, 0.998f, 0.25f}, 1, 2, 3);
        // 0.5 * 255 = 127.5 rounds up (Math.round); 0.002 * 255 = 0.51 -> 1; 0.998 * 255 = 254.49 -> 254.
        assertArrayEquals(new int[] {0, 128, 255, 255, 1, 254, 64, 255}, Image.toPixels(f, f.data(), 1));
        Tensor gray = Creation.tensor(new int[] {7, 200}, new int[] {1, 2}, DType.INT32);
        assertArrayEquals(new int[] {7, 7, 7, 255, 200, 200, 200, 255}, Image.toPixels(gray, gray.data(), 1));
        // tf.browser.draw's alpha: 255 * 0.5 = 127.5 -> 128.
        assertArrayEquals(new int[] {7, 7, 7, 128, 200, 200, 200, 128}, Image.toPixels(gray, gray.data(), 0.5));
    }

    @Test
    void toPixelsRejectsWhatTfJsRejects() {
        Tensor big = Creation.tensor(new float[] {0.5f, 1.5f}, 1, 2);
        assertEquals("Tensor values for a float32 Tensor must be in the range [0 - 1] but encountered 1.5.",
                assertThrows(IllegalArgumentException.class, () -> Image.toPixels(big, big.data(), 1)).getMessage());
        Tensor bigInt = Creation.tensor(new int[] {256}, new int[] {1, 1}, DType.INT32);
        assertEquals("Tensor values for a int32 Tensor must be in the range [0 - 255] but encountered 256.",
                assertThrows(IllegalArgumentException.class, () -> Image.toPixels(bigInt, bigInt.data(), 1)).getMessage());
        assertEquals("toPixels only supports depth of size 1, 3 or 4 but got 2", assertThrows(
                IllegalArgumentException.class, () -> Image.checkPixelsTensor(Creation.zeros(new int[] {1, 1, 2}))).getMessage());
        assertEquals("toPixels only supports rank 2 or 3 tensors, got rank 1.", assertThrows(
                IllegalArgumentException.class, () -> Image.checkPixelsTensor(Creation.zeros(new int[] {3}))).getMessage());
    }
}
