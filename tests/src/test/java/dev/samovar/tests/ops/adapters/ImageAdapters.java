package dev.samovar.tests.ops.adapters;

import static dev.samovar.tests.ops.JavaOps.register;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Image;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tf.image.* onto dev.samovar.ops.Image. */
public final class ImageAdapters {
    private ImageAdapters() {
    }

    private static double[] doubles(Object v) {
        if (v instanceof Number) {
            return new double[] {((Number) v).doubleValue()};
        }
        List<?> l = (List<?>) v;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    private static Map<String, Object> pair(String k0, Tensor v0, String k1, Tensor v1) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k0, v0);
        out.put(k1, v1);
        return out;
    }

    public static void install() {
        register("image.resizeBilinear", a -> Image.resizeBilinear(a.t(0), a.ints(1), a.b(2, false), a.b(3, false)));
        register("image.resizeNearestNeighbor",
                a -> Image.resizeNearestNeighbor(a.t(0), a.ints(1), a.b(2, false), a.b(3, false)));
        register("image.cropAndResize", a -> Image.cropAndResize(a.t(0), a.t(1, DType.FLOAT32), a.t(2, DType.INT32),
                a.ints(3), a.s(4, "bilinear"), a.d(5, 0)));
        register("image.flipLeftRight", a -> Image.flipLeftRight(a.t(0, DType.FLOAT32)));
        register("image.rotateWithOffset", a -> {
            Object fill = a.has(2) ? (a.get(2) instanceof Number ? (Object) a.d(2, 0) : doubles(a.get(2))) : 0.0;
            return Image.rotateWithOffset(a.t(0, DType.FLOAT32), a.d(1, 0), fill,
                    a.has(3) ? doubles(a.get(3)) : new double[] {0.5});
        });
        register("image.rgbToGrayscale", a -> Image.rgbToGrayscale(a.t(0)));
        register("image.grayscaleToRGB", a -> Image.grayscaleToRGB(a.t(0)));
        register("image.transform", a -> Image.transform(a.t(0, DType.FLOAT32), a.t(1, DType.FLOAT32),
                a.s(2, "nearest"), a.s(3, "constant"), a.d(4, 0), a.ints(5)));
        register("image.threshold", a -> Image.threshold(a.t(0), a.s(1, "binary"), a.b(2, false), a.d(3, 0.5)));
        register("image.nonMaxSuppression", a -> Image.nonMaxSuppression(a.t(0, DType.FLOAT32), a.t(1, DType.FLOAT32),
                a.i(2, 0), a.d(3, 0.5), a.d(4, Double.NEGATIVE_INFINITY)));
        register("image.nonMaxSuppressionWithScore", a -> {
            Tensor[] r = Image.nonMaxSuppressionWithScore(a.t(0), a.t(1), a.i(2, 0), a.d(3, 0.5),
                    a.d(4, Double.NEGATIVE_INFINITY), a.d(5, 0));
            return pair("selectedIndices", r[0], "selectedScores", r[1]);
        });
        register("image.nonMaxSuppressionPadded", a -> {
            Tensor[] r = Image.nonMaxSuppressionPadded(a.t(0), a.t(1), a.i(2, 0), a.d(3, 0.5),
                    a.d(4, Double.NEGATIVE_INFINITY), a.b(5, false));
            return pair("selectedIndices", r[0], "validOutputs", r[1]);
        });
    }
}
