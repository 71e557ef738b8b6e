// Cases for categoryEncoding, alphaDropout (inference) and tf.metrics (r2Score, called directly), shared by
// tests/fixtures/gen-preprocessing-fixtures.mjs (TF.js 4.22 in Node) and the JVM suite
// (dev.samovar.layers.suite.JvmPreprocessingSuiteTest). A case: the factory and its arguments, the
// input ({values, shape, dtype}), apply's kwargs (countWeights / training), or `symbolic` (the
// output shape of apply on tf.input({shape, dtype})). Recorded: class name, config, outputs
// (shape, dtype, values), tensors left, or the error message.
(function(root) {
  const t = (values, shape, dtype) => ({values, shape, dtype: dtype || 'float32'});
  const CASES = [
    {name: 'categoryEncoding multiHot rank 2', factory: 'categoryEncoding', args: {numTokens: 4},
      input: t([0, 1, 3, 3], [2, 2], 'int32')},
    {name: 'categoryEncoding multiHot rank 1 (TF.js counts)', factory: 'categoryEncoding', args: {numTokens: 4},
      input: t([0, 1, 3, 3], [4], 'int32')},
    {name: 'categoryEncoding count', factory: 'categoryEncoding', args: {numTokens: 5, outputMode: 'count'},
      input: t([0, 1, 3, 3, 4, 4], [2, 3], 'int32')},
    {name: 'categoryEncoding count countWeights', factory: 'categoryEncoding',
      args: {numTokens: 4, outputMode: 'count'}, input: t([0, 1, 3, 3], [2, 2], 'int32'),
      countWeights: t([0.5, 2, 1.5, 0.25], [2, 2])},
    {name: 'categoryEncoding count rank 1 countWeights', factory: 'categoryEncoding',
      args: {numTokens: 3, outputMode: 'count'}, input: t([2, 0, 2], [3], 'int32'), countWeights: t([0.5, 2, 1.25], [3])},
    {name: 'categoryEncoding oneHot rank 1', factory: 'categoryEncoding', args: {numTokens: 4, outputMode: 'oneHot'},
      input: t([0, 1, 3], [3], 'int32')},
    {name: 'categoryEncoding oneHot rank 2 last 1', factory: 'categoryEncoding',
      args: {numTokens: 3, outputMode: 'oneHot', name: 'enc'}, input: t([0, 2], [2, 1], 'int32')},
    {name: 'categoryEncoding float input', factory: 'categoryEncoding', args: {numTokens: 3}, input: t([0, 2, 2, 1], [2, 2])},
    {name: 'categoryEncoding oneHot rank 3 result', factory: 'categoryEncoding', args: {numTokens: 4, outputMode: 'oneHot'},
      input: t([0, 1, 2, 2], [2, 2], 'int32')},
    {name: 'categoryEncoding value out of range', factory: 'categoryEncoding', args: {numTokens: 4},
      input: t([0, 4], [2], 'int32')},
    {name: 'categoryEncoding negative value', factory: 'categoryEncoding', args: {numTokens: 4},
      input: t([0, -1], [2], 'int32')},
    {name: 'categoryEncoding symbolic multiHot', factory: 'categoryEncoding', args: {numTokens: 5},
      symbolic: {shape: [3], dtype: 'int32'}},
    {name: 'categoryEncoding symbolic oneHot', factory: 'categoryEncoding', args: {numTokens: 5, outputMode: 'oneHot'},
      symbolic: {shape: [3], dtype: 'int32'}},
    {name: 'categoryEncoding symbolic oneHot last 1', factory: 'categoryEncoding',
      args: {numTokens: 5, outputMode: 'oneHot'}, symbolic: {shape: [1], dtype: 'int32'}},
    {name: 'alphaDropout inference', factory: 'alphaDropout', args: {rate: 0.2, noiseShape: [2, 3]},
      input: t([1, -2, 3, 0.5, -0.25, 4], [2, 3])},
    {name: 'alphaDropout rate 0 training', factory: 'alphaDropout', args: {rate: 0}, input: t([1, -2, 3], [3]),
      training: true},
    {name: 'alphaDropout named', factory: 'alphaDropout', args: {rate: 0.5, name: 'ad'}, input: t([1, 2], [1, 2])},
    {name: 'r2Score', metric: 'r2Score', yTrue: t([1, 2, 3, 4], [4]), yPred: t([1.1, 1.9, 3.2, 3.7], [4])},
    {name: 'r2Score rank 2', metric: 'r2Score', yTrue: t([0.5, -1, 2, 3, 0, 1], [2, 3]),
      yPred: t([0.25, -0.5, 2.5, 2, 0.5, 1.5], [2, 3])},
    {name: 'metrics binaryAccuracy', metric: 'binaryAccuracy', yTrue: t([1, 0, 1, 0], [2, 2]),
      yPred: t([0.7, 0.6, 0.2, 0.1], [2, 2])},
    {name: 'metrics categoricalAccuracy', metric: 'categoricalAccuracy', yTrue: t([0, 1, 0, 1, 0, 0], [2, 3]),
      yPred: t([0.1, 0.8, 0.1, 0.2, 0.7, 0.1], [2, 3])},
    {name: 'metrics precision', metric: 'precision', yTrue: t([1, 0, 1, 1], [4]), yPred: t([1, 1, 0, 1], [4])},
    {name: 'metrics recall', metric: 'recall', yTrue: t([1, 0, 1, 1], [4]), yPred: t([1, 1, 0, 1], [4])},
    {name: 'metrics mse', metric: 'mse', yTrue: t([1, 2, 3, 4], [2, 2]), yPred: t([1.5, 2, 2, 4.25], [2, 2])},
    {name: 'metrics meanAbsoluteError', metric: 'meanAbsoluteError', yTrue: t([1, 2, 3, 4], [2, 2]),
      yPred: t([1.5, 2, 2, 4.25], [2, 2])},
  ];

  function runCase(tf, c, enc) {
    const before = tf.memory().numTensors;
    const mk = (s) => tf.tensor(s.values, s.shape, s.dtype);
    const values = (x) => Array.from(x.dataSync(), enc);
    const out = {};
    if (c.metric) {
      const a = mk(c.yTrue);
      const b = mk(c.yPred);
      const r = tf.metrics[c.metric](a, b);
      out.outputs = [{shape: r.shape, dtype: r.dtype, data: values(r)}];
      tf.dispose([a, b, r]);
      out.tensorsLeft = tf.memory().numTensors - before;
      return out;
    }
    const layer = tf.layers[c.factory](c.args);
    out.className = layer.getClassName();
    out.name = layer.name;
    if (c.symbolic) {
      const y = layer.apply(tf.input({shape: c.symbolic.shape, dtype: c.symbolic.dtype}));
      out.outputShape = y.shape;
      out.config = layer.getConfig();
      return out;
    }
    const x = mk(c.input);
    const cw = c.countWeights ? mk(c.countWeights) : null;
    const kw = {};
    if (cw) {
      kw.countWeights = cw;
    }
    if (c.training) {
      kw.training = true;
    }
    try {
      const y = layer.apply(x, kw);
      out.outputs = [{shape: y.shape, dtype: y.dtype, data: values(y)}];
      y.dispose();
      out.config = layer.getConfig();
    } finally {
      tf.dispose(cw ? [x, cw] : [x]);
    }
    layer.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  const api = {CASES, runCase};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.preprocessingCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
