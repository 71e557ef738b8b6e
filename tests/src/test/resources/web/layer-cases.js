// The layer cases, shared by tests/fixtures/gen-layer-fixtures.mjs (TF.js 4.22 in Node) and the
// page (layer-runner.js on samovar.js); the JVM suite (dev.samovar.tests.layers.JvmLayerSuiteTest)
// mirrors `runLayerCase` through the Java API. A case is data: the factory (tf.layers.<factory>),
// its arguments, the input shapes (values are pseudo-random from a seed), and a seed for the
// weights: the layer is built on the inputs, its weights set to pseudo-random values, and its
// output, the gradients of sum(output * R) with respect to the inputs and the trainable weights,
// the weight names and shapes and the config are recorded.
(function(root) {
  /** Deterministic pseudo-random float32 values in [lo, hi) (mulberry32, as tests/fixtures/lib.mjs). */
  function rand(n, seed, lo, hi) {
    let s = seed >>> 0;
    const out = [];
    for (let i = 0; i < n; i++) {
      s = (s + 0x6D2B79F5) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      const u = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
      out.push(Math.fround(lo + (hi - lo) * u));
    }
    return out;
  }

  function size(shape) {
    return shape.reduce((a, b) => a * b, 1);
  }

  const d = (shape, seed) => ({shape, seed});
  const CASES = [
    {name: 'dense', factory: 'dense', args: {units: 3}, inputs: [d([2, 4], 1)], weightSeed: 10},
    {name: 'dense relu no bias', factory: 'dense', args: {units: 5, activation: 'relu', useBias: false},
      inputs: [d([3, 4], 2)], weightSeed: 11},
    {name: 'dense rank 3 softmax', factory: 'dense', args: {units: 3, activation: 'softmax'},
      inputs: [d([2, 3, 4], 3)], weightSeed: 12},
    {name: 'dense tanh named', factory: 'dense', args: {units: 2, activation: 'tanh', name: 'my_dense'},
      inputs: [d([2, 3], 4)], weightSeed: 13},
    {name: 'activation sigmoid', factory: 'activation', args: {activation: 'sigmoid'}, inputs: [d([2, 3], 5)]},
    {name: 'activation elu', factory: 'activation', args: {activation: 'elu'}, inputs: [d([2, 3], 6)]},
    {name: 'activation softplus', factory: 'activation', args: {activation: 'softplus'}, inputs: [d([2, 3], 7)]},
    {name: 'activation relu6', factory: 'activation', args: {activation: 'relu6'}, inputs: [d([2, 3], 8)], scale: 8},
    {name: 'activation hardSigmoid', factory: 'activation', args: {activation: 'hardSigmoid'}, inputs: [d([2, 3], 9)], scale: 4},
    {name: 'activation selu', factory: 'activation', args: {activation: 'selu'}, inputs: [d([2, 3], 10)]},
    {name: 'activation swish', factory: 'activation', args: {activation: 'swish'}, inputs: [d([2, 3], 11)]},
    {name: 'activation mish', factory: 'activation', args: {activation: 'mish'}, inputs: [d([2, 3], 12)]},
    {name: 'activation gelu', factory: 'activation', args: {activation: 'gelu'}, inputs: [d([2, 3], 13)]},
    {name: 'activation softsign', factory: 'activation', args: {activation: 'softsign'}, inputs: [d([2, 3], 14)]},
    {name: 'activation logSoftmax', factory: 'activation', args: {activation: 'logSoftmax'}, inputs: [d([2, 3], 15)]},
    {name: 'flatten', factory: 'flatten', args: {}, inputs: [d([2, 3, 2], 16)]},
    {name: 'reshape', factory: 'reshape', args: {targetShape: [3, -1]}, inputs: [d([2, 6], 17)]},
    {name: 'dropout inference', factory: 'dropout', args: {rate: 0.5}, inputs: [d([2, 3], 18)]},
    // convolutional
    {name: 'conv2d valid', factory: 'conv2d', args: {filters: 3, kernelSize: 2}, inputs: [d([2, 4, 4, 2], 20)], weightSeed: 20},
    {name: 'conv2d same strides relu', factory: 'conv2d', args: {filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu'},
      inputs: [d([1, 5, 5, 3], 21)], weightSeed: 21},
    {name: 'conv2d dilation sigmoid no bias', factory: 'conv2d', noGrad: true, args: {filters: 2, kernelSize: 2, dilationRate: 2, activation: 'sigmoid', useBias: false},
      inputs: [d([1, 5, 5, 1], 22)], weightSeed: 22},
    {name: 'conv2d channelsFirst', factory: 'conv2d', args: {filters: 2, kernelSize: 2, dataFormat: 'channelsFirst'},
      inputs: [d([1, 2, 4, 4], 23)], weightSeed: 23},
    {name: 'conv1d', factory: 'conv1d', args: {filters: 3, kernelSize: 2, activation: 'tanh'}, inputs: [d([2, 5, 2], 24)], weightSeed: 24},
    {name: 'conv1d same stride', factory: 'conv1d', args: {filters: 2, kernelSize: 3, strides: 2, padding: 'same'}, inputs: [d([1, 6, 2], 25)], weightSeed: 25},
    {name: 'conv2dTranspose', factory: 'conv2dTranspose', args: {filters: 2, kernelSize: 3, strides: 2}, inputs: [d([1, 3, 3, 2], 26)], weightSeed: 26},
    {name: 'conv2dTranspose same', factory: 'conv2dTranspose', args: {filters: 3, kernelSize: 2, strides: 2, padding: 'same', activation: 'relu'},
      inputs: [d([2, 2, 2, 1], 27)], weightSeed: 27},
    {name: 'depthwiseConv2d', factory: 'depthwiseConv2d', args: {kernelSize: 3, depthMultiplier: 2}, inputs: [d([1, 4, 4, 2], 28)], weightSeed: 28},
    {name: 'depthwiseConv2d same stride relu', factory: 'depthwiseConv2d', args: {kernelSize: 3, strides: 2, padding: 'same', activation: 'relu'},
      inputs: [d([1, 5, 5, 3], 29)], weightSeed: 29},
    {name: 'separableConv2d', factory: 'separableConv2d', args: {filters: 3, kernelSize: 2, depthMultiplier: 2}, inputs: [d([1, 4, 4, 2], 30)], weightSeed: 30},
    // pooling
    {name: 'maxPooling2d', factory: 'maxPooling2d', args: {poolSize: 2}, inputs: [d([2, 4, 4, 2], 31)]},
    {name: 'maxPooling2d same strides', factory: 'maxPooling2d', args: {poolSize: [3, 3], strides: [2, 2], padding: 'same'}, inputs: [d([1, 5, 5, 2], 32)]},
    {name: 'averagePooling2d', factory: 'averagePooling2d', args: {poolSize: [2, 2]}, inputs: [d([1, 4, 4, 3], 33)]},
    {name: 'averagePooling2d channelsFirst', factory: 'averagePooling2d', args: {poolSize: 2, dataFormat: 'channelsFirst'}, inputs: [d([1, 2, 4, 4], 34)]},
    {name: 'maxPooling1d', factory: 'maxPooling1d', args: {poolSize: 2}, inputs: [d([2, 6, 3], 35)]},
    {name: 'averagePooling1d strides', factory: 'averagePooling1d', args: {poolSize: 3, strides: 1}, inputs: [d([1, 5, 2], 36)]},
    {name: 'globalAveragePooling1d', factory: 'globalAveragePooling1d', args: {}, inputs: [d([2, 4, 3], 37)]},
    {name: 'globalMaxPooling1d', factory: 'globalMaxPooling1d', args: {}, inputs: [d([2, 4, 3], 38)]},
    {name: 'globalAveragePooling2d', factory: 'globalAveragePooling2d', args: {}, inputs: [d([2, 3, 3, 2], 39)]},
    {name: 'globalMaxPooling2d channelsFirst', factory: 'globalMaxPooling2d', args: {dataFormat: 'channelsFirst'}, inputs: [d([2, 2, 3, 3], 40)]},
    // normalization
    {name: 'batchNormalization inference', factory: 'batchNormalization', args: {}, inputs: [d([3, 4], 41)], weightSeed: 41, positiveWeights: [3]},
    {name: 'batchNormalization rank 4', factory: 'batchNormalization', args: {epsilon: 0.01}, inputs: [d([2, 3, 3, 2], 42)], weightSeed: 42, positiveWeights: [3]},
    {name: 'batchNormalization axis 1', factory: 'batchNormalization', args: {axis: 1}, inputs: [d([2, 3, 2, 2], 43)], weightSeed: 43, positiveWeights: [3], noGrad: true},
    {name: 'batchNormalization training', factory: 'batchNormalization', args: {momentum: 0.9}, inputs: [d([4, 3], 44)], weightSeed: 44, positiveWeights: [3], training: true},
    {name: 'batchNormalization no center no scale', factory: 'batchNormalization', args: {center: false, scale: false}, inputs: [d([3, 2], 45)], weightSeed: 45, positiveWeights: [1], noGrad: true},
    {name: 'layerNormalization', factory: 'layerNormalization', args: {}, inputs: [d([3, 4], 46)], weightSeed: 46},
    {name: 'layerNormalization axes', factory: 'layerNormalization', args: {axis: [1, 2], epsilon: 0.01}, inputs: [d([2, 3, 2], 47)], weightSeed: 47},
    // merge
    {name: 'add', factory: 'add', args: {}, inputs: [d([2, 3], 50), d([2, 3], 51), d([2, 3], 52)]},
    {name: 'multiply', factory: 'multiply', args: {}, inputs: [d([2, 3], 53), d([2, 3], 54)]},
    {name: 'average', factory: 'average', args: {}, inputs: [d([2, 3], 55), d([2, 3], 56), d([2, 3], 57)]},
    {name: 'maximum', factory: 'maximum', args: {}, inputs: [d([2, 3], 58), d([2, 3], 59)]},
    {name: 'minimum', factory: 'minimum', args: {}, inputs: [d([2, 3], 60), d([2, 3], 61)]},
    {name: 'add broadcast ranks', factory: 'add', args: {}, inputs: [d([2, 3, 4], 62), d([2, 4], 63)]},
    {name: 'concatenate', factory: 'concatenate', args: {}, inputs: [d([2, 3], 64), d([2, 2], 65)]},
    {name: 'concatenate axis 1', factory: 'concatenate', args: {axis: 1}, inputs: [d([2, 2, 3], 66), d([2, 1, 3], 67)]},
    {name: 'dot', factory: 'dot', args: {axes: 1}, inputs: [d([3, 4], 68), d([3, 4], 69)]},
    {name: 'dot normalize', factory: 'dot', args: {axes: -1, normalize: true}, inputs: [d([2, 3], 70), d([2, 3], 71)]},
    {name: 'dot rank 3', factory: 'dot', args: {axes: [2, 1]}, inputs: [d([2, 3, 4], 72), d([2, 4, 2], 73)]},
    // padding, cropping, upsampling
    {name: 'zeroPadding2d', factory: 'zeroPadding2d', args: {}, inputs: [d([1, 2, 2, 2], 74)]},
    {name: 'zeroPadding2d asym', factory: 'zeroPadding2d', args: {padding: [[1, 0], [2, 1]]}, inputs: [d([1, 2, 3, 1], 75)]},
    {name: 'cropping2D', factory: 'cropping2D', args: {cropping: [[1, 0], [0, 1]]}, inputs: [d([1, 4, 4, 2], 76)]},
    {name: 'cropping2D number', factory: 'cropping2D', args: {cropping: 1}, inputs: [d([1, 4, 4, 1], 77)]},
    {name: 'upSampling2d', factory: 'upSampling2d', args: {}, inputs: [d([1, 2, 2, 2], 78)]},
    {name: 'upSampling2d size', factory: 'upSampling2d', args: {size: [3, 2]}, inputs: [d([2, 2, 3, 1], 79)], noGrad: true},
    {name: 'upSampling2d bilinear', factory: 'upSampling2d', args: {interpolation: 'bilinear'}, inputs: [d([1, 3, 3, 2], 96)]},
    {name: 'upSampling2d bilinear size channelsFirst', factory: 'upSampling2d', args: {size: [2, 3], interpolation: 'bilinear', dataFormat: 'channelsFirst'},
      inputs: [d([1, 2, 2, 3], 97)], noGrad: true},
    // image preprocessing
    {name: 'rescaling', factory: 'rescaling', args: {scale: 1 / 127.5, offset: -1}, inputs: [d([2, 2, 2, 3], 110)], scale: 255},
    {name: 'rescaling no offset', factory: 'rescaling', args: {scale: 0.5}, inputs: [d([2, 3], 111)]},
    {name: 'resizing bilinear', factory: 'resizing', args: {height: 4, width: 4}, inputs: [d([1, 3, 3, 2], 112)]},
    {name: 'resizing nearest cropToAspectRatio', factory: 'resizing', args: {height: 3, width: 5, interpolation: 'nearest', cropToAspectRatio: true},
      inputs: [d([2, 4, 3, 1], 113)]},
    {name: 'resizing rank 3', factory: 'resizing', args: {height: 2, width: 3}, inputs: [d([4, 5, 2], 114)], noGrad: true},
    {name: 'centerCrop', factory: 'centerCrop', args: {height: 2, width: 3}, inputs: [d([2, 5, 6, 2], 115)], noGrad: true},
    {name: 'centerCrop rank 3', factory: 'centerCrop', args: {height: 3, width: 2}, inputs: [d([4, 4, 1], 116)], noGrad: true},
    {name: 'centerCrop upsize', factory: 'centerCrop', args: {height: 4, width: 4}, inputs: [d([1, 2, 2, 3], 117)]},
    // advanced activations
    {name: 'reLU', factory: 'reLU', args: {}, inputs: [d([2, 3], 80)]},
    {name: 'reLU maxValue', factory: 'reLU', args: {maxValue: 0.5}, inputs: [d([2, 3], 81)]},
    {name: 'leakyReLU', factory: 'leakyReLU', args: {}, inputs: [d([2, 3], 82)]},
    {name: 'leakyReLU alpha', factory: 'leakyReLU', args: {alpha: 0.1}, inputs: [d([2, 3], 83)]},
    {name: 'prelu', factory: 'prelu', args: {}, inputs: [d([2, 3], 84)], weightSeed: 84},
    {name: 'prelu sharedAxes', factory: 'prelu', args: {sharedAxes: [1, 2]}, inputs: [d([2, 2, 2, 3], 85)], weightSeed: 85},
    {name: 'elu', factory: 'elu', args: {}, inputs: [d([2, 3], 86)]},
    {name: 'thresholdedReLU', factory: 'thresholdedReLU', args: {theta: 0.3}, inputs: [d([2, 3], 87)]},
    {name: 'softmax layer', factory: 'softmax', args: {}, inputs: [d([2, 3], 88)]},
    {name: 'softmax layer axis 0', factory: 'softmax', args: {axis: 0}, inputs: [d([2, 3], 89)]},
    // noise and core extras
    {name: 'gaussianNoise inference', factory: 'gaussianNoise', args: {stddev: 0.5}, inputs: [d([2, 3], 90)]},
    {name: 'gaussianDropout inference', factory: 'gaussianDropout', args: {rate: 0.3}, inputs: [d([2, 3], 91)]},
    {name: 'spatialDropout1d inference', factory: 'spatialDropout1d', args: {rate: 0.3}, inputs: [d([2, 3, 2], 92)]},
    {name: 'permute', factory: 'permute', args: {dims: [2, 1]}, inputs: [d([2, 3, 4], 93)]},
    {name: 'permute 3', factory: 'permute', args: {dims: [3, 1, 2]}, inputs: [d([1, 2, 3, 2], 94)]},
    {name: 'repeatVector', factory: 'repeatVector', args: {n: 3}, inputs: [d([2, 4], 95)]},
    // seeded initializers (the weights are kept), regularizer penalties
    {name: 'init glorotUniform seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'GlorotUniform', config: {seed: 7}}}, inputs: [d([2, 4], 100)]},
    {name: 'init heNormal seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'HeNormal', config: {seed: 8}}}, inputs: [d([2, 4], 101)]},
    {name: 'init leCunUniform seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 2, kernelInitializer: {className: 'LeCunUniform', config: {seed: 9}}}, inputs: [d([2, 5], 102)]},
    {name: 'init randomNormal seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'RandomNormal', config: {mean: 1, stddev: 0.5, seed: 10}},
        biasInitializer: {className: 'Constant', config: {value: 0.25}}}, inputs: [d([2, 4], 103)]},
    {name: 'init randomUniform seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'RandomUniform', config: {minval: -2, maxval: 2, seed: 11}},
        biasInitializer: 'ones'}, inputs: [d([2, 4], 104)]},
    {name: 'init truncatedNormal seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'TruncatedNormal', config: {stddev: 2, seed: 12}}},
      inputs: [d([2, 4], 105)]},
    {name: 'init varianceScaling fanOut uniform seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'VarianceScaling', config: {scale: 2, mode: 'fanOut',
        distribution: 'uniform', seed: 13}}}, inputs: [d([2, 4], 106)]},
    {name: 'init identity', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'Identity', config: {gain: 2}}}, inputs: [d([2, 3], 107)]},
    {name: 'init orthogonal seeded', factory: 'dense', keepInit: true, noGrad: true,
      args: {units: 3, kernelInitializer: {className: 'Orthogonal', config: {gain: 1, seed: 14}}}, inputs: [d([2, 4], 108)]},
    {name: 'init conv2d glorotNormal seeded', factory: 'conv2d', keepInit: true, noGrad: true,
      args: {filters: 2, kernelSize: 2, kernelInitializer: {className: 'GlorotNormal', config: {seed: 15}}},
      inputs: [d([1, 3, 3, 2], 109)]},
    {name: 'regularizers l1l2', factory: 'dense', weightSeed: 110,
      args: {units: 3, kernelRegularizer: {className: 'L1L2', config: {l1: 0.01, l2: 0.02}},
        biasRegularizer: {className: 'L1L2', config: {l1: 0, l2: 0.5}}}, inputs: [d([2, 4], 110)]},
    {name: 'constraint maxNorm config', factory: 'dense', weightSeed: 111,
      args: {units: 2, kernelConstraint: {className: 'MaxNorm', config: {maxValue: 0.5, axis: 0}},
        biasConstraint: {className: 'NonNeg', config: {}}}, inputs: [d([2, 3], 111)]},
    // 3-D convolution and pooling (conv3dTranspose has no gradient in TF.js: Conv3DBackpropInputV2 has none)
    {name: 'conv3d valid', factory: 'conv3d', args: {filters: 3, kernelSize: 2}, inputs: [d([2, 3, 4, 3, 2], 120)], weightSeed: 120},
    {name: 'conv3d same strides relu', factory: 'conv3d', args: {filters: 2, kernelSize: [3, 2, 2], strides: 2, padding: 'same', activation: 'relu'},
      inputs: [d([1, 5, 4, 5, 3], 121)], weightSeed: 121},
    {name: 'conv3d channelsFirst no bias', factory: 'conv3d', args: {filters: 2, kernelSize: 2, dataFormat: 'channelsFirst', useBias: false},
      inputs: [d([1, 2, 3, 3, 3], 122)], weightSeed: 122},
    {name: 'conv3d dilation tanh', factory: 'conv3d', noGrad: true, args: {filters: 2, kernelSize: 2, dilationRate: 2, activation: 'tanh'},
      inputs: [d([1, 5, 5, 5, 1], 123)], weightSeed: 123},
    {name: 'conv3dTranspose', factory: 'conv3dTranspose', noGrad: true, args: {filters: 2, kernelSize: 3, strides: 2},
      inputs: [d([1, 2, 3, 2, 2], 124)], weightSeed: 124},
    {name: 'conv3dTranspose same relu', factory: 'conv3dTranspose', noGrad: true, args: {filters: 3, kernelSize: 2, strides: [2, 1, 2], padding: 'same', activation: 'relu'},
      inputs: [d([2, 2, 2, 2, 1], 125)], weightSeed: 125},
    {name: 'conv3dTranspose channelsFirst', factory: 'conv3dTranspose', noGrad: true, args: {filters: 2, kernelSize: 2, strides: 2, dataFormat: 'channelsFirst'},
      inputs: [d([1, 2, 2, 3, 2], 126)], weightSeed: 126},
    {name: 'maxPooling3d', factory: 'maxPooling3d', args: {}, inputs: [d([2, 4, 4, 4, 2], 127)]},
    {name: 'maxPooling3d same strides', factory: 'maxPooling3d', args: {poolSize: [3, 2, 3], strides: [2, 1, 2], padding: 'same'}, inputs: [d([1, 5, 4, 5, 2], 128)]},
    {name: 'averagePooling3d', factory: 'averagePooling3d', args: {poolSize: 2}, inputs: [d([1, 4, 4, 4, 3], 129)]},
    {name: 'averagePooling3d channelsFirst same', factory: 'averagePooling3d', args: {poolSize: 2, strides: 1, padding: 'same', dataFormat: 'channelsFirst'}, inputs: [d([1, 2, 3, 3, 3], 130)]},
    {name: 'avgPool3d alias', factory: 'avgPool3d', args: {poolSize: [1, 2, 2]}, inputs: [d([1, 2, 4, 4, 1], 131)]},
    {name: 'avgPooling3d alias', factory: 'avgPooling3d', args: {poolSize: 2, strides: 2}, inputs: [d([1, 4, 4, 4, 1], 132)]},
  ];

  /** Adds cases (the other layer families append theirs). */
  function addCases(more) {
    more.forEach((c) => CASES.push(c));
  }

  function tensorFor(tf, spec, scale) {
    return tf.tensor(rand(size(spec.shape), spec.seed, -(scale || 1), scale || 1), spec.shape);
  }

  /**
   * Runs one case on a TF.js-compatible library; returns JSON-able data, numbers encoded by `enc`.
   */
  function runLayerCase(tf, c, enc) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const before = tf.memory().numTensors;
    const layer = tf.layers[c.factory](c.args);
    const xs = c.inputs.map((s) => tensorFor(tf, s, c.scale));
    const x = xs.length === 1 ? xs[0] : xs;
    tf.dispose(layer.apply(x));
    if (!c.keepInit) {
      setCaseWeights(tf, layer, c);
    }
    const out = {
      className: layer.getClassName(),
      name: layer.name,
      weights: layer.weights.map((w) => ({name: w.name, shape: w.shape, trainable: w.trainable})),
      config: layer.getConfig(),
    };
    if (c.keepInit) {
      out.initialWeights = layer.getWeights().map((w) => ({shape: w.shape, data: values(w)}));
    }
    const penalties = layer.calculateLosses();
    if (penalties.length > 0) {
      out.regularizerLosses = penalties.map((t) => values(t)[0]);
      tf.dispose(penalties);
    }
    return finishCase(tf, layer, c, xs, x, out, values, before);
  }

  function setCaseWeights(tf, layer, c) {
    const weights = layer.getWeights();
    const positive = c.positiveWeights || [];
    const newWeights = weights.map((w, i) => tf.tensor(rand(size(w.shape), (c.weightSeed || 0) + i,
        positive.indexOf(i) >= 0 ? 0.5 : -0.5, positive.indexOf(i) >= 0 ? 1.5 : 0.5), w.shape));
    layer.setWeights(newWeights);
    tf.dispose(newWeights);
  }

  function finishCase(tf, layer, c, xs, x, out, values, before) {
    const y = layer.apply(x, c.training ? {training: true} : undefined);
    const ys = Array.isArray(y) ? y : [y];
    out.outputs = ys.map((t) => ({shape: t.shape, dtype: t.dtype, data: values(t)}));
    const rs = ys.map((t, i) => tf.tensor(rand(size(t.shape), 1000 + i, -1, 1), t.shape));
    tf.dispose(ys);
    const lossOf = (xsIn) => {
      const yo = layer.apply(xsIn.length === 1 ? xsIn[0] : xsIn);
      const yl = Array.isArray(yo) ? yo : [yo];
      return tf.addN(yl.map((t, i) => tf.sum(tf.mul(t, rs[i]))));
    };
    if (!c.noGrad && xs.every((t) => t.dtype === 'float32')) {
      const gx = tf.grads((...a) => lossOf(a))(xs);
      out.inputGrads = gx.map((g) => ({shape: g.shape, data: values(g)}));
      tf.dispose(gx);
      const vars = layer.trainableWeights.map((w) => w.read());
      if (vars.length > 0) {
        const {value, grads} = tf.variableGrads(() => lossOf(xs), vars);
        out.weightGrads = vars.map((v) => ({shape: grads[v.name].shape, data: values(grads[v.name])}));
        value.dispose();
        tf.dispose(Object.keys(grads).map((k) => grads[k]));
      }
    }
    tf.dispose(rs);
    tf.dispose(xs);
    layer.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  /** runLayerCase, or {error, className} when it throws (the generator and the page both use this). */
  function runLayerCaseSafe(tf, c, enc) {
    try {
      return runLayerCase(tf, c, enc);
    } catch (e) {
      let className;
      try {
        className = tf.layers[c.factory](c.args).getClassName();
      } catch (e2) {
        className = null;
      }
      return {error: e.message, className};
    }
  }

  const api = {CASES, addCases, runLayerCase, runLayerCaseSafe, rand};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.layerCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
