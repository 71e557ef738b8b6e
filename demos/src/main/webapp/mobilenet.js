// What the two MobileNetV2 demos share: loading the model under progress bars (download, then a
// warm-up prediction that compiles the backend's programs), turning an image into the model's input
// (224x224 RGB in [0, 1]), and deterministic generated test images.
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

  /** The model's input for a 224x224 canvas: [1, 224, 224, 3] float32 in [0, 1]. */
  function input(tf, canvas) {
    const rgba = canvas.getContext('2d').getImageData(0, 0, SIZE, SIZE).data;
    const rgb = new Float32Array(SIZE * SIZE * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4) {
      rgb[j++] = rgba[i];
      rgb[j++] = rgba[i + 1];
      rgb[j++] = rgba[i + 2];
    }
    return tf.tidy(() => tf.tensor4d(rgb, [1, SIZE, SIZE, 3]).div(255));
  }

  /** Deterministic images (no randomness, only axis-aligned shapes and arcs). */
  function generated(kind) {
    const c = document.createElement('canvas');
    c.width = SIZE;
    c.height = SIZE;
    const ctx = c.getContext('2d');
    if (kind === 'drawing') {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, SIZE, SIZE);
      ctx.strokeStyle = '#111111';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.arc(112, 90, 50, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(95, 80, 6, 0, 2 * Math.PI);
      ctx.arc(129, 80, 6, 0, 2 * Math.PI);
      ctx.fillStyle = '#111111';
      ctx.fill();
      ctx.beginPath();
      ctx.arc(112, 98, 26, 0.15 * Math.PI, 0.85 * Math.PI);
      ctx.stroke();
      ctx.fillRect(108, 140, 8, 60);
      ctx.fillRect(60, 160, 104, 8);
    } else {
      const img = ctx.createImageData(SIZE, SIZE);
      for (let y = 0; y < SIZE; y++) {
        for (let x = 0; x < SIZE; x++) {
          const k = (y * SIZE + x) * 4;
          img.data[k] = (x * 255 / (SIZE - 1)) | 0;
          img.data[k + 1] = (y * 255 / (SIZE - 1)) | 0;
          img.data[k + 2] = ((x + y) % 64) * 4;
          img.data[k + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
    }
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

  root.mobilenetDemo = {SIZE, load, toCanvas, input, generated, topK};
})(window);
