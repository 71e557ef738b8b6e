// The recurrent and sequence layer cases (simpleRNN, lstm, gru, rnn with cells, bidirectional,
// timeDistributed, embedding, masking, convLstm2d), shared by tests/fixtures/gen-recurrent-fixtures.mjs
// (TF.js 4.22 in Node) and the page; the JVM suite (dev.samovar.layers.suite.JvmRecurrentSuiteTest)
// mirrors `runRecurrentCase` through the Java API. Like layer-cases.js, a case is data:
//   factory / args        tf.layers.<factory>(args); an argument {$layer, args} is itself a layer
//                         (a cell, or the layer of a wrapper), made the same way
//   inputs                [{shape, seed}] float32 in [-1, 1); {ints: n} int32 in [0, n);
//                         {zeroSteps: [[b, t], ...]} sets those time steps to 0
//   initialState / mask   tensors passed in apply's kwargs ({initialState: [...], mask})
//   calls                 applies the layer that many times (stateful layers carry their states)
//   model                 instead of factory: a tf.sequential of these layers, run with predict
//   kerasGru              the expected values are not TF.js's layer (TF.js 4.22 rejects GRU
//                         reset_after) but Keras's reset_after formula computed with TF.js ops
// The weights are set to pseudo-random values from weightSeed; the outputs, the gradients of
// sum(output * R) (inputs, initial states and trainable weights), weight names and shapes, the
// config and the tensors left are recorded.
(function(root) {
  const lc = typeof module !== 'undefined' && module.exports ? require('./layer-cases.js') : root.layerCases;
  const rand = lc.rand;

  function size(shape) {
    return shape.reduce((a, b) => a * b, 1);
  }

  const d = (shape, seed, more) => Object.assign({shape, seed}, more || {});
  const ints = (shape, seed, n, more) => Object.assign({shape, seed, ints: n}, more || {});
  const L = (factory, args) => ({$layer: factory, args});
  const lengths = (shape, seed, lens) => Object.assign({shape, seed, lengths: lens});

  const CASES = [
    // ---------------------------------------------------------------- simpleRNN
    {name: 'simpleRNN', factory: 'simpleRNN', args: {units: 3}, inputs: [d([2, 4, 3], 1)], weightSeed: 20},
    {name: 'simpleRNN returnSequences relu', factory: 'simpleRNN',
      args: {units: 4, returnSequences: true, activation: 'relu'}, inputs: [d([2, 3, 2], 2)], weightSeed: 21},
    {name: 'simpleRNN goBackwards returnState no bias', factory: 'simpleRNN',
      args: {units: 2, goBackwards: true, returnState: true, useBias: false}, inputs: [d([3, 4, 2], 3)], weightSeed: 22},
    {name: 'simpleRNN initialState', factory: 'simpleRNN', args: {units: 3, returnSequences: true},
      inputs: [d([2, 3, 2], 4)], initialState: [d([2, 3], 5)], weightSeed: 23},
    {name: 'simpleRNN mask', factory: 'simpleRNN', args: {units: 3, returnSequences: true},
      inputs: [d([2, 4, 2], 6)], mask: lengths([2, 4], 0, [3, 2]), weightSeed: 24},
    {name: 'simpleRNN stateful', factory: 'simpleRNN', args: {units: 2, stateful: true, batchInputShape: [2, 3, 2]},
      inputs: [d([2, 3, 2], 7)], calls: 3, noGrad: true, weightSeed: 25},
    {name: 'simpleRNN unroll', factory: 'simpleRNN', args: {units: 2, unroll: true}, inputs: [d([2, 3, 2], 8)],
      weightSeed: 26},
    {name: 'simpleRNN dropout inference', factory: 'simpleRNN', args: {units: 3, dropout: 0.3, recurrentDropout: 0.2},
      inputs: [d([2, 3, 2], 9)], weightSeed: 27},
    {name: 'simpleRNN linear activation null', factory: 'simpleRNN', args: {units: 2, activation: null},
      inputs: [d([1, 3, 2], 10)], weightSeed: 28},
    // ---------------------------------------------------------------------- lstm
    {name: 'lstm', factory: 'lstm', args: {units: 3}, inputs: [d([2, 4, 3], 11)], weightSeed: 30},
    {name: 'lstm returnSequences returnState', factory: 'lstm', args: {units: 2, returnSequences: true, returnState: true},
      inputs: [d([2, 3, 4], 12)], weightSeed: 31},
    {name: 'lstm goBackwards relu sigmoid', factory: 'lstm',
      args: {units: 3, goBackwards: true, activation: 'relu', recurrentActivation: 'sigmoid'},
      inputs: [d([2, 5, 2], 13)], weightSeed: 32},
    {name: 'lstm initialState', factory: 'lstm', args: {units: 2, returnState: true},
      inputs: [d([2, 3, 3], 14)], initialState: [d([2, 2], 15), d([2, 2], 16)], weightSeed: 33},
    {name: 'lstm mask', factory: 'lstm', args: {units: 3, returnSequences: true},
      inputs: [d([3, 4, 2], 17)], mask: lengths([3, 4], 0, [4, 1, 2]), weightSeed: 34},
    {name: 'lstm stateful returnSequences', factory: 'lstm',
      args: {units: 2, stateful: true, returnSequences: true, batchInputShape: [2, 3, 2]},
      inputs: [d([2, 3, 2], 18)], calls: 2, noGrad: true, weightSeed: 35},
    {name: 'lstm unitForgetBias implementation 2', factory: 'lstm',
      args: {units: 2, unitForgetBias: true, implementation: 2}, inputs: [d([2, 3, 2], 19)], weightSeed: 36},
    {name: 'lstm named inputShape', factory: 'lstm', args: {units: 2, name: 'my_lstm', inputShape: [3, 2]},
      inputs: [d([2, 3, 2], 20)], weightSeed: 37},
    {name: 'lstm dropout inference', factory: 'lstm', args: {units: 2, dropout: 0.5, recurrentDropout: 0.5},
      inputs: [d([2, 3, 2], 21)], weightSeed: 38},
    // ----------------------------------------------------------------------- gru
    {name: 'gru', factory: 'gru', args: {units: 3}, inputs: [d([2, 4, 3], 22)], weightSeed: 40},
    {name: 'gru returnSequences returnState goBackwards', factory: 'gru',
      args: {units: 2, returnSequences: true, returnState: true, goBackwards: true},
      inputs: [d([2, 3, 4], 23)], weightSeed: 41},
    {name: 'gru mask', factory: 'gru', args: {units: 2}, inputs: [d([3, 4, 2], 24)],
      mask: lengths([3, 4], 0, [2, 4, 3]), weightSeed: 42},
    {name: 'gru initialState sigmoid', factory: 'gru', args: {units: 3, recurrentActivation: 'sigmoid'},
      inputs: [d([2, 3, 2], 25)], initialState: [d([2, 3], 26)], weightSeed: 43},
    {name: 'gru stateful', factory: 'gru', args: {units: 2, stateful: true, batchInputShape: [1, 4, 3]},
      inputs: [d([1, 4, 3], 27)], calls: 2, noGrad: true, weightSeed: 44},
    {name: 'gru no bias', factory: 'gru', args: {units: 2, useBias: false}, inputs: [d([2, 3, 2], 28)], weightSeed: 45},
    {name: 'gru resetAfter (Keras formula)', factory: 'gru', kerasGru: true,
      args: {units: 3, resetAfter: true, recurrentActivation: 'sigmoid', returnSequences: true},
      inputs: [d([2, 4, 2], 29)], weightSeed: 46},
    {name: 'gru resetAfter goBackwards (Keras formula)', factory: 'gru', kerasGru: true,
      args: {units: 2, resetAfter: true, goBackwards: true}, inputs: [d([3, 3, 3], 30)], weightSeed: 47},
    // ---------------------------------------------------------------- rnn, cells
    {name: 'rnn simpleRNNCell', factory: 'rnn', args: {cell: L('simpleRNNCell', {units: 3})},
      inputs: [d([2, 3, 2], 31)], weightSeed: 50},
    {name: 'rnn lstmCell returnSequences', factory: 'rnn',
      args: {cell: L('lstmCell', {units: 2}), returnSequences: true}, inputs: [d([2, 3, 3], 32)], weightSeed: 51},
    {name: 'rnn stacked cells returnState', factory: 'rnn',
      args: {cell: [L('lstmCell', {units: 3}), L('gruCell', {units: 2}), L('simpleRNNCell', {units: 2})],
        returnState: true}, inputs: [d([2, 4, 2], 33)], weightSeed: 52},
    {name: 'rnn gruCell goBackwards mask', factory: 'rnn', args: {cell: L('gruCell', {units: 2}), goBackwards: true},
      inputs: [d([2, 4, 2], 34)], mask: lengths([2, 4], 0, [3, 4]), weightSeed: 53},
    {name: 'rnn stackedRNNCells', factory: 'rnn',
      args: {cell: L('stackedRNNCells', {cells: [L('simpleRNNCell', {units: 2}), L('lstmCell', {units: 2})]})},
      inputs: [d([2, 3, 2], 35)], weightSeed: 54},
    // ------------------------------------------------------------- bidirectional
    {name: 'bidirectional lstm concat', factory: 'bidirectional', args: {layer: L('lstm', {units: 2})},
      inputs: [d([2, 3, 2], 36)], weightSeed: 60},
    {name: 'bidirectional gru returnSequences sum', factory: 'bidirectional',
      args: {layer: L('gru', {units: 3, returnSequences: true}), mergeMode: 'sum'}, inputs: [d([2, 4, 2], 37)],
      weightSeed: 61},
    {name: 'bidirectional simpleRNN ave', factory: 'bidirectional',
      args: {layer: L('simpleRNN', {units: 2}), mergeMode: 'ave'}, inputs: [d([2, 3, 3], 38)], weightSeed: 62},
    {name: 'bidirectional lstm mul returnSequences', factory: 'bidirectional',
      args: {layer: L('lstm', {units: 2, returnSequences: true}), mergeMode: 'mul'}, inputs: [d([2, 3, 2], 39)],
      weightSeed: 63},
    {name: 'bidirectional lstm mergeMode null', factory: 'bidirectional',
      args: {layer: L('lstm', {units: 2, returnSequences: true}), mergeMode: null}, inputs: [d([2, 3, 2], 40)],
      weightSeed: 64},
    {name: 'bidirectional gru returnState', factory: 'bidirectional',
      args: {layer: L('gru', {units: 2, returnState: true})}, inputs: [d([2, 3, 2], 41)], weightSeed: 65},
    {name: 'bidirectional lstm initialState', factory: 'bidirectional', args: {layer: L('lstm', {units: 2})},
      inputs: [d([2, 3, 2], 42)], initialState: [d([2, 2], 43), d([2, 2], 44), d([2, 2], 45), d([2, 2], 46)],
      weightSeed: 66},
    {name: 'bidirectional lstm mask', factory: 'bidirectional',
      args: {layer: L('lstm', {units: 2, returnSequences: true})}, inputs: [d([2, 4, 2], 47)],
      mask: lengths([2, 4], 0, [2, 3]), weightSeed: 67},
    {name: 'bidirectional named goBackwards layer', factory: 'bidirectional',
      args: {layer: L('simpleRNN', {units: 2, goBackwards: true, name: 'inner'}), name: 'bi'},
      inputs: [d([1, 3, 2], 48)], weightSeed: 68},
    // ----------------------------------------------------------- timeDistributed
    {name: 'timeDistributed dense', factory: 'timeDistributed', args: {layer: L('dense', {units: 3})},
      inputs: [d([2, 4, 2], 49)], weightSeed: 70},
    {name: 'timeDistributed dense rank 4 relu', factory: 'timeDistributed',
      args: {layer: L('dense', {units: 2, activation: 'relu'})}, inputs: [d([2, 3, 2, 3], 50)], weightSeed: 71},
    // ------------------------------------------------------------------ embedding
    {name: 'embedding', factory: 'embedding', args: {inputDim: 7, outputDim: 3}, inputs: [ints([2, 5], 51, 7)],
      weightSeed: 80},
    {name: 'embedding maskZero inputLength', factory: 'embedding',
      args: {inputDim: 5, outputDim: 2, maskZero: true, inputLength: 4}, inputs: [ints([3, 4], 52, 5)], weightSeed: 81},
    {name: 'embedding rank 3', factory: 'embedding', args: {inputDim: 4, outputDim: 2}, inputs: [ints([2, 3, 2], 53, 4)],
      weightSeed: 82},
    {name: 'embedding float indices', factory: 'embedding', args: {inputDim: 6, outputDim: 2},
      inputs: [ints([2, 3], 54, 6, {dtype: 'float32'})], noGrad: true, weightSeed: 83},
    // -------------------------------------------------------------------- masking
    {name: 'masking', factory: 'masking', args: {}, inputs: [d([2, 4, 3], 55, {zeroSteps: [[0, 1], [1, 3]]})],
      noGrad: true},
    {name: 'masking maskValue', factory: 'masking', args: {maskValue: 0.5}, inputs: [d([2, 3, 2], 56)], noGrad: true},
    {name: 'masking gradient (TF.js has none for Any)', factory: 'masking', args: {}, inputs: [d([2, 3, 2], 57)]},
    // --------------------------------------------------------------------- errors
    {name: 'simpleRNN rank 2 input', factory: 'simpleRNN', args: {units: 2}, inputs: [d([2, 3], 57)]},
    {name: 'rnn without cell', factory: 'rnn', args: {}, inputs: [d([2, 3, 2], 58)]},
    {name: 'bidirectional bad mergeMode', factory: 'bidirectional',
      args: {layer: L('lstm', {units: 2}), mergeMode: 'max'}, inputs: [d([2, 3, 2], 59)]},
    {name: 'lstm stateful batch size from the input', factory: 'lstm', args: {units: 2, stateful: true},
      inputs: [d([2, 3, 2], 60)], calls: 1, noGrad: true, weightSeed: 39},
    {name: 'lstm wrong number of initial states', factory: 'lstm', args: {units: 2},
      inputs: [d([2, 3, 2], 61)], initialState: [d([2, 2], 62)]},
    {name: 'timeDistributed rank 2', factory: 'timeDistributed', args: {layer: L('dense', {units: 2})},
      inputs: [d([2, 3], 63)]},
    {name: 'embedding inputLength mismatch', factory: 'embedding', args: {inputDim: 3, outputDim: 2, inputLength: 5},
      inputs: [ints([2, 4], 64, 3)]},
    // --------------------------------------------------------------------- models
    {name: 'model embedding maskZero lstm dense', model: [
      L('embedding', {inputDim: 6, outputDim: 3, maskZero: true, inputLength: 5}),
      L('lstm', {units: 4}), L('dense', {units: 2})],
    inputs: [ints([3, 5], 65, 6, {trailingZeros: [2, 0, 3]})], weightSeed: 90},
    {name: 'model masking simpleRNN gru', model: [
      L('masking', {inputShape: [4, 3]}), L('simpleRNN', {units: 3, returnSequences: true}), L('gru', {units: 2})],
    inputs: [d([2, 4, 3], 66, {zeroSteps: [[0, 3], [1, 1], [1, 2], [1, 3]]})], weightSeed: 91},
    {name: 'model embedding bidirectional timeDistributed', model: [
      L('embedding', {inputDim: 5, outputDim: 2, maskZero: true, inputLength: 4}),
      L('bidirectional', {layer: L('gru', {units: 2, returnSequences: true})}),
      L('timeDistributed', {layer: L('dense', {units: 2})})],
    inputs: [ints([2, 4], 67, 5, {trailingZeros: [1, 2]})], weightSeed: 92},
    {name: 'model embedding lstm no mask', model: [
      L('embedding', {inputDim: 5, outputDim: 2, inputLength: 3}), L('lstm', {units: 2, returnSequences: true}),
      L('lstm', {units: 2})],
    inputs: [ints([2, 3], 68, 5, {trailingZeros: [1, 0]})], weightSeed: 93},
    // ----------------------------------------------------- functional, symbolic initial states
    {name: 'functional lstm symbolic initialState', functional: L('lstm', {units: 2, returnState: true}),
      stateShapes: [[2], [2]], inputs: [d([2, 3, 2], 69), d([2, 2], 70), d([2, 2], 71)], weightSeed: 94},
    {name: 'functional gru symbolic initialState returnSequences', functional: L('gru', {units: 3, returnSequences: true}),
      stateShapes: [[3]], inputs: [d([2, 4, 2], 72), d([2, 3], 73)], weightSeed: 95},
    {name: 'functional bidirectional symbolic initialState',
      functional: L('bidirectional', {layer: L('simpleRNN', {units: 2}), mergeMode: 'sum'}),
      stateShapes: [[2], [2]], inputs: [d([2, 3, 2], 74), d([2, 2], 75), d([2, 2], 76)], weightSeed: 96},
    // ---------------------------------------------------------------- convLstm2d
    {name: 'convLstm2d', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2}, inputs: [d([2, 3, 4, 4, 2], 100)],
      weightSeed: 100},
    {name: 'convLstm2d returnSequences same padding', factory: 'convLstm2d',
      args: {filters: 3, kernelSize: 3, padding: 'same', returnSequences: true}, inputs: [d([1, 3, 4, 3, 1], 101)],
      weightSeed: 101},
    {name: 'convLstm2d returnState strides goBackwards', factory: 'convLstm2d',
      args: {filters: 2, kernelSize: [2, 3], strides: 2, returnState: true, goBackwards: true},
      inputs: [d([2, 2, 5, 6, 1], 102)], weightSeed: 102},
    {name: 'convLstm2d dilation relu sigmoid no bias', factory: 'convLstm2d',
      args: {filters: 2, kernelSize: 2, dilationRate: 2, activation: 'relu', recurrentActivation: 'sigmoid',
        useBias: false}, inputs: [d([1, 2, 5, 5, 2], 103)], noGrad: true, weightSeed: 103},
    {name: 'convLstm2d channelsFirst', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2, dataFormat: 'channelsFirst'},
      inputs: [d([1, 2, 2, 4, 4], 104)], weightSeed: 104},
    {name: 'convLstm2d initialState', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2, padding: 'same'},
      inputs: [d([2, 3, 3, 3, 1], 105)], initialState: [d([2, 3, 3, 2], 106), d([2, 3, 3, 2], 107)], weightSeed: 105},
    {name: 'convLstm2d stateful', factory: 'convLstm2d',
      args: {filters: 2, kernelSize: 2, stateful: true, returnSequences: true, batchInputShape: [1, 2, 3, 3, 1]},
      inputs: [d([1, 2, 3, 3, 1], 108)], calls: 2, noGrad: true, weightSeed: 106},
    {name: 'convLstm2d dropout inference unitForgetBias named', factory: 'convLstm2d',
      args: {filters: 2, kernelSize: 2, dropout: 0.3, recurrentDropout: 0.2, unitForgetBias: true, name: 'my_clstm'},
      inputs: [d([1, 2, 3, 3, 2], 109)], weightSeed: 107},
    {name: 'convLstm2d unroll', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2, unroll: true},
      inputs: [d([1, 2, 3, 3, 1], 110)]},
    {name: 'convLstm2d rank 4 input', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2},
      inputs: [d([1, 3, 3, 1], 111)]},
    {name: 'convLstm2d wrong initial state shape', factory: 'convLstm2d', args: {filters: 2, kernelSize: 2},
      inputs: [d([1, 2, 3, 3, 1], 112)], initialState: [d([1, 2, 2, 3], 113), d([1, 2, 2, 3], 114)]},
    {name: 'rnn convLstm2dCell (TF.js: ndim 3)', factory: 'rnn', args: {cell: L('convLstm2dCell', {filters: 2, kernelSize: 2})},
      inputs: [d([1, 2, 3, 3, 1], 115)]},
    {name: 'model convLstm2d convLstm2d flatten dense', model: [
      L('convLstm2d', {filters: 2, kernelSize: 2, returnSequences: true, inputShape: [3, 4, 4, 1]}),
      L('convLstm2d', {filters: 1, kernelSize: 2, padding: 'same'}), L('flatten', {}), L('dense', {units: 2})],
    inputs: [d([2, 3, 4, 4, 1], 116)], weightSeed: 108},
  ];

  /** Arguments with {$layer, args} items made into layers. */
  function makeArgs(tf, v) {
    if (Array.isArray(v)) {
      return v.map((e) => makeArgs(tf, e));
    }
    if (v !== null && typeof v === 'object') {
      if (v.$layer !== undefined) {
        return tf.layers[v.$layer](makeArgs(tf, v.args));
      }
      const out = {};
      Object.keys(v).forEach((k) => {
        out[k] = makeArgs(tf, v[k]);
      });
      return out;
    }
    return v;
  }

  /** The flat values of an input spec. */
  function specValues(spec) {
    const n = size(spec.shape);
    let vals;
    if (spec.lengths) {
      // a [batch, time] mask: 1 for t < length[b]
      vals = [];
      for (let b = 0; b < spec.shape[0]; b++) {
        for (let t = 0; t < spec.shape[1]; t++) {
          vals.push(t < spec.lengths[b] ? 1 : 0);
        }
      }
      return vals;
    }
    if (spec.ints) {
      vals = rand(n, spec.seed, 0, spec.ints).map((v) => Math.min(spec.ints - 1, Math.floor(v)));
    } else {
      vals = rand(n, spec.seed, -1, 1);
    }
    if (spec.zeroSteps) {
      const per = size(spec.shape.slice(2));
      spec.zeroSteps.forEach(([b, t]) => {
        for (let i = 0; i < per; i++) {
          vals[(b * spec.shape[1] + t) * per + i] = 0;
        }
      });
    }
    if (spec.trailingZeros) {
      const steps = spec.shape[1];
      spec.trailingZeros.forEach((z, b) => {
        for (let t = steps - z; t < steps; t++) {
          vals[b * steps + t] = 0;
        }
      });
    }
    return vals;
  }

  function tensorFor(tf, spec) {
    const dtype = spec.dtype || (spec.ints ? 'int32' : 'float32');
    return tf.tensor(specValues(spec), spec.shape, dtype);
  }

  function describeWeights(ws) {
    return ws.map((w) => ({name: w.name, shape: w.shape, trainable: w.trainable}));
  }

  /** Keras's GRU with reset_after (bias [2, 3 units]) computed with TF.js ops, for the kerasGru cases. */
  function kerasGru(tf, args, x, weights) {
    return tf.tidy(() => {
      const [kernel, rk, bias] = weights;
      const units = args.units;
      const act = (t) => tf.tanh(t);
      const ract = args.recurrentActivation === 'sigmoid' ? (t) => tf.sigmoid(t) :
        (t) => tf.clipByValue(tf.add(tf.mul(t, 0.2), 0.5), 0, 1);
      const steps = x.shape[1];
      let h = tf.zeros([x.shape[0], units]);
      const outs = [];
      const order = [];
      for (let t = 0; t < steps; t++) {
        order.push(args.goBackwards ? steps - 1 - t : t);
      }
      const [bx, bh] = tf.unstack(bias);
      order.forEach((t) => {
        const xt = tf.squeeze(tf.slice(x, [0, t, 0], [x.shape[0], 1, x.shape[2]]), [1]);
        const mx = tf.add(tf.matMul(xt, kernel), bx);
        const mh = tf.add(tf.matMul(h, rk), bh);
        const [xz, xr, xh] = tf.split(mx, 3, 1);
        const [hz, hr, hh] = tf.split(mh, 3, 1);
        const z = ract(tf.add(xz, hz));
        const r = ract(tf.add(xr, hr));
        const cand = act(tf.add(xh, tf.mul(r, hh)));
        h = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), cand));
        outs.push(h);
      });
      return args.returnSequences ? tf.stack(outs, 1) : h;
    });
  }

  /**
   * Runs one case on a TF.js-compatible library; returns JSON-able data, numbers encoded by `enc`.
   */
  function runRecurrentCase(tf, c, enc, opts) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const before = tf.memory().numTensors;
    const xs = c.inputs.map((s) => tensorFor(tf, s));
    const x = xs.length === 1 ? xs[0] : xs;
    if (c.model) {
      return runModelCase(tf, c, enc, xs, before);
    }
    if (c.functional) {
      return runFunctionalCase(tf, c, enc, xs, before);
    }
    const states = c.initialState ? c.initialState.map((s) => tensorFor(tf, s)) : null;
    const mask = c.mask ? tensorFor(tf, c.mask) : null;
    const kw = (st) => {
      const k = {};
      if (st) {
        k.initialState = st;
      }
      if (mask) {
        k.mask = mask;
      }
      return Object.keys(k).length ? k : undefined;
    };
    const out = {};
    let layer;
    try {
      if (c.kerasGru) {
        return runKerasGru(tf, c, enc, xs, before, opts && opts.gruLayerForKeras);
      }
      layer = tf.layers[c.factory](makeArgs(tf, c.args));
      tf.dispose(layer.apply(x, kw(states)));
      const weights = layer.getWeights();
      const newWeights = weights.map((w, i) => tf.tensor(rand(size(w.shape), (c.weightSeed || 0) + i, -0.5, 0.5), w.shape));
      layer.setWeights(newWeights);
      tf.dispose(newWeights);
      if (c.calls) {
        layer.resetStates();
      }
      out.className = layer.getClassName();
      out.name = layer.name;
      out.weights = describeWeights(layer.weights);
      out.config = layer.getConfig();
      out.outputs = [];
      let ys;
      for (let call = 0; call < (c.calls || 1); call++) {
        if (ys) {
          tf.dispose(ys);
        }
        const y = layer.apply(x, kw(states));
        ys = Array.isArray(y) ? y : [y];
        ys.forEach((t) => out.outputs.push({shape: t.shape, dtype: t.dtype, data: values(t)}));
      }
      const rs = ys.map((t, i) => tf.tensor(rand(size(t.shape), 1000 + i, -1, 1), t.shape));
      tf.dispose(ys);
      const lossOf = (xsIn, st) => {
        const yo = layer.apply(xsIn.length === 1 ? xsIn[0] : xsIn, kw(st));
        const yl = Array.isArray(yo) ? yo : [yo];
        return tf.addN(yl.map((t, i) => tf.sum(tf.mul(t, rs[i]))));
      };
      if (!c.noGrad && xs.every((t) => t.dtype === 'float32')) {
        const all = states ? xs.concat(states) : xs;
        const gx = tf.grads((...a) => lossOf(a.slice(0, xs.length), states ? a.slice(xs.length) : null))(all);
        out.inputGrads = gx.map((g) => ({shape: g.shape, data: values(g)}));
        tf.dispose(gx);
        const vars = layer.trainableWeights.map((w) => w.read());
        if (vars.length > 0) {
          const {value, grads} = tf.variableGrads(() => lossOf(xs, states), vars);
          out.weightGrads = vars.map((v) => ({shape: grads[v.name].shape, data: values(grads[v.name])}));
          value.dispose();
          tf.dispose(Object.keys(grads).map((k) => grads[k]));
        }
      }
      if (c.calls) {
        out.states = layer.states.map((t) => ({shape: t.shape, data: values(t)}));
        layer.resetStates();
        out.statesAfterReset = layer.states.map((t) => ({shape: t.shape, data: values(t)}));
      }
      tf.dispose(rs);
    } finally {
      tf.dispose(xs);
      if (states) {
        tf.dispose(states);
      }
      if (mask) {
        tf.dispose(mask);
      }
    }
    layer.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  /**
   * The kerasGru cases: Keras's formula with weights from the seed (weights shaped as Keras's),
   * or, with `useLayer` (a library whose gru supports resetAfter), the layer itself.
   */
  function runKerasGru(tf, c, enc, xs, before, useLayer) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const u = c.args.units;
    const inDim = xs[0].shape[2];
    const shapes = [[inDim, 3 * u], [u, 3 * u], [2, 3 * u]];
    const ws = shapes.map((s, i) => tf.tensor(rand(size(s), c.weightSeed + i, -0.5, 0.5), s));
    let y;
    let layer = null;
    if (useLayer) {
      layer = tf.layers.gru(c.args);
      tf.dispose(layer.apply(xs[0]));
      layer.setWeights(ws);
      y = layer.apply(xs[0]);
    } else {
      y = kerasGru(tf, c.args, xs[0], ws);
    }
    const out = {
      className: 'GRU',
      weights: shapes.map((s, i) => ({name: ['kernel', 'recurrent_kernel', 'bias'][i], shape: s, trainable: true})),
      outputs: [{shape: y.shape, dtype: y.dtype, data: values(y)}],
    };
    tf.dispose([y, ws, xs]);
    if (layer) {
      out.weights = describeWeights(layer.weights).map((w) => Object.assign(w, {name: w.name.replace(/.*\//, '')}));
      layer.dispose();
    }
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  function runModelCase(tf, c, enc, xs, before) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const model = tf.sequential({layers: c.model.map((s) => makeArgs(tf, s))});
    const weights = model.getWeights();
    const newWeights = weights.map((w, i) => tf.tensor(rand(size(w.shape), (c.weightSeed || 0) + i, -0.5, 0.5), w.shape));
    model.setWeights(newWeights);
    tf.dispose(newWeights);
    const out = {
      className: model.getClassName(),
      weights: describeWeights(model.weights),
      layers: model.layers.map((l) => l.getClassName()),
      outputShape: model.outputs[0].shape,
    };
    const y = model.predict(xs.length === 1 ? xs[0] : xs);
    const ys = Array.isArray(y) ? y : [y];
    out.outputs = ys.map((t) => ({shape: t.shape, dtype: t.dtype, data: values(t)}));
    tf.dispose(ys);
    tf.dispose(xs);
    model.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  /**
   * A functional model whose recurrent layer takes its initial states from model inputs
   * (symbolic initialState): inputs [x, states...], outputs the layer's.
   */
  function runFunctionalCase(tf, c, enc, xs, before) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const x = tf.input({shape: c.inputs[0].shape.slice(1)});
    const states = c.stateShapes.map((s) => tf.input({shape: s}));
    const layer = makeArgs(tf, c.functional);
    const y = layer.apply(x, {initialState: states});
    const model = tf.model({inputs: [x].concat(states), outputs: y});
    const newWeights = model.getWeights().map((w, i) => tf.tensor(rand(size(w.shape), c.weightSeed + i, -0.5, 0.5),
      w.shape));
    model.setWeights(newWeights);
    tf.dispose(newWeights);
    const out = {
      className: model.getClassName(),
      weights: describeWeights(model.weights),
      layers: model.layers.map((l) => l.getClassName()),
      outputShape: model.outputs.map((o) => o.shape),
    };
    const p = model.predict(xs);
    const ps = Array.isArray(p) ? p : [p];
    out.outputs = ps.map((t) => ({shape: t.shape, dtype: t.dtype, data: values(t)}));
    tf.dispose(ps);
    tf.dispose(xs);
    model.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  /**
   * How many tensors one forward call makes (after a first call built the layer): TF.js's tensor
   * ids are consecutive, so the id of a probe tensor made after the call minus the one before.
   * A Samovar RNN step should make no more tensors than a TF.js step.
   */
  const ALLOCATION_CASES = [
    {name: 'simpleRNN', factory: 'simpleRNN', args: {units: 3}, input: [2, 4, 3], matMuls: 8},
    {name: 'lstm', factory: 'lstm', args: {units: 3}, input: [2, 4, 3], matMuls: 8},
    {name: 'lstm 8 steps', factory: 'lstm', args: {units: 3}, input: [2, 8, 3], matMuls: 16},
    {name: 'lstm returnSequences', factory: 'lstm', args: {units: 3, returnSequences: true}, input: [2, 4, 3],
      matMuls: 8},
    {name: 'lstm mask', factory: 'lstm', args: {units: 3}, input: [2, 4, 3], mask: [2, 4], matMuls: 8},
    {name: 'gru', factory: 'gru', args: {units: 3}, input: [2, 4, 3], matMuls: 12},
    {name: 'bidirectional lstm', factory: 'bidirectional', args: {layer: L('lstm', {units: 3})}, input: [2, 4, 3],
      matMuls: 16},
    {name: 'timeDistributed dense', factory: 'timeDistributed', args: {layer: L('dense', {units: 3})},
      input: [2, 4, 3], matMuls: 4},
  ];

  function measureAllocations(tf) {
    const probe = () => {
      const t = tf.scalar(0);
      const id = t.id;
      t.dispose();
      return id;
    };
    const out = {};
    // the tensors of one tf.fused.matMul (matMuls: how many a case runs), to tell an op's own
    // tensors from the layer's
    const a = tf.ones([2, 3]);
    const k = tf.variable(tf.ones([3, 3]));
    const p0 = probe();
    tf.dispose(tf.fused.matMul({a, b: k}));
    out['fused matMul'] = probe() - p0 - 1;
    tf.dispose([a, k]);
    ALLOCATION_CASES.forEach((c) => {
      const layer = tf.layers[c.factory](makeArgs(tf, c.args));
      const x = tf.ones(c.input);
      const mask = c.mask ? tf.ones(c.mask) : null;
      const kw = mask ? {mask} : undefined;
      tf.dispose(layer.apply(x, kw));
      const a = probe();
      const y = layer.apply(x, kw);
      const b = probe();
      out[c.name] = b - a - 1;
      tf.dispose([x, y]);
      if (mask) {
        mask.dispose();
      }
      layer.dispose();
    });
    return out;
  }

  const api = {CASES, ALLOCATION_CASES, measureAllocations, runRecurrentCase, makeArgs, specValues, rand};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.recurrentCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
