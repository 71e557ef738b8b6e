// The webgl shape, pooling, normalization and backward kernels on shapes larger than the op
// fixtures' (textures several rows high, concat of more inputs than one program takes), each case
// run on cpu and on webgl (CPU forwarding off) in this page; returns both results for the Java side.
(function() {
  const tf = window.samovar;

  /** Deterministic values in [-1, 1) (a linear congruential generator). */
  function values(n, seed) {
    const out = new Float32Array(n);
    let s = seed >>> 0;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = s / 2147483648 - 1;
    }
    return out;
  }

  function rand(shape, seed) {
    return tf.tensor(values(shape.reduce((a, b) => a * b, 1), seed), shape);
  }

  function ints(n, max, seed) {
    const v = values(n, seed);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Math.floor((v[i] + 1) / 2 * max);
    }
    return out;
  }

  const conv = {strides: 2, pad: 'same'};
  const CASES = {
    'transpose 3d': () => tf.transpose(rand([40, 48, 4], 1), [2, 0, 1]),
    'transpose generic width': () => tf.transpose(rand([150, 131], 2)),
    'transpose int32': () => tf.transpose(tf.tensor(ints(6000, 1000, 3), [60, 100], 'int32')),
    'slice': () => tf.slice(rand([70, 300], 4), [5, 17], [60, 250]),
    'stridedSlice': () => tf.stridedSlice(rand([64, 64, 3], 5), [1, 60, 0], [63, 2, 3], [2, -3, 1]),
    'concat 11 inputs': () => tf.concat([...Array(11).keys()].map((k) => rand([20, 3 + k], 10 + k)), 1),
    'stack / unstack': () => tf.stack(tf.unstack(rand([6, 40, 36], 6), 1).reverse(), 2),
    'split': () => tf.concat(tf.split(rand([30, 90], 7), [20, 30, 40], 1).reverse(), 1),
    'gather axis 1': () => tf.gather(rand([50, 200, 4], 8), tf.tensor1d(ints(300, 200, 9), 'int32'), 1),
    'gather batchDims': () => tf.gather(rand([4, 30, 12], 11), tf.tensor(ints(40, 30, 12), [4, 10], 'int32'), 1, 1),
    'gatherND': () => tf.gatherND(rand([30, 40, 8], 13), tf.tensor(ints(400, 30, 14), [200, 2], 'int32')),
    'pad': () => tf.pad(rand([33, 65], 15), [[3, 4], [0, 9]], 0.5),
    'mirrorPad reflect': () => tf.mirrorPad(rand([33, 65], 16), [[3, 4], [1, 9]], 'reflect'),
    'mirrorPad symmetric': () => tf.mirrorPad(rand([33, 65], 17), [[3, 4], [1, 9]], 'symmetric'),
    'tile': () => tf.tile(rand([13, 21], 18), [3, 5]),
    'reverse': () => tf.reverse(rand([20, 30, 12], 19), [0, 2]),
    'batchToSpaceND': () => tf.batchToSpaceND(rand([16, 10, 12, 3], 20), [2, 4], [[1, 2], [0, 5]]),
    'spaceToBatchND': () => tf.spaceToBatchND(rand([2, 14, 9, 5], 21), [2, 3], [[2, 0], [1, 2]]),
    'depthToSpace': () => tf.depthToSpace(rand([2, 12, 10, 36], 22), 3),
    'oneHot': () => tf.oneHot(tf.tensor1d(ints(500, 23, 23), 'int32'), 20, 3, -1),
    'fill / zerosLike / onesLike': () => tf.stack([tf.fill([70, 80], 2.5), tf.zerosLike(rand([70, 80], 24)),
      tf.onesLike(rand([70, 80], 25))]),
    'cumsum': () => tf.cumsum(rand([50, 400], 26), 1),
    'cumsum exclusive reverse axis 0': () => tf.cumsum(rand([300, 30], 27), 0, true, true),
    'cumprod': () => tf.cumprod(tf.add(rand([40, 60], 28), 1.5), 1),
    'cumsum int32': () => tf.cumsum(tf.tensor(ints(3000, 100, 29), [30, 100], 'int32'), 1),
    'maxPool': () => tf.maxPool(rand([2, 32, 32, 8], 30), 3, 2, 'same'),
    'avgPool': () => tf.avgPool(rand([2, 31, 33, 6], 31), [3, 2], [2, 1], 'valid'),
    'pool dilated max': () => tf.pool(rand([2, 20, 21, 4], 32), [3, 3], 'max', 'same', [2, 2]),
    'maxPool grad': () => tf.grad((x) => tf.maxPool(x, 3, 2, 'same').square().sum())(rand([2, 32, 32, 8], 33)),
    'avgPool grad': () => tf.grad((x) => tf.avgPool(x, [3, 2], [2, 1], 'valid').square().sum())(
        rand([2, 31, 33, 6], 34)),
    'pool dilated avg grad': () => tf.grad((x) => tf.pool(x, [2, 3], 'avg', 'same', [2, 2]).square().sum())(
        rand([2, 20, 21, 4], 35)),
    'conv2d grads': () => tf.grads((x, w) => tf.conv2d(x, w, 2, 'same').square().sum())(
        [rand([2, 16, 16, 8], 36), rand([3, 3, 8, 16], 37)]),
    'conv2dTranspose': () => tf.conv2dTranspose(rand([2, 8, 8, 16], 38), rand([3, 3, 6, 16], 39), [2, 16, 16, 6],
        2, 'same'),
    'depthwise grads': () => tf.grads((x, w) => tf.depthwiseConv2d(x, w, 1, 'valid').square().sum())(
        [rand([2, 14, 15, 6], 40), rand([3, 3, 6, 2], 41)]),
    'batchNorm': () => tf.batchNorm(rand([4, 16, 16, 8], 42), rand([8], 43), tf.add(rand([8], 44), 2),
        rand([8], 45), rand([8], 46), 1e-3),
    'localResponseNormalization and grad': () => {
      const x = rand([2, 8, 8, 12], 47);
      return [tf.localResponseNormalization(x, 3, 1, 0.5, 0.75),
        tf.grad((v) => tf.localResponseNormalization(v, 3, 1, 0.5, 0.75).square().sum())(x)];
    },
    // Block programs (four rows by four columns per fragment, assembled four rows per texture row):
    // every transpose, a last block past M, batches, fused epilogues, and outputs read back by
    // other kernels (the assembled layout as an input).
    'block matMul NN, M not a multiple of 4': () => tf.matMul(rand([37, 64], 60), rand([64, 48], 61)),
    'block matMul TN (K not a multiple of 4)': () => tf.matMul(rand([30, 44], 62), rand([30, 20], 63), true, false),
    'block matMul TN': () => tf.matMul(rand([64, 40], 64), rand([64, 24], 65), true, false),
    'block matMul NT': () => tf.matMul(rand([24, 36], 66), rand([52, 36], 67), false, true),
    'block matMul TT': () => tf.matMul(rand([36, 24], 68), rand([52, 36], 69), true, true),
    'block batchMatMul, broadcast batch': () => tf.matMul(rand([3, 8, 20], 70), rand([1, 20, 12], 71)),
    'block fused matMul bias relu6': () => tf.fused.matMul({a: rand([50, 32], 72), b: rand([32, 40], 73),
      bias: rand([40], 74), activation: 'relu6'}),
    'block fused matMul prelu': () => tf.fused.matMul({a: rand([16, 32], 75), b: rand([32, 16], 76),
      bias: rand([16], 77), activation: 'prelu', preluActivationWeights: rand([16], 78)}),
    'block output as input (matMul chain, transpose, slice)': () => {
      const h = tf.matMul(rand([40, 32], 79), rand([32, 28], 80));
      return [tf.matMul(h, rand([28, 12], 81)), tf.matMul(h, rand([40, 8], 82), true, false), tf.transpose(h),
        tf.slice(h, [3, 5], [30, 20]), tf.add(h, 1)];
    },
    'matMul N not a multiple of 4 (dot products), each transpose': () => [
      tf.matMul(rand([30, 64], 97), rand([64, 10], 98)), tf.matMul(rand([64, 30], 99), rand([64, 10], 100), true, false),
      tf.matMul(rand([30, 64], 101), rand([10, 64], 102), false, true),
      tf.matMul(rand([3, 12, 7], 103), rand([3, 12, 9], 104), true, false),
      tf.fused.matMul({a: rand([20, 16], 105), b: rand([16, 6], 106), bias: rand([6], 107), activation: 'elu'})],
    'block conv2d': () => tf.conv2d(rand([2, 15, 13, 8], 83), rand([3, 3, 8, 12], 84), 1, 'same'),
    'block conv2d strided dilated': () => tf.conv2d(rand([1, 17, 19, 4], 85), rand([3, 2, 4, 8], 86), 1, 'valid',
        'NHWC', [2, 3]),
    'block conv2d input channels 3 (im2col)': () => tf.conv2d(rand([2, 23, 21, 3], 87), rand([3, 3, 3, 16], 88), 2,
        'same'),
    'block fused conv2d bias leakyrelu': () => tf.fused.conv2d({x: rand([1, 12, 12, 16], 89),
      filter: rand([1, 1, 16, 8], 90), strides: 1, pad: 'valid', bias: rand([8], 91), activation: 'leakyrelu',
      leakyreluAlpha: 0.3}),
    'block depthwise': () => tf.depthwiseConv2d(rand([2, 14, 11, 12], 92), rand([3, 3, 12, 1], 93), 2, 'same'),
    'block fused depthwise relu': () => tf.fused.depthwiseConv2d({x: rand([1, 10, 10, 8], 94),
      filter: rand([3, 3, 8, 1], 95), strides: 1, pad: 'same', bias: rand([8], 96), activation: 'relu'}),
    'gather grad (unsortedSegmentSum)': () => tf.grad((x) => tf.gather(x, tf.tensor1d(ints(300, 17, 49), 'int32'))
        .square().sum())(rand([17, 24], 48)),
  };

  function flat(result) {
    const list = Array.isArray(result) ? result : [result];
    return list.map((t) => ({shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync())}));
  }

  /** Runs every case on cpu and on webgl; resolves to JSON {name: {cpu, webgl, error}}. */
  window.runWebGLKernels = async function() {
    const out = {};
    for (const name of Object.keys(CASES)) {
      const entry = {};
      try {
        await tf.setBackend('cpu');
        entry.cpu = tf.tidy(() => flat(CASES[name]()));
        if (!(await tf.setBackend('webgl'))) {
          throw new Error('webgl is not available');
        }
        tf.env().set('WEBGL_CPU_FORWARD', false);
        const before = tf.memory().numTensors;
        const start = performance.now();
        entry.webgl = tf.tidy(() => flat(CASES[name]()));
        entry.ms = performance.now() - start;
        entry.leaked = tf.memory().numTensors - before;
      } catch (e) {
        entry.error = String(e && e.stack || e);
      } finally {
        tf.env().set('WEBGL_CPU_FORWARD', true);
      }
      out[name] = entry;
    }
    return JSON.stringify(out);
  };
})();
