// tf.browser: reading pixels from the page's image sources and writing tensors to canvases. This
// file is platform glue (canvas getImageData / putImageData); the channel selection, the checks of
// the tensors and the byte arithmetic are Java's (ImageBridge.fromPixels / toPixels).
tf.browser = {};

let fromPixels2DContext = null;
let toPixelsWarned = false;

/** The RGBA bytes of an image, video or ImageBitmap, drawn on a reused 2D canvas. */
function drawnPixels(pixels, width, height) {
  if (fromPixels2DContext == null) {
    if (typeof document === 'undefined') {
      if (typeof OffscreenCanvas !== 'undefined' && typeof OffscreenCanvasRenderingContext2D !== 'undefined') {
        fromPixels2DContext = new OffscreenCanvas(1, 1).getContext('2d');
      } else {
        throw new Error('Cannot parse input in current context. ' +
            'Reason: OffscreenCanvas Context2D rendering is not supported.');
      }
    } else {
      fromPixels2DContext = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
    }
  }
  fromPixels2DContext.canvas.width = width;
  fromPixels2DContext.canvas.height = height;
  fromPixels2DContext.drawImage(pixels, 0, 0, width, height);
  return fromPixels2DContext.getImageData(0, 0, width, height).data;
}

function fromPixelsImpl(pixels, numChannels) {
  if (numChannels > 4) {
    throw new Error('Cannot construct Tensor with more than 4 channels from pixels.');
  }
  if (pixels == null) {
    throw new Error('pixels passed to tf.browser.fromPixels() can not be null');
  }
  let kind;
  if (pixels.data instanceof Uint8Array) {
    kind = 'pixelData';
  } else if (typeof ImageData !== 'undefined' && pixels instanceof ImageData) {
    kind = 'imageData';
  } else if (typeof HTMLVideoElement !== 'undefined' && pixels instanceof HTMLVideoElement) {
    kind = 'video';
  } else if (typeof HTMLImageElement !== 'undefined' && pixels instanceof HTMLImageElement) {
    kind = 'image';
  } else if (pixels.getContext != null) {
    kind = 'canvas';
  } else if (typeof ImageBitmap !== 'undefined' && pixels instanceof ImageBitmap) {
    kind = 'bitmap';
  } else {
    throw new Error('pixels passed to tf.browser.fromPixels() must be either an ' +
        'HTMLVideoElement, HTMLImageElement, HTMLCanvasElement, ImageData ' +
        'in browser, or OffscreenCanvas, ImageData in webworker' +
        ' or {data: Uint32Array, width: number, height: number}, ' +
        `but was ${pixels.constructor.name}`);
  }
  const width = kind === 'video' ? pixels.videoWidth : pixels.width;
  const height = kind === 'video' ? pixels.videoHeight : pixels.height;
  let vals;
  if (kind === 'canvas') {
    vals = pixels.getContext('2d').getImageData(0, 0, width, height).data;
  } else if (kind === 'imageData' || kind === 'pixelData') {
    vals = pixels.data;
  } else {
    vals = drawnPixels(pixels, width, height);
  }
  return wrap(IMG.fromPixels(vals, width, height, numChannels));
}

/**
 * tf.browser.fromPixels(pixels, numChannels = 3): an int32 [height, width, numChannels] tensor of
 * an ImageData, image, canvas (or OffscreenCanvas), video, ImageBitmap or {data: Uint8Array,
 * width, height}.
 */
tf.browser.fromPixels = (pixels, numChannels = 3) => scoped('fromPixels', () => fromPixelsImpl(pixels, numChannels));

/** tf.browser.fromPixelsAsync: fromPixels in a Promise (TF.js wraps to an ImageBitmap only when a flag asks). */
tf.browser.fromPixelsAsync = (pixels, numChannels = 3) =>
  new Promise((resolve) => resolve()).then(() => fromPixelsImpl(pixels, numChannels));

/** The image tensor of toPixels / draw: a tensor-like becomes int32, as TF.js assumes. */
function pixelsTensor(img, op) {
  if (img instanceof Tensor) {
    return img;
  }
  const t = wrap(convert(img, 'img', op));
  const i = t.cast('int32');
  t.dispose();
  return i;
}

/**
 * tf.browser.toPixels(img, canvas?): a Promise of the RGBA bytes (Uint8ClampedArray) of a rank 2
 * or 3 image (1, 3 or 4 channels; float32 in [0, 1] or int32 in [0, 255]); draws them on the
 * canvas when one is given.
 */
tf.browser.toPixels = (img, canvas) => new Promise((resolve) => resolve()).then(() => {
  const $img = pixelsTensor(img, 'toPixels');
  const release = () => {
    if ($img !== img) {
      $img.dispose();
    }
  };
  try {
    IMG.checkPixelsTensor($img._h);
  } catch (e) {
    release();
    throw e;
  }
  return $img.data().then(() => {
    let bytes;
    try {
      bytes = new Uint8ClampedArray(IMG.toPixels($img._h, 1));
    } catch (e) {
      release();
      throw e;
    }
    const height = $img.shape[0];
    const width = $img.shape[1];
    if (canvas != null) {
      if (!toPixelsWarned) {
        console.warn('tf.browser.toPixels is not efficient to draw tensor on canvas. ' +
            'Please try tf.browser.draw instead.');
        toPixelsWarned = true;
      }
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d').putImageData(new ImageData(bytes, width, height), 0, 0);
    }
    release();
    return bytes;
  });
});

/**
 * tf.browser.draw(image, canvas, options?): draws a rank 2 or 3 image tensor on a canvas's 2D
 * context at once (options.imageOptions.alpha in [0, 1] scales the alpha channel).
 */
tf.browser.draw = (image, canvas, options) => {
  const $img = pixelsTensor(image, 'draw');
  try {
    IMG.checkPixelsTensor($img._h);
    const imageOptions = options == null ? undefined : options.imageOptions;
    const alpha = (imageOptions == null ? undefined : imageOptions.alpha) || 1;
    if (alpha > 1 || alpha < 0) {
      throw new Error(`Alpha value ${alpha} is suppoed to be in range [0 - 1].`);
    }
    const contextOptions = options == null ? undefined : options.contextOptions;
    const contextType = (contextOptions == null ? undefined : contextOptions.contextType) || '2d';
    if (contextType !== '2d') {
      throw new Error(`Context type ${contextOptions.contextType} is not supported by the CPU backend.`);
    }
    const ctx = canvas.getContext(contextType,
        (contextOptions == null ? undefined : contextOptions.contextAttributes) || {});
    if (ctx == null) {
      throw new Error(`Could not get the context with ${contextType} type.`);
    }
    const bytes = new Uint8ClampedArray(IMG.toPixels($img._h, alpha));
    const height = $img.shape[0];
    const width = $img.shape[1];
    canvas.width = width;
    canvas.height = height;
    ctx.putImageData(new ImageData(bytes, width, height), 0, 0);
  } finally {
    if ($img !== image) {
      $img.dispose();
    }
  }
};
