// tf.image. Argument handling only: the checks and the numbers are Java's (ImageBridge).
const IMG = N.ImageBridge;

tf.image = {};

/** A [height, width]-like argument as an int array (its length is checked in Java). */
function sizeArg(size) {
  return size == null ? null : Array.from(size);
}

tf.image.resizeBilinear = (images, size, alignCorners = false, halfPixelCenters = false) =>
  scoped('resizeBilinear', () => wrap(IMG.resizeBilinear(convert(images, 'images', 'resizeBilinear'),
      sizeArg(size), !!alignCorners, !!halfPixelCenters)));

tf.image.resizeNearestNeighbor = (images, size, alignCorners = false, halfPixelCenters = false) =>
  scoped('resizeNearestNeighbor', () => wrap(IMG.resizeNearestNeighbor(
      convert(images, 'images', 'resizeNearestNeighbor'), sizeArg(size), !!alignCorners, !!halfPixelCenters)));

tf.image.cropAndResize = (image, boxes, boxInd, cropSize, method = 'bilinear', extrapolationValue = 0) =>
  scoped('cropAndResize', () => {
    const hi = convert(image, 'image', 'cropAndResize');
    const hb = convert(boxes, 'boxes', 'cropAndResize', 'float32');
    const hn = convert(boxInd, 'boxInd', 'cropAndResize', 'int32');
    return wrap(IMG.cropAndResize(hi, hb, hn, sizeArg(cropSize), String(method), extrapolationValue));
  });

tf.image.flipLeftRight = (image) => scoped('flipLeftRight', () =>
  wrap(IMG.flipLeftRight(convert(image, 'image', 'flipLeftRight', 'float32'))));

tf.image.rotateWithOffset = (image, radians, fillValue = 0, center = 0.5) => scoped('rotateWithOffset', () => {
  const h = convert(image, 'image', 'rotateWithOffset', 'float32');
  const fills = typeof fillValue === 'number' ? null : Array.from(fillValue);
  const c = typeof center === 'number' ? [center] : Array.from(center);
  return wrap(IMG.rotateWithOffset(h, radians, typeof fillValue === 'number' ? fillValue : 0, fills, c));
});

tf.image.rgbToGrayscale = (image) => scoped('rgbToGrayscale', () =>
  wrap(IMG.rgbToGrayscale(convert(image, 'image', 'RGBToGrayscale'))));

tf.image.grayscaleToRGB = (image) => scoped('grayscaleToRGB', () =>
  wrap(IMG.grayscaleToRGB(convert(image, 'image', 'grayscaleToRGB'))));

tf.image.transform = (image, transforms, interpolation = 'nearest', fillMode = 'constant', fillValue = 0,
    outputShape) => scoped('transform', () => {
  const hi = convert(image, 'image', 'transform', 'float32');
  const ht = convert(transforms, 'transforms', 'transform', 'float32');
  return wrap(IMG.transform(hi, ht, String(interpolation), String(fillMode), fillValue, sizeArg(outputShape)));
});

tf.image.threshold = (image, method = 'binary', inverted = false, threshValue = 0.5) => scoped('threshold', () =>
  wrap(IMG.threshold(convert(image, 'image', 'threshold'), String(method), !!inverted, threshValue)));

/** nonMaxSuppSanityCheck's defaults for null arguments. */
function nmsDefaults(iouThreshold, scoreThreshold, softNmsSigma) {
  return [iouThreshold == null ? 0.5 : iouThreshold, scoreThreshold == null ? -Infinity : scoreThreshold,
    softNmsSigma == null ? 0 : softNmsSigma];
}

tf.image.nonMaxSuppression = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity) => scoped('nonMaxSuppression', () => {
  const hb = convert(boxes, 'boxes', 'nonMaxSuppression', 'float32');
  const hs = convert(scores, 'scores', 'nonMaxSuppression', 'float32');
  const d = nmsDefaults(iouThreshold, scoreThreshold, 0);
  return wrap(IMG.nonMaxSuppression(hb, hs, maxOutputSize, d[0], d[1]));
});

tf.image.nonMaxSuppressionWithScore = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity, softNmsSigma = 0.0) => scoped('nonMaxSuppressionWithScore', () => {
  const hb = convert(boxes, 'boxes', 'nonMaxSuppression');
  const hs = convert(scores, 'scores', 'nonMaxSuppression');
  const d = nmsDefaults(iouThreshold, scoreThreshold, softNmsSigma);
  const r = wrapAll(IMG.nonMaxSuppressionWithScore(hb, hs, maxOutputSize, d[0], d[1], d[2]));
  return {selectedIndices: r[0], selectedScores: r[1]};
});

tf.image.nonMaxSuppressionPadded = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity, padToMaxOutputSize = false) => scoped('nonMaxSuppressionPadded', () => {
  const hb = convert(boxes, 'boxes', 'nonMaxSuppression');
  const hs = convert(scores, 'scores', 'nonMaxSuppression');
  const d = nmsDefaults(iouThreshold, scoreThreshold, 0);
  const r = wrapAll(IMG.nonMaxSuppressionPadded(hb, hs, maxOutputSize, d[0], d[1], !!padToMaxOutputSize));
  return {selectedIndices: r[0], validOutputs: r[1]};
});

/**
 * The async variants, as TF.js's: convert, wait for both values (on webgl a download that does not
 * block the page), run the algorithm on them, dispose what was converted here. Errors reject.
 */
function nmsAsync(kind, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma, pad) {
  return new Promise((resolve) => resolve()).then(() => {
    const made = [];
    const asTensor = (x, name) => {
      if (x instanceof Tensor) {
        return x;
      }
      const t = wrap(convert(x, name, 'nonMaxSuppressionAsync'));
      made.push(t);
      return t;
    };
    const release = () => made.forEach((t) => t.dispose());
    let b;
    let s;
    try {
      b = asTensor(boxes, 'boxes');
      s = asTensor(scores, 'scores');
    } catch (e) {
      release();
      throw e;
    }
    const d = nmsDefaults(iouThreshold, scoreThreshold, softNmsSigma);
    return Promise.all([b.data(), s.data()]).then(() => {
      // A failed check leaves the converted tensors alive, as TF.js does.
      const r = wrapAll(IMG.nonMaxSuppressionAsync(kind, b._h, s._h, maxOutputSize, d[0], d[1], d[2], !!pad));
      release();
      return r;
    });
  });
}

tf.image.nonMaxSuppressionAsync = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity) =>
  nmsAsync(3, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0, false).then((r) => r[0]);

tf.image.nonMaxSuppressionWithScoreAsync = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity, softNmsSigma = 0.0) =>
  nmsAsync(5, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma, false)
      .then((r) => ({selectedIndices: r[0], selectedScores: r[1]}));

tf.image.nonMaxSuppressionPaddedAsync = (boxes, scores, maxOutputSize, iouThreshold = 0.5,
    scoreThreshold = -Infinity, padToMaxOutputSize = false) =>
  nmsAsync(4, boxes, scores, maxOutputSize, iouThreshold, scoreThreshold, 0, padToMaxOutputSize)
      .then((r) => ({selectedIndices: r[0], validOutputs: r[1]}));
