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
    const weights = layer.getWeights();
    const newWeights = weights.map((w, i) => tf.tensor(rand(size(w.shape), (c.weightSeed || 0) + i, -0.5, 0.5), w.shape));
    layer.setWeights(newWeights);
    tf.dispose(newWeights);
    const out = {
      className: layer.getClassName(),
      name: layer.name,
      weights: layer.weights.map((w) => ({name: w.name, shape: w.shape, trainable: w.trainable})),
      config: layer.getConfig(),
    };
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

  const api = {CASES, addCases, runLayerCase, rand};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.layerCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
