// What the two MobileNetV2 demos share: loading the model under progress bars (download, then a
// warm-up prediction that compiles the backend's programs), turning an image into the model's input
// (tf.browser.fromPixels + tf.image.resizeBilinear: 224x224 RGB in [0, 1]), and deterministic
// generated test images.
(function(root) {
  'use strict';
  const SIZE = 224;
  const MODEL_URL = 'assets/models/mobilenet_v2/model.json';

  async function load(tf, ui, progressParent) {
    const params = new URLSearchParams(location.search);
    if (params.get('backend')) {
      await tf.setBackend(params.get('backend'));
    }
    await tf.ready();
    const model = await ui.loadWithProgress('Downloading MobileNetV2 (2.6 MB of weights)', progressParent,
        (onProgress) => tf.loadLayersModel(MODEL_URL, {onProgress}));
    const warm = ui.progress(progressParent, 'Warming up (' + tf.getBackend() + ' backend)');
    warm.busy('first prediction');
    await tf.nextFrame();
    const t0 = performance.now();
    const y = tf.tidy(() => model.predict(tf.zeros([1, SIZE, SIZE, 3])));
    await y.data();
    y.dispose();
    warm.done('ready in ' + ((performance.now() - t0) / 1000).toFixed(1) + ' s');
    const classes = await (await fetch('assets/models/mobilenet_v2/classes.json')).json();
    return {model, classes};
  }

  /** Draws `source` (image, video, canvas) center-cropped onto a new 224x224 canvas. */
  function toCanvas(source, width, height) {
    const c = document.createElement('canvas');
    c.width = SIZE;
    c.height = SIZE;
    const ctx = c.getContext('2d');
    const side = Math.min(width, height);
    ctx.drawImage(source, (width - side) / 2, (height - side) / 2, side, side, 0, 0, SIZE, SIZE);
    return c;
  }

  /**
   * The model's input for an image, video or canvas, as TF.js users write it: tf.browser.fromPixels
   * (int32 RGB), the centred square, tf.image.resizeBilinear to 224x224, scaled to [0, 1]:
   * [1, 224, 224, 3] float32.
   */
  function input(tf, source) {
    return tf.tidy(() => {
      const img = tf.browser.fromPixels(source);
      const [height, width] = img.shape;
      const side = Math.min(height, width);
      const square = img.slice([Math.floor((height - side) / 2), Math.floor((width - side) / 2), 0], [side, side, 3]);
      return tf.image.resizeBilinear(square, [SIZE, SIZE]).div(255).expandDims(0);
    });
  }

  /**
   * Deterministic test images as RGBA bytes, computed pixel by pixel (no canvas drawing, so Node
   * reproduces them exactly: tests/fixtures/gen-demo-fixtures.mjs runs this same function).
   *   'drawing': black strokes on white (a face and a cross); 'smooth': color gradients.
   */
  function pixels(kind) {
    const data = new Uint8ClampedArray(SIZE * SIZE * 4);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const k = (y * SIZE + x) * 4;
        if (kind === 'drawing') {
          const d = Math.sqrt((x - 112) * (x - 112) + (y - 90) * (y - 90));
          const eyeL = (x - 95) * (x - 95) + (y - 80) * (y - 80) <= 36;
          const eyeR = (x - 129) * (x - 129) + (y - 80) * (y - 80) <= 36;
          const smile = Math.abs(d - 26) <= 2 && y > 100;
          const ring = Math.abs(d - 50) <= 2;
          const cross = (x >= 108 && x < 116 && y >= 140 && y < 200) || (y >= 160 && y < 168 && x >= 60 && x < 164);
          const v = ring || eyeL || eyeR || smile || cross ? 17 : 255;
          data[k] = v;
          data[k + 1] = v;
          data[k + 2] = v;
        } else {
          data[k] = Math.floor(x * 255 / (SIZE - 1));
          data[k + 1] = Math.floor(y * 255 / (SIZE - 1));
          data[k + 2] = ((x + y) % 64) * 4;
        }
        data[k + 3] = 255;
      }
    }
    return data;
  }

  function generated(kind) {
    const c = document.createElement('canvas');
    c.width = SIZE;
    c.height = SIZE;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(SIZE, SIZE);
    img.data.set(pixels(kind));
    ctx.putImageData(img, 0, 0);
    return c;
  }

  /** Class probabilities of one input, sorted, via tf.topk. */
  async function topK(tf, model, classes, x, k) {
    const probs = tf.tidy(() => model.predict(x));
    const {values, indices} = tf.topk(probs, k);
    const [v, i, all] = await Promise.all([values.data(), indices.data(), probs.data()]);
    tf.dispose([probs, values, indices]);
    const top = [];
    for (let n = 0; n < k; n++) {
      top.push({label: classes[i[n]], value: v[n]});
    }
    return {top, all: Array.from(all)};
  }

  root.mobilenetDemo = {SIZE, load, toCanvas, input, pixels, generated, topK};
})(window);
