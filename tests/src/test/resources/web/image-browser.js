// tf.browser (fromPixels, fromPixelsAsync, toPixels, draw) and the async tf.image ops through
// samovar.js and through TF.js 4.22 (cpu backend) in the same page, on the same pixel sources:
// each case returns both results (values, shapes, dtypes, error messages, tensors left) for
// BrowserImageTest to compare.
(function() {
  const W = 5;
  const H = 3;

  /** RGBA bytes with every channel distinct, alpha 255 (a canvas keeps such pixels exactly). */
  function rgba() {
    const d = new Uint8ClampedArray(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      d[i * 4] = (i * 37) % 256;
      d[i * 4 + 1] = (i * 91 + 11) % 256;
      d[i * 4 + 2] = (i * 53 + 200) % 256;
      d[i * 4 + 3] = 255;
    }
    return d;
  }

  function imageData() {
    return new ImageData(rgba(), W, H);
  }

  function canvas() {
    const c = document.createElement('canvas');
    c.width = W;
    c.height = H;
    c.getContext('2d').putImageData(imageData(), 0, 0);
    return c;
  }

  function image() {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = canvas().toDataURL('image/png');
    });
  }

  async function encode(lib, r) {
    if (r instanceof lib.Tensor) {
      return {shape: r.shape, dtype: r.dtype, data: Array.from(await r.data())};
    }
    if (r instanceof Uint8ClampedArray) {
      return {bytes: Array.from(r)};
    }
    if (Array.isArray(r)) {
      const out = [];
      for (const x of r) {
        out.push(await encode(lib, x));
      }
      return out;
    }
    if (r != null && typeof r === 'object') {
      const o = {};
      for (const k of Object.keys(r).sort()) {
        o[k] = await encode(lib, r[k]);
      }
      return o;
    }
    return r === undefined ? null : r;
  }

  /** Runs fn(lib) (a value or a Promise): its encoded result or error, and the tensors it left. */
  async function runOn(lib, fn) {
    const before = lib.memory().numTensors;
    let out;
    try {
      const r = await fn(lib);
      out = {result: await encode(lib, r)};
      lib.dispose(r && r.selectedIndices ? [r.selectedIndices, r.selectedScores, r.validOutputs].filter((t) => t) : r);
    } catch (e) {
      out = {error: String(e && e.message)};
    }
    out.leftTensors = lib.memory().numTensors - before;
    return out;
  }

  const boxes = [[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]];
  const scores = [0.9, 0.75, 0.6, 0.95, 0.5, 0.3];

  /** Draws with tf.browser.draw (or toPixels with a canvas) and returns the canvas's pixels. */
  function drawn(draw) {
    return async (lib) => {
      const c = document.createElement('canvas');
      await draw(lib, c);
      return {width: c.width, height: c.height,
        pixels: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)};
    };
  }

  const CASES = [];
  const add = (name, fn) => CASES.push({name, fn});
  for (const n of [1, 2, 3, 4]) {
    add(`fromPixels ImageData ${n} channels`, (lib) => lib.browser.fromPixels(imageData(), n));
  }
  add('fromPixels ImageData default channels', (lib) => lib.browser.fromPixels(imageData()));
  add('fromPixels PixelData', (lib) => lib.browser.fromPixels({data: new Uint8Array(rgba()), width: W, height: H}, 4));
  add('fromPixels canvas', (lib) => lib.browser.fromPixels(canvas()));
  add('fromPixels canvas 1 channel', (lib) => lib.browser.fromPixels(canvas(), 1));
  add('fromPixels image', async (lib) => lib.browser.fromPixels(await image(), 3));
  add('fromPixels ImageBitmap', async (lib) => lib.browser.fromPixels(await createImageBitmap(imageData()), 4));
  add('fromPixels empty canvas', (lib) => {
    const c = document.createElement('canvas');
    c.width = 0;
    c.height = 0;
    return lib.browser.fromPixels({data: new Uint8Array(0), width: 0, height: 0});
  });
  add('fromPixels 5 channels fails', (lib) => lib.browser.fromPixels(imageData(), 5));
  add('fromPixels null fails', (lib) => lib.browser.fromPixels(null));
  add('fromPixels object fails', (lib) => lib.browser.fromPixels({width: 2, height: 2}));
  add('fromPixels array fails', (lib) => lib.browser.fromPixels([1, 2, 3]));
  add('fromPixelsAsync', (lib) => lib.browser.fromPixelsAsync(imageData(), 3));
  add('fromPixelsAsync image', async (lib) => lib.browser.fromPixelsAsync(await image()));
  add('fromPixels resizeBilinear', (lib) => lib.tidy(() =>
    lib.image.resizeBilinear(lib.browser.fromPixels(canvas()), [7, 4]).div(255).expandDims(0)));
  // toPixels
  add('toPixels float32 rgb', (lib) => lib.browser.toPixels(lib.tensor3d([0, 0.5, 1, 0.25, 0.75, 0.999, 0.001, 0.002, 0.5, 1, 1, 1], [2, 2, 3])));
  add('toPixels float32 rgba', (lib) => lib.browser.toPixels(lib.tensor3d([0, 0.5, 1, 0.3, 0.25, 0.75, 0.999, 0], [1, 2, 4])));
  add('toPixels float32 gray rank 2', (lib) => lib.browser.toPixels(lib.tensor2d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [2, 3])));
  add('toPixels int32 gray 1 channel', (lib) => lib.browser.toPixels(lib.tensor3d([0, 128, 255, 7], [2, 2, 1], 'int32')));
  add('toPixels int32 rgb', (lib) => lib.browser.toPixels(lib.tensor3d([0, 128, 255, 7, 8, 9], [1, 2, 3], 'int32')));
  add('toPixels nested array (int32)', (lib) => lib.browser.toPixels([[[1, 2, 3], [4, 5, 6]]]));
  add('toPixels float32 out of range fails', (lib) => lib.browser.toPixels(lib.tensor2d([0.5, 1.5], [1, 2])));
  add('toPixels int32 out of range fails', (lib) => lib.browser.toPixels(lib.tensor2d([5, 256], [1, 2], 'int32')));
  add('toPixels negative fails', (lib) => lib.browser.toPixels(lib.tensor2d([-0.5, 0], [1, 2])));
  add('toPixels rank 1 fails', (lib) => lib.browser.toPixels(lib.tensor1d([0.5])));
  add('toPixels depth 2 fails', (lib) => lib.browser.toPixels(lib.zeros([1, 1, 2])));
  add('toPixels depth 5 fails', (lib) => lib.browser.toPixels(lib.zeros([1, 1, 5])));
  add('toPixels bool fails', (lib) => lib.browser.toPixels(lib.tensor2d([true, false], [1, 2], 'bool')));
  add('toPixels on a canvas', drawn((lib, c) => lib.browser.toPixels(lib.tensor3d([0, 0.5, 1, 0.25, 0.75, 0.999], [1, 2, 3]), c)));
  add('fromPixels of toPixels round trip', async (lib) => {
    const c = document.createElement('canvas');
    await lib.browser.toPixels(lib.tidy(() => lib.browser.fromPixels(imageData(), 3)), c);
    return lib.browser.fromPixels(c, 4);
  });
  add('draw rgb', drawn((lib, c) => lib.tidy(() => lib.browser.draw(lib.tensor3d([0, 0.5, 1, 0.25, 0.75, 0.999], [1, 2, 3]), c))));
  add('draw int32 gray with alpha', drawn((lib, c) => lib.tidy(() =>
    lib.browser.draw(lib.tensor2d([0, 100, 200, 255], [2, 2], 'int32'), c, {imageOptions: {alpha: 0.5}}))));
  add('draw bad alpha fails', drawn((lib, c) => lib.tidy(() =>
    lib.browser.draw(lib.tensor2d([0, 1], [1, 2]), c, {imageOptions: {alpha: 2}}))));
  add('draw bad depth fails', drawn((lib, c) => lib.tidy(() => lib.browser.draw(lib.zeros([1, 1, 2]), c))));
  // the async ops
  add('nonMaxSuppressionAsync', (lib) => lib.image.nonMaxSuppressionAsync(boxes, scores, 3, 0.5));
  add('nonMaxSuppressionAsync tensors', (lib) => {
    const b = lib.tensor2d(boxes);
    const s = lib.tensor1d(scores);
    return lib.image.nonMaxSuppressionAsync(b, s, 6, 0.3, 0.55).then((r) => {
      b.dispose();
      s.dispose();
      return r;
    });
  });
  add('nonMaxSuppressionWithScoreAsync soft', (lib) => lib.image.nonMaxSuppressionWithScoreAsync(boxes, scores, 6, 1, 0, 0.5));
  add('nonMaxSuppressionPaddedAsync', (lib) => lib.image.nonMaxSuppressionPaddedAsync(boxes, scores, 5, 0.5, 0.4, true));
  add('nonMaxSuppressionAsync iou fails', (lib) => lib.image.nonMaxSuppressionAsync(boxes, scores, 3, 2));
  add('nonMaxSuppressionAsync shape fails', (lib) => lib.image.nonMaxSuppressionAsync([[0, 0, 1]], [1], 3));
  add('whereAsync', (lib) => lib.whereAsync(lib.tensor2d([true, false, false, true, true, false], [2, 3], 'bool')));
  add('whereAsync array', (lib) => lib.whereAsync([[true, false], [false, true]]));

  window.runImageCases = async function() {
    await tf.setBackend('cpu');
    await samovar.setBackend('cpu');
    const out = [];
    for (const c of CASES) {
      out.push({name: c.name, samovar: await runOn(samovar, c.fn), tfjs: await runOn(tf, c.fn)});
    }
    return JSON.stringify(out);
  };
})();
