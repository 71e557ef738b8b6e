package dev.samovar.web;

import dev.samovar.core.Tensor;
import dev.samovar.ops.Image;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.TypedArray;

/** tf.image and the pixel arithmetic of tf.browser. */
public final class ImageBridge {
    private ImageBridge() {
    }

    @JSExport
    public static Tensor resizeBilinear(Tensor images, int[] size, boolean alignCorners, boolean halfPixelCenters) {
        return Image.resizeBilinear(images, size, alignCorners, halfPixelCenters);
    }

    @JSExport
    public static Tensor resizeNearestNeighbor(Tensor images, int[] size, boolean alignCorners,
            boolean halfPixelCenters) {
        return Image.resizeNearestNeighbor(images, size, alignCorners, halfPixelCenters);
    }

    @JSExport
    public static Tensor cropAndResize(Tensor image, Tensor boxes, Tensor boxInd, int[] cropSize, String method,
            double extrapolationValue) {
        return Image.cropAndResize(image, boxes, boxInd, cropSize, method, extrapolationValue);
    }

    @JSExport
    public static Tensor flipLeftRight(Tensor image) {
        return Image.flipLeftRight(image);
    }

    /** {@code fillValues}: null for the number {@code fillValue}, else per-channel values. */
    @JSExport
    public static Tensor rotateWithOffset(Tensor image, double radians, double fillValue, double[] fillValues,
            double[] center) {
        return Image.rotateWithOffset(image, radians, fillValues != null ? (Object) fillValues : (Object) fillValue,
                center);
    }

    @JSExport
    public static Tensor rgbToGrayscale(Tensor image) {
        return Image.rgbToGrayscale(image);
    }

    @JSExport
    public static Tensor grayscaleToRGB(Tensor image) {
        return Image.grayscaleToRGB(image);
    }

    @JSExport
    public static Tensor transform(Tensor image, Tensor transforms, String interpolation, String fillMode,
            double fillValue, int[] outputShape) {
        return Image.transform(image, transforms, interpolation, fillMode, fillValue, outputShape);
    }

    @JSExport
    public static Tensor threshold(Tensor image, String method, boolean inverted, double threshValue) {
        return Image.threshold(image, method, inverted, threshValue);
    }

    @JSExport
    public static Tensor nonMaxSuppression(Tensor boxes, Tensor scores, int maxOutputSize, double iouThreshold,
            double scoreThreshold) {
        return Image.nonMaxSuppression(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold);
    }

    @JSExport
    public static Tensor[] nonMaxSuppressionWithScore(Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, double softNmsSigma) {
        return Image.nonMaxSuppressionWithScore(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold,
                softNmsSigma);
    }

    @JSExport
    public static Tensor[] nonMaxSuppressionPadded(Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, boolean padToMaxOutputSize) {
        return Image.nonMaxSuppressionPadded(boxes, scores, maxOutputSize, iouThreshold, scoreThreshold,
                padToMaxOutputSize);
    }

    @JSExport
    public static Tensor[] nonMaxSuppressionAsync(int kind, Tensor boxes, Tensor scores, int maxOutputSize,
            double iouThreshold, double scoreThreshold, double softNmsSigma, boolean padToMaxOutputSize) {
        return Image.nonMaxSuppressionAsync(kind, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold,
                softNmsSigma, padToMaxOutputSize);
    }

    /** RGBA bytes (any typed array) of a width x height image → int32 [height, width, numChannels]. */
    @JSExport
    public static Tensor fromPixels(TypedArray rgba, int width, int height, int numChannels) {
        return Image.fromPixels(Int32Array.create(rgba).copyToJavaArray(), width, height, numChannels);
    }

    @JSExport
    public static void checkPixelsTensor(Tensor img) {
        Image.checkPixelsTensor(img);
    }

    /** RGBA bytes (0..255, as an Int32Array) of an image tensor, for a Uint8ClampedArray. */
    @JSExport
    public static Int32Array toPixels(Tensor img, double alpha) {
        return Int32Array.fromJavaArray(Image.toPixels(img, img.data(), alpha));
    }
}
