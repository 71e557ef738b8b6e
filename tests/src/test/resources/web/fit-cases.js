// The training runs of the fit fixture, shared by tests/fixtures/gen-fit-fixtures.mjs (TF.js 4.22
// in Node) and the page (samovar.js); the JVM suite (dev.samovar.layers.suite.JvmFitSuiteTest)
// mirrors `runFitCase` through the Java API. A case: a Sequential of layers (factory + args), its
// weights set to pseudo-random values, compiled with an optimizer (tf.train.<name>(learningRate)),
// a loss and metrics, then fit on pseudo-random data with shuffle off; the history and the final
// weights are recorded.
(function(root) {
  const rand = (typeof module !== 'undefined' && module.exports) ? require('./layer-cases.js').rand :
    root.layerCases.rand;

  function size(shape) {
    return shape.reduce((a, b) => a * b, 1);
  }

  const dense = [
    {factory: 'dense', args: {units: 5, activation: 'relu', inputShape: [4]}},
    {factory: 'dense', args: {units: 3, activation: 'softmax'}},
  ];
  const conv = [
    {factory: 'conv2d', args: {filters: 3, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 2]}},
    {factory: 'maxPooling2d', args: {poolSize: 2}},
    {factory: 'flatten', args: {}},
    {factory: 'dense', args: {units: 2}},
  ];
  const lstm = [
    {factory: 'lstm', args: {units: 4, inputShape: [5, 3]}},
    {factory: 'dense', args: {units: 2}},
  ];
  const gru = [
    {factory: 'gru', args: {units: 3, returnSequences: true, inputShape: [4, 3]}},
    {factory: 'simpleRNN', args: {units: 3}},
    {factory: 'dense', args: {units: 3, activation: 'softmax'}},
  ];
  const regularized = [
    {factory: 'dense', args: {units: 4, activation: 'tanh', inputShape: [4],
      kernelRegularizer: {className: 'L1L2', config: {l1: 0, l2: 0.01}},
      kernelConstraint: {className: 'MaxNorm', config: {maxValue: 0.4, axis: 0}}}},
    {factory: 'dense', args: {units: 3, activation: 'softmax', biasRegularizer: {className: 'L1L2', config: {l1: 0.01, l2: 0}}}},
  ];
  const CASES = [
    {name: 'dense sgd regularizers and constraint', layers: regularized, optimizer: 'sgd', learningRate: 0.1,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4], y: {oneHot: 3}, fit: {epochs: 3, batchSize: 4}},
    {name: 'dense adam classWeight', layers: dense, optimizer: 'adam', learningRate: 0.01,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4], y: {oneHot: 3},
      fit: {epochs: 3, batchSize: 5, classWeight: {0: 1, 1: 2.5, 2: 0.5}}},
    {name: 'dense sgd categoricalCrossentropy acc', layers: dense, optimizer: 'sgd', learningRate: 0.1,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4], y: {oneHot: 3}, fit: {epochs: 3, batchSize: 4}},
    {name: 'dense adam categoricalCrossentropy', layers: dense, optimizer: 'adam', learningRate: 0.01,
      loss: 'categoricalCrossentropy', metrics: ['accuracy'], x: [10, 4], y: {oneHot: 3}, fit: {epochs: 3, batchSize: 4}},
    {name: 'dense sgd validationSplit', layers: dense, optimizer: 'sgd', learningRate: 0.1,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4], y: {oneHot: 3},
      fit: {epochs: 3, batchSize: 3, validationSplit: 0.3}},
    {name: 'conv sgd meanSquaredError', layers: conv, optimizer: 'sgd', learningRate: 0.05,
      loss: 'meanSquaredError', metrics: ['mae'], x: [6, 6, 6, 2], y: {shape: [6, 2]}, fit: {epochs: 3, batchSize: 4}},
    {name: 'conv adam meanSquaredError', layers: conv, optimizer: 'adam', learningRate: 0.01,
      loss: 'meanSquaredError', metrics: [], x: [6, 6, 6, 2], y: {shape: [6, 2]}, fit: {epochs: 3, batchSize: 4}},
    // recurrent models (the recurrent branch)
    {name: 'lstm sgd meanSquaredError', layers: lstm, optimizer: 'sgd', learningRate: 0.1,
      loss: 'meanSquaredError', metrics: ['mae'], x: [8, 5, 3], y: {shape: [8, 2]}, fit: {epochs: 3, batchSize: 4}},
    {name: 'lstm adam meanSquaredError', layers: lstm, optimizer: 'adam', learningRate: 0.01,
      loss: 'meanSquaredError', metrics: [], x: [8, 5, 3], y: {shape: [8, 2]}, fit: {epochs: 3, batchSize: 4}},
    {name: 'gru simpleRNN sgd categoricalCrossentropy', layers: gru, optimizer: 'sgd', learningRate: 0.1,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4, 3], y: {oneHot: 3}, fit: {epochs: 3, batchSize: 4}},
    {name: 'gru simpleRNN adam categoricalCrossentropy', layers: gru, optimizer: 'adam', learningRate: 0.01,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4, 3], y: {oneHot: 3}, fit: {epochs: 3, batchSize: 4}},
    {name: 'dense sgd validationData', layers: dense, optimizer: 'sgd', learningRate: 0.1,
      loss: 'categoricalCrossentropy', metrics: ['acc'], x: [10, 4], y: {oneHot: 3},
      validationData: {x: [4, 4], y: {oneHot: 3}}, fit: {epochs: 3, batchSize: 4}},
    // JS loss and metric functions (custom: names in customFunctions; the page only, not the JVM).
    {name: 'dense adam custom JS loss and metrics', layers: dense, optimizer: 'adam', learningRate: 0.01,
      custom: {loss: 'weightedMse', metrics: ['maxAbsError', 'anonymous']}, x: [10, 4], y: {oneHot: 3},
      validationData: {x: [4, 4], y: {oneHot: 3}}, fit: {epochs: 3, batchSize: 4}},
    {name: 'conv sgd custom JS loss', layers: conv, optimizer: 'sgd', learningRate: 0.05,
      custom: {loss: 'weightedMse', metrics: ['maxAbsError']}, x: [6, 6, 6, 2], y: {shape: [6, 2]},
      fit: {epochs: 3, batchSize: 4}},
  ];

  /** Loss and metric functions written with tf ops, as users write them ((yTrue, yPred) => Tensor). */
  function customFunctions(tf) {
    return {
      // A named function: TF.js keys its metric by fn.name.
      weightedMse: function weightedMse(yTrue, yPred) {
        const w = tf.add(tf.scalar(0.5), tf.abs(yTrue));
        return tf.mean(tf.mul(w, tf.square(tf.sub(yPred, yTrue))), -1);
      },
      maxAbsError: function maxAbsError(yTrue, yPred) {
        return tf.max(tf.abs(tf.sub(yTrue, yPred)), -1);
      },
      // An anonymous arrow function: its name is '' (the History key is '' and 'val_').
      anonymous: [(yTrue, yPred) => tf.mean(tf.abs(tf.sub(yTrue, yPred)), -1)][0],
    };
  }

  function data(tf, c, seed) {
    const s = seed || 500;
    const x = tf.tensor(rand(size(c.x), s + 1, -1, 1), c.x);
    let y;
    if (c.y.oneHot) {
      const n = c.x[0];
      const labels = rand(n, s + 2, 0, 1).map((u) => Math.floor(u * c.y.oneHot));
      y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), c.y.oneHot).toFloat());
    } else {
      y = tf.tensor(rand(size(c.y.shape), s + 3, -1, 1), c.y.shape);
    }
    return {x, y};
  }

  /** Runs one case; returns {classNames, history: {epoch, history}, weights (final values), tensorsLeft}. */
  async function runFitCase(tf, c, enc) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const before = tf.memory().numTensors;
    const model = tf.sequential();
    c.layers.forEach((l) => model.add(tf.layers[l.factory](l.args)));
    const init = model.getWeights().map((w, i) => tf.tensor(rand(size(w.shape), 700 + i, -0.5, 0.5), w.shape));
    model.setWeights(init);
    tf.dispose(init);
    const optimizer = tf.train[c.optimizer](c.learningRate);
    if (c.custom) {
      const fns = customFunctions(tf);
      model.compile({optimizer, loss: fns[c.custom.loss], metrics: c.custom.metrics.map((m) => fns[m])});
    } else {
      model.compile({optimizer, loss: c.loss, metrics: c.metrics});
    }
    const {x, y} = data(tf, c);
    const fitArgs = Object.assign({shuffle: false}, c.fit);
    let val = null;
    if (c.validationData) {
      val = data(tf, c.validationData, 600);
      fitArgs.validationData = [val.x, val.y];
    }
    const h = await model.fit(x, y, fitArgs);
    const out = {
      classNames: model.layers.map((l) => l.getClassName()),
      epoch: h.epoch,
      history: h.history,
      weights: model.getWeights().map((w) => ({shape: w.shape, data: values(w)})),
    };
    // fit leaves the caller's tensors (x, y, validationData) alive; so do evaluate and predict.
    const alive = () => [x, y].concat(val ? [val.x, val.y] : []).map((t) => !t.isDisposed);
    out.aliveAfterFit = alive();
    if (c.validationData || c.custom) {
      const ev = model.evaluate(x, y, {batchSize: 4});
      out.evaluate = (Array.isArray(ev) ? ev : [ev]).map((t) => values(t)[0]);
      tf.dispose(ev);
      tf.dispose(model.predict(x, {batchSize: 4}));
      out.aliveAfterEvaluatePredict = alive();
    }
    tf.dispose([x, y]);
    if (val) {
      tf.dispose([val.x, val.y]);
    }
    model.dispose();
    optimizer.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  const api = {CASES, runFitCase};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.fitCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
