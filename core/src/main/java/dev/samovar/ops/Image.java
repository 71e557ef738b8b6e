package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.JsNumber;
import dev.samovar.core.NonMaxSuppression;
import dev.samovar.core.Shapes;
import dev.samovar.core.Tensor;

/**
 * tf.image (resizeBilinear, resizeNearestNeighbor, cropAndResize, flipLeftRight, rotateWithOffset,
 * rgbToGrayscale, grayscaleToRGB, transform, threshold, the nonMaxSuppression family)
 * and the pixel arithmetic of tf.browser.fromPixels / toPixels. Argument checks and
 * messages are TF.js 4.22's; each op runs the kernel of TF.js's name.
 */
public final class Image {
    private Image() {
    }

    // ---------------------------------------------------------------------------- resizing

    /** tf.image.resizeBilinear: rank 3 or 4 NHWC images to {@code size} [newHeight, newWidth]; float32. */
    public static Tensor resizeBilinear(Tensor images, int[] size, boolean alignCorners, boolean halfPixelCenters) {
        return resize("resizeBilinear", "ResizeBilinear", images, size, alignCorners, halfPixelCenters);
    }

    public static Tensor resizeBilinear(Tensor images, int[] size) {
        return resizeBilinear(images, size, false, false);
    }

    /** tf.image.resizeNearestNeighbor: as resizeBilinear, keeping the dtype (int32 or float32). */
    public static Tensor resizeNearestNeighbor(Tensor images, int[] size, boolean alignCorners,
            boolean halfPixelCenters) {
        return resize("resizeNearestNeighbor", "ResizeNearestNeighbor", images, size, alignCorners, halfPixelCenters);
    }

    public static Tensor resizeNearestNeighbor(Tensor images, int[] size) {
        return resizeNearestNeighbor(images, size, false, false);
    }

    private static Tensor resize(String op, String kernel, Tensor images, int[] size, boolean alignCorners,
            boolean halfPixelCenters) {
        OpSupport.check(images, "images", op);
        OpSupport.require(images.rank() == 3 || images.rank() == 4,
                "Error in " + op + ": x must be rank 3 or 4, but got rank " + images.rank() + ".");
        OpSupport.require(size != null && size.length == 2,
                "Error in " + op + ": new shape must 2D, but got shape " + (size == null ? "" : Shapes.join(size)) + ".");
        if (kernel.equals("ResizeNearestNeighbor")) {
            OpSupport.require(images.dtype() == DType.FLOAT32 || images.dtype() == DType.INT32,
                    "`images` must have `int32` or `float32` as dtype");
        }
        OpSupport.require(!halfPixelCenters || !alignCorners,
                "Error in " + op + ": If halfPixelCenters is true, alignCorners must be false.");
        return OpSupport.op(op, () -> {
            int[] s = images.shape();
            Tensor batch = images.rank() == 3 ? Transform.reshape(images, 1, s[0], s[1], s[2]) : images;
            Tensor res = OpSupport.run(kernel, Attrs.of().put("alignCorners", alignCorners)
                    .put("halfPixelCenters", halfPixelCenters).put("size", size.clone()), batch);
            if (images.rank() == 3) {
                int[] rs = res.shape();
                return Transform.reshape(res, rs[1], rs[2], rs[3]);
            }
            return res;
        });
    }

    // ----------------------------------------------------------------------- crop, flip, rotate

    /**
     * tf.image.cropAndResize: crops of {@code image} (rank 4) at normalized {@code boxes} [n, 4]
     * of the images {@code boxInd} [n], each resized to {@code cropSize}; method "bilinear" or
     * "nearest"; samples outside the image take {@code extrapolationValue}.
     */
    public static Tensor cropAndResize(Tensor image, Tensor boxes, Tensor boxInd, int[] cropSize, String method,
            double extrapolationValue) {
        OpSupport.check(image, "image", "cropAndResize");
        OpSupport.checkDtype(boxes, "boxes", "cropAndResize", DType.FLOAT32);
        OpSupport.checkDtype(boxInd, "boxInd", "cropAndResize", DType.INT32);
        int numBoxes = boxes.rank() > 0 ? boxes.dim(0) : -1;
        String nb = boxes.rank() > 0 ? String.valueOf(numBoxes) : "undefined";
        OpSupport.require(image.rank() == 4, "Error in cropAndResize: image must be rank 4,but got rank "
                + image.rank() + ".");
        OpSupport.require(boxes.rank() == 2 && boxes.dim(1) == 4, "Error in cropAndResize: boxes must be have size ["
                + nb + ",4] but had shape " + Shapes.join(boxes.shapeRef()) + ".");
        OpSupport.require(boxInd.rank() == 1 && boxInd.dim(0) == numBoxes, "Error in cropAndResize: boxInd must be have size ["
                + nb + "] but had shape " + Shapes.join(boxes.shapeRef()) + ".");
        OpSupport.require(cropSize.length == 2, "Error in cropAndResize: cropSize must be of length 2, but got length "
                + cropSize.length + ".");
        OpSupport.require(cropSize[0] >= 1 && cropSize[1] >= 1,
                "cropSize must be atleast [1,1], but was " + Shapes.join(cropSize));
        OpSupport.require("bilinear".equals(method) || "nearest".equals(method),
                "method must be bilinear or nearest, but was " + method);
        return OpSupport.op("cropAndResize", () -> OpSupport.run("CropAndResize", Attrs.of().put("method", method)
                .put("extrapolationValue", extrapolationValue).put("cropSize", cropSize.clone()), image, boxes, boxInd));
    }

    public static Tensor cropAndResize(Tensor image, Tensor boxes, Tensor boxInd, int[] cropSize) {
        return cropAndResize(image, boxes, boxInd, cropSize, "bilinear", 0);
    }

    /** tf.image.flipLeftRight: mirrors float32 rank-4 images horizontally. */
    public static Tensor flipLeftRight(Tensor image) {
        OpSupport.checkDtype(image, "image", "flipLeftRight", DType.FLOAT32);
        OpSupport.require(image.rank() == 4, "Error in flipLeftRight: image must be rank 4,but got rank "
                + image.rank() + ".");
        return OpSupport.op("flipLeftRight", () -> OpSupport.run("FlipLeftRight", Attrs.of(), image));
    }

    /**
     * tf.image.rotateWithOffset: rotates float32 rank-4 images by {@code radians} around
     * {@code center} (fractions of width and height: one number or [x, y]); pixels from outside
     * take {@code fillValue} (a {@link Number} or per-channel {@code double[]}).
     */
    public static Tensor rotateWithOffset(Tensor image, double radians, Object fillValue, double[] center) {
        OpSupport.checkDtype(image, "image", "rotateWithOffset", DType.FLOAT32);
        OpSupport.require(image.rank() == 4, "Error in rotateWithOffset: image must be rank 4,but got rank "
                + image.rank() + ".");
        Object c = center.length == 1 ? (Object) center[0] : center.clone();
        return OpSupport.op("rotateWithOffset", () -> OpSupport.run("RotateWithOffset",
                Attrs.of().put("radians", radians).put("fillValue", fillValue).put("center", c), image));
    }

    public static Tensor rotateWithOffset(Tensor image, double radians) {
        return rotateWithOffset(image, radians, 0.0, new double[] {0.5});
    }

    // ---------------------------------------------------------------------------- color

    /** tf.image.rgbToGrayscale: luma of the last (size 3) dimension, kept as a size-1 dimension; same dtype. */
    public static Tensor rgbToGrayscale(Tensor image) {
        OpSupport.check(image, "image", "RGBToGrayscale");
        int rank = image.rank();
        OpSupport.require(rank >= 2, "Error in RGBToGrayscale: images must be at least rank 2, but got rank " + rank + ".");
        int last = image.dim(rank - 1);
        OpSupport.require(last == 3, "Error in RGBToGrayscale: last dimension of an RGB image should be size 3, but got size "
                + last + ".");
        if (rank > 6) {
            throw new IllegalArgumentException("Not a valid tensor rank.");
        }
        return OpSupport.op("rgbToGrayscale", () -> {
            Tensor flt = Transform.cast(image, DType.FLOAT32);
            Tensor weights = Creation.tensor1d(0.2989f, 0.5870f, 0.1140f);
            // TF.js's einsum multiplies the weights by the (broadcast) image and sums the last axis.
            Tensor gray = Reduction.sum(Arithmetic.mul(weights, flt), rank - 1);
            return Transform.cast(Transform.expandDims(gray, -1), image.dtype());
        });
    }

    /** tf.image.grayscaleToRGB: repeats a size-1 last dimension three times. */
    public static Tensor grayscaleToRGB(Tensor image) {
        OpSupport.check(image, "image", "grayscaleToRGB");
        int rank = image.rank();
        OpSupport.require(rank >= 2, "Error in grayscaleToRGB: images must be at least rank 2, but got rank " + rank + ".");
        int last = image.dim(rank - 1);
        OpSupport.require(last == 1, "Error in grayscaleToRGB: last dimension of a grayscale image should be size 1, but got size "
                + last + ".");
        return OpSupport.op("grayscaleToRGB", () -> {
            int[] reps = new int[rank];
            java.util.Arrays.fill(reps, 1);
            reps[rank - 1] = 3;
            return Transform.tile(image, reps);
        });
    }

    // ---------------------------------------------------------------------------- transform

    /**
     * tf.image.transform: projective transforms [a0..a7] (one row, or one per image) of float32
     * rank-4 images; interpolation "nearest" or "bilinear", fillMode "constant", "reflect", "wrap"
     * or "nearest"; {@code outputShape} [height, width] or null.
     */
    public static Tensor transform(Tensor image, Tensor transforms, String interpolation, String fillMode,
            double fillValue, int[] outputShape) {
        OpSupport.checkDtype(image, "image", "transform", DType.FLOAT32);
        OpSupport.checkDtype(transforms, "transforms", "transform", DType.FLOAT32);
        OpSupport.require(image.rank() == 4, "Error in transform: image must be rank 4,but got rank " + image.rank() + ".");
        OpSupport.require(transforms.rank() == 2 && (transforms.dim(0) == image.dim(0) || transforms.dim(0) == 1)
                && transforms.dim(1) == 8, "Error in transform: Input transform should be batch x 8 or 1 x 8");
        OpSupport.require(outputShape == null || outputShape.length == 2,
                "Error in transform: outputShape must be [height, width] or null, but got "
                        + (outputShape == null ? "null" : Shapes.join(outputShape)) + ".");
        return OpSupport.op("transform", () -> {
            Attrs attrs = Attrs.of().put("interpolation", interpolation).put("fillMode", fillMode)
                    .put("fillValue", fillValue);
            if (outputShape != null) {
                attrs.put("outputShape", outputShape.clone());
            }
            return OpSupport.run("Transform", attrs, image, transforms);
        });
    }

    // ---------------------------------------------------------------------------- threshold

    /**
     * tf.image.threshold: binarizes a rank-3 image (1 or 3 channels, values in [0, 255]) to int32
     * 0 / 255 at {@code threshValue * 255} ("binary") or at Otsu's threshold ("otsu"), composed
     * of TF.js's ops in TF.js's order.
     */
    public static Tensor threshold(Tensor image, String method, boolean inverted, double threshValue) {
        OpSupport.check(image, "image", "threshold");
        return OpSupport.op("threshold", () -> {
            int[] s = image.shape();
            double total = (s.length > 0 ? s[0] : Double.NaN) * (s.length > 1 ? s[1] : Double.NaN);
            Tensor thresh = Arithmetic.mul(Creation.tensor1d((float) threshValue), Creation.scalar(255f));
            OpSupport.require(image.rank() == 3, "Error in threshold: image must be rank 3,but got rank " + image.rank() + ".");
            OpSupport.require(s[2] == 3 || s[2] == 1, "Error in threshold: image color channel must be equal to 3 or 1but got "
                    + s[2] + ".");
            OpSupport.require(image.dtype() == DType.INT32 || image.dtype() == DType.FLOAT32,
                    "Error in dtype: image dtype must be int32 or float32,but got dtype " + image.dtype() + ".");
            OpSupport.require("otsu".equals(method) || "binary".equals(method),
                    "Method must be binary or otsu, but was " + method);
            Tensor gray;
            if (s[2] == 3) {
                Tensor[] rgb = Transform.split(image, new int[] {1, 1, 1}, -1);
                Tensor r = Arithmetic.mul(rgb[0], Creation.scalar(0.2989f));
                Tensor g = Arithmetic.mul(rgb[1], Creation.scalar(0.5870f));
                Tensor b = Arithmetic.mul(rgb[2], Creation.scalar(0.1140f));
                gray = Arithmetic.add(Arithmetic.add(r, g), b);
            } else {
                gray = image;
            }
            if ("otsu".equals(method)) {
                Tensor hist = histogram(Transform.cast(Unary.round(gray), DType.INT32));
                thresh = otsu(hist, total);
            }
            Tensor cond = inverted ? Logic.lessEqual(gray, thresh) : Logic.greater(gray, thresh);
            return Transform.cast(Arithmetic.mul(cond, Creation.scalar(255f)), DType.INT32);
        });
    }

    /** TF.js's bincount(x, tensor([]), 256): float32 counts of the values 0..255. */
    private static Tensor histogram(Tensor x) {
        int[] v = x.dataSyncInt();
        float[] counts = new float[256];
        for (int value : v) {
            if (value < 0) {
                throw new IllegalArgumentException("Input x must be non-negative!");
            }
            if (value < 256) {
                counts[value] += 1;
            }
        }
        return Creation.tensor(counts, 256);
    }

    private static Tensor otsu(Tensor hist, double total) {
        Tensor bestThresh = Creation.tensor1d(-1f);
        Tensor bestVar = Creation.tensor1d(0f);
        Tensor totalT = Creation.scalar((float) total);
        int n = hist.size();
        for (int index = 0; index < n - 1; index++) {
            Tensor first = Transform.slice(hist, new int[] {0}, new int[] {index + 1});
            Tensor second = Transform.slice(hist, new int[] {index + 1}, null);
            Tensor weightFore = Arithmetic.div(Reduction.sum(first), totalT);
            Tensor weightBack = Arithmetic.div(Reduction.sum(second), totalT);
            Tensor meanFirstDivA = Reduction.sum(Arithmetic.mul(first, Creation.range(0, first.size())));
            Tensor meanFirst = Arithmetic.div(meanFirstDivA, Reduction.sum(first));
            Tensor fill = Creation.fill(second.shape(), (float) first.size());
            Tensor add = Arithmetic.add(Creation.range(0, second.size()), fill);
            Tensor meanSec = Arithmetic.div(Reduction.sum(Arithmetic.mul(second, add)), Reduction.sum(second));
            Tensor subA = Arithmetic.sub(meanFirst, meanSec);
            Tensor subB = Arithmetic.sub(meanFirst, meanSec);
            Tensor var = Arithmetic.mul(Arithmetic.mul(Arithmetic.mul(weightFore, weightBack), subA), subB);
            Tensor cond = Logic.greater(var, bestVar);
            bestVar = Logic.where(cond, var, bestVar);
            bestThresh = Logic.where(cond, Creation.tensor1d((float) index), bestThresh);
        }
        return bestThresh;
    }

    // ---------------------------------------------------------------------- nonMaxSuppression

    /** TF.js's nonMaxSuppSanityCheck: the checks, and maxOutputSize capped at the number of boxes. */
    private static int sanityCheck(Tensor boxes, Tensor scores, int maxOutputSize, double iouThreshold,
            double softNmsSigma) {
        int numBoxes = boxes.rank() > 0 ? boxes.dim(0) : -1;
        int max = boxes.rank() > 0 ? Math.min(maxOutputSize, numBoxes) : maxOutputSize;
        OpSupport.require(0 <= iouThreshold && iouThreshold <= 1,
                "iouThreshold must be in [0, 1], but was '" + JsNumber.toString(iouThreshold) + "'");
        OpSupport.require(boxes.rank() == 2, "boxes must be a 2D tensor, but was of rank '" + boxes.rank() + "'");
        OpSupport.require(boxes.dim(1) == 4, "boxes must have 4 columns, but 2nd dimension was " + boxes.dim(1));
        OpSupport.require(scores.rank() == 1, "scores must be a 1D tensor");
        OpSupport.require(scores.dim(0) == numBoxes, "scores has incompatible shape with boxes. Expected " + numBoxes
                + ", but was " + scores.dim(0));
        OpSupport.require(0 <= softNmsSigma && softNmsSigma <= 1,
                "softNmsSigma must be in [0, 1], but was '" + JsNumber.toString(softNmsSigma) + "'");
        return max;
    }

    /** tf.image.nonMaxSuppression: indices (int32) of the boxes kept, best first. */
    public static Tensor nonMaxSuppression(Tensor boxes, Tensor scores, int maxOutputSize, double iouThreshold,
            double scoreThreshold) {
        OpSupport.checkDtype(boxes, "boxes", "nonMaxSuppression", DType.FLOAT32);
        OpSupport.checkDtype(scores, "scores", "nonMaxSuppression", DType.FLOAT32);
        int max = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, 0);
        return OpSupport.op("nonMaxSuppression", () -> OpSupport.run("NonMaxSuppressionV3", Attrs.of()
                .put("maxOutputSize", max).put("iouThreshold", iouThreshold).put("scoreThreshold", scoreThreshold),
                boxes, scores));
    }

    public static Tensor nonMaxSuppression(Tensor boxes, Tensor scores, int maxOutputSize) {
        return nonMaxSuppression(boxes, scores, maxOutputSize, 0.5, Double.NEGATIVE_INFINITY);
    }

    /** tf.image.nonMaxSuppressionWithScore: {selectedIndices, selectedScores} (soft-NMS with sigma &gt; 0). */
    public static Tensor[] nonMaxSuppressionWithScore(Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, double softNmsSigma) {
        OpSupport.check(boxes, "boxes", "nonMaxSuppression");
        OpSupport.check(scores, "scores", "nonMaxSuppression");
        int max = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, softNmsSigma);
        return OpSupport.op("nonMaxSuppressionWithScore", () -> OpSupport.runMulti("NonMaxSuppressionV5", Attrs.of()
                .put("maxOutputSize", max).put("iouThreshold", iouThreshold).put("scoreThreshold", scoreThreshold)
                .put("softNmsSigma", softNmsSigma), boxes, scores));
    }

    /** tf.image.nonMaxSuppressionPadded: {selectedIndices (padded with 0 when asked), validOutputs}. */
    public static Tensor[] nonMaxSuppressionPadded(Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, boolean padToMaxOutputSize) {
        OpSupport.check(boxes, "boxes", "nonMaxSuppression");
        OpSupport.check(scores, "scores", "nonMaxSuppression");
        int max = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, 0);
        return OpSupport.op("nonMaxSuppressionPadded", () -> OpSupport.runMulti("NonMaxSuppressionV4", Attrs.of()
                .put("maxOutputSize", max).put("iouThreshold", iouThreshold).put("scoreThreshold", scoreThreshold)
                .put("padToMaxOutputSize", padToMaxOutputSize), boxes, scores));
    }

    /**
     * What the async variants compute once the values are downloaded (TF.js runs the algorithm on
     * the values, no kernel): {@code kind} 3 → [indices], 4 → [indices, validOutputs], 5 →
     * [indices, scores]. Checks and messages name 'nonMaxSuppressionAsync'.
     */
    public static Tensor[] nonMaxSuppressionAsync(int kind, Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, double softNmsSigma, boolean padToMaxOutputSize) {
        OpSupport.check(boxes, "boxes", "nonMaxSuppressionAsync");
        OpSupport.check(scores, "scores", "nonMaxSuppressionAsync");
        int max = sanityCheck(boxes, scores, maxOutputSize, iouThreshold, kind == 5 ? softNmsSigma : 0);
        NonMaxSuppression.Result r = NonMaxSuppression.run(floatValues(boxes), floatValues(scores), max,
                iouThreshold, scoreThreshold, kind == 5 ? softNmsSigma : 0, kind == 4 && padToMaxOutputSize);
        Tensor indices = Creation.tensor(r.indices, new int[] {r.indices.length}, DType.INT32);
        if (kind == 3) {
            return new Tensor[] {indices};
        }
        if (kind == 4) {
            return new Tensor[] {indices, Creation.scalar(r.valid, DType.INT32)};
        }
        return new Tensor[] {indices, Creation.tensor(r.scores, r.scores.length)};
    }

    private static float[] floatValues(Tensor t) {
        Object v = t.data();
        if (v instanceof float[]) {
            return (float[]) v;
        }
        int[] iv = (int[]) v;
        float[] f = new float[iv.length];
        for (int i = 0; i < iv.length; i++) {
            f[i] = iv[i];
        }
        return f;
    }

    // ------------------------------------------------------------------------------ pixels

    /**
     * tf.browser.fromPixels' arithmetic: RGBA bytes (4 per pixel, row-major) of a width x height
     * image to an int32 [height, width, numChannels] tensor of the first numChannels channels.
     */
    public static Tensor fromPixels(int[] rgba, int width, int height, int numChannels) {
        if (numChannels > 4) {
            throw new IllegalArgumentException("Cannot construct Tensor with more than 4 channels from pixels.");
        }
        int numPixels = width * height;
        int[] values;
        if (numChannels == 4) {
            values = rgba.length == numPixels * 4 ? rgba.clone() : java.util.Arrays.copyOf(rgba, rgba.length);
        } else {
            values = new int[numPixels * numChannels];
            for (int i = 0; i < numPixels; i++) {
                for (int c = 0; c < numChannels; c++) {
                    int k = i * 4 + c;
                    values[i * numChannels + c] = k < rgba.length ? rgba[k] : 0;
                }
            }
        }
        return Creation.tensor(values, new int[] {height, width, numChannels}, DType.INT32);
    }

    /** tf.browser.toPixels' checks of the image tensor (rank 2 or 3, 1/3/4 channels, float32 or int32). */
    public static void checkPixelsTensor(Tensor img) {
        if (img.rank() != 2 && img.rank() != 3) {
            throw new IllegalArgumentException("toPixels only supports rank 2 or 3 tensors, got rank " + img.rank() + ".");
        }
        int depth = img.rank() == 2 ? 1 : img.dim(2);
        if (depth > 4 || depth == 2) {
            throw new IllegalArgumentException("toPixels only supports depth of size 1, 3 or 4 but got " + depth);
        }
        if (img.dtype() != DType.FLOAT32 && img.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Unsupported type for toPixels: " + img.dtype()
                    + ". Please use float32 or int32 tensors.");
        }
    }

    /**
     * tf.browser.toPixels' arithmetic: RGBA bytes (0..255) of a checked image tensor; float32
     * values must lie in [0, 1] (scaled by 255), int32 in [0, 255]; one channel is gray; alpha
     * is 255 * {@code alpha} (tf.browser.draw's imageOptions.alpha; toPixels passes 1); values
     * round as JavaScript's Math.round.
     */
    public static int[] toPixels(Tensor img, Object values, double alpha) {
        checkPixelsTensor(img);
        int height = img.dim(0);
        int width = img.dim(1);
        int depth = img.rank() == 2 ? 1 : img.dim(2);
        boolean isFloat = img.dtype() == DType.FLOAT32;
        float[] fv = values instanceof float[] ? (float[]) values : null;
        int[] iv = fv == null ? (int[]) values : null;
        double multiplier = isFloat ? 255 : 1;
        int[] bytes = new int[width * height * 4];
        double[] rgba = new double[4];
        for (int i = 0; i < height * width; ++i) {
            rgba[0] = 0;
            rgba[1] = 0;
            rgba[2] = 0;
            rgba[3] = 255 * alpha;
            for (int d = 0; d < depth; d++) {
                double value = fv != null ? fv[i * depth + d] : iv[i * depth + d];
                if (isFloat) {
                    if (value < 0 || value > 1) {
                        throw new IllegalArgumentException("Tensor values for a float32 Tensor must be in the range [0 - 1] "
                                + "but encountered " + JsNumber.toString(value) + ".");
                    }
                } else if (value < 0 || value > 255) {
                    throw new IllegalArgumentException("Tensor values for a int32 Tensor must be in the range [0 - 255] "
                            + "but encountered " + JsNumber.toString(value) + ".");
                }
                if (depth == 1) {
                    rgba[0] = value * multiplier;
                    rgba[1] = value * multiplier;
                    rgba[2] = value * multiplier;
                } else {
                    rgba[d] = value * multiplier;
                }
            }
            for (int k = 0; k < 4; k++) {
                bytes[i * 4 + k] = clampByte(rgba[k]);
            }
        }
        return bytes;
    }

    /** Math.round, then what storing into a Uint8ClampedArray does (NaN is 0). */
    private static int clampByte(double v) {
        double f = Math.floor(v);
        double r = v - f >= 0.5 ? f + 1 : f;
        if (!(r > 0)) {
            return 0;
        }
        return r >= 255 ? 255 : (int) r;
    }
}
