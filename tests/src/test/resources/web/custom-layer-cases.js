// Custom layers (JavaScript subclasses of tf.layers.Layer registered with tf.serialization) and the
// layers API classes (tf.RNN, tf.layers.RNNCell, tf.InputSpec, tf.History, tf.CallbackList,
// tf.registerCallbackConstructor, tf.layers.input, tf.version_layers), shared by
// tests/fixtures/gen-custom-layer-fixtures.mjs (TF.js 4.22 in Node) and the page
// (custom-layer-runner.html in Chromium, dev.samovar.tests.browser.BrowserCustomLayersTest).
// Uses `class`: it is not loaded by HtmlUnit.
(function(root) {
  function defineClasses(tf) {
    class Scale extends tf.layers.Layer {
      constructor(config) {
        super(config);
        this.alpha = config.alpha;
      }

      build(inputShape) {
        this.kernel = this.addWeight('kernel', [inputShape[inputShape.length - 1]], 'float32',
            tf.initializers.constant({value: 0.5}));
      }

      computeOutputShape(inputShape) {
        return inputShape;
      }

      call(inputs) {
        return tf.tidy(() => {
          const x = Array.isArray(inputs) ? inputs[0] : inputs;
          return tf.mul(tf.mul(x, this.kernel.read()), this.alpha);
        });
      }

      getConfig() {
        const config = super.getConfig();
        Object.assign(config, {alpha: this.alpha});
        return config;
      }

      static get className() {
        return 'Scale';
      }
    }

    class AddPair extends tf.layers.Layer {
      computeOutputShape(shapes) {
        return shapes[0];
      }

      call(inputs) {
        return tf.add(inputs[0], inputs[1]);
      }

      static get className() {
        return 'AddPair';
      }
    }
    tf.serialization.registerClass(Scale);
    tf.serialization.registerClass(AddPair, 'Mine');
    return {Scale, AddPair};
  }

  function values(t) {
    return Array.from(t.dataSync());
  }

  /** Builds, runs, trains, serializes and reloads a functional model with two custom layers. */
  function runCustomLayers(tf) {
    const before = tf.memory().numTensors;
    const {Scale, AddPair} = defineClasses(tf);
    const out = {};
    const inp = tf.input({shape: [3]});
    const dense = tf.layers.dense({units: 3, kernelInitializer: 'ones', biasInitializer: 'zeros', name: 'd'});
    const d = dense.apply(inp);
    const scale = new Scale({alpha: 2, name: 'scale'});
    const s = scale.apply(d);
    const y = new AddPair({name: 'pair'}).apply([s, d]);
    const model = tf.model({inputs: inp, outputs: y});
    out.outputShape = y.shape;
    out.classNames = model.layers.map((l) => l.getClassName());
    out.names = model.layers.map((l) => l.name);
    out.weights = model.weights.map((w) => ({name: w.name, shape: w.shape}));
    out.scaleConfig = scale.getConfig();
    out.sourceIsScale = s.sourceLayer instanceof Scale && s.sourceLayer === scale;
    out.registeredNames = [tf.serialization.getRegisteredName(Scale), tf.serialization.getRegisteredName(AddPair)];
    out.kernelShape = scale.kernel.shape;
    out.topology = model.toJSON(null, false);
    const x = tf.tensor2d([[1, 2, 3], [-1, 0.5, 2]]);
    const yTrue = tf.tensor2d([[1, 0, -1], [0.5, 0.5, 0.5]]);
    const p = model.predict(x);
    out.predict = values(p);
    p.dispose();
    const direct = scale.apply(tf.ones([1, 3]));
    out.direct = values(direct);
    direct.dispose();
    model.compile({optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError'});
    return model.fit(x, yTrue, {epochs: 3, batchSize: 2, shuffle: false}).then((h) => {
      out.loss = h.history.loss;
      out.trained = model.getWeights().map(values);
      return tf.models.modelFromJSON(model.toJSON(null, false));
    }).then((m2) => {
      out.reloadedClassNames = m2.layers.map((l) => l.getClassName());
      out.reloadedIsScale = m2.layers[2] instanceof Scale;
      out.reloadedConfig = m2.layers[2].getConfig();
      m2.setWeights(model.getWeights());
      const p2 = m2.predict(x);
      out.reloadedPredict = values(p2);
      p2.dispose();
      m2.dispose();
      model.dispose();
      tf.dispose([x, yTrue]);
      out.tensorsLeft = tf.memory().numTensors - before;
      return out;
    });
  }

  /** The classes tf exports for layers and training. */
  function runApiClasses(tf) {
    const out = {};
    const lstm = tf.layers.lstm({units: 2});
    out.lstmIsRNN = lstm instanceof tf.RNN;
    out.lstmIsLayer = lstm instanceof tf.layers.Layer;
    out.convLstmIsRNN = tf.layers.convLstm2d({filters: 1, kernelSize: 1}) instanceof tf.RNN;
    out.denseIsRNN = tf.layers.dense({units: 1}) instanceof tf.RNN;
    out.bidirectionalIsRNN = tf.layers.bidirectional({layer: tf.layers.lstm({units: 1})}) instanceof tf.RNN;
    out.cellIsRNNCell = tf.layers.lstmCell({units: 2}) instanceof tf.layers.RNNCell;
    out.lstmIsRNNCell = lstm instanceof tf.layers.RNNCell;
    out.sameRNN = tf.layers.RNN === tf.RNN;
    const rnn = new tf.RNN({cell: tf.layers.simpleRNNCell({units: 2})});
    out.newRNN = [rnn.getClassName(), rnn instanceof tf.RNN];
    out.inputAlias = tf.layers.input === tf.input;
    out.versionLayers = tf.version_layers;
    out.inputSpec = JSON.parse(JSON.stringify(new tf.InputSpec({shape: [null, 3], dtype: 'float32'})));
    out.inputSpecNdim = JSON.parse(JSON.stringify(new tf.InputSpec({ndim: 4, axes: {3: 2}})));
    out.inputSpecClass = new tf.InputSpec({}) instanceof tf.InputSpec;
    const history = new tf.History();
    out.historyIsCallback = history instanceof tf.Callback;
    const list = new tf.CallbackList([history]);
    let failure = null;
    try {
      tf.registerCallbackConstructor(-1, tf.Callback);
    } catch (e) {
      failure = e.message;
    }
    out.badVerbosity = failure;
    const epochs = [];
    class Counter extends tf.Callback {
      onEpochEnd(epoch) {
        epochs.push(epoch);
      }
    }
    tf.registerCallbackConstructor(1, Counter);
    try {
      tf.registerCallbackConstructor(2, Counter);
    } catch (e) {
      out.duplicate = e.message;
    }
    return list.onTrainBegin().then(() => list.onEpochEnd(0, {loss: 1}))
        .then(() => list.onEpochEnd(1, {loss: 0.5, acc: 0.75})).then(() => {
          out.history = {epoch: history.epoch, history: history.history};
          const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [1]})]});
          model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
          const xs = tf.ones([4, 1]);
          return model.fit(xs, xs, {epochs: 2}).then((h) => {
            out.registeredCallbackEpochs = epochs.slice();
            out.fitHistoryIsHistory = h instanceof tf.History;
            return model.fit(xs, xs, {epochs: 1, verbose: 0});
          }).then(() => {
            out.registeredCallbackEpochsAfterVerbose0 = epochs.slice();
            xs.dispose();
            model.dispose();
            return out;
          });
        });
  }

  /**
   * Masks through merge layers: masked embeddings (maskZero) concatenated / added / multiplied, then
   * an LSTM (which consumes the merged mask) or a Dense layer; TF.js's Merge.computeMask gives the
   * masks a leading axis, so an LSTM after add() fails in TF.js, and the same error is expected.
   */
  function runMaskedMerges(tf) {
    const before = tf.memory().numTensors;
    const out = {};
    const ids = tf.tensor2d([[1, 2, 0, 0], [3, 1, 2, 0]], [2, 4], 'int32');
    const setWeights = (model) => {
      const ws = model.getWeights().map((w, k) => tf.tensor(Array.from({length: w.size},
          (_, i) => Math.fround(((i * 7 + k * 3) % 11) / 11 - 0.5)), w.shape));
      model.setWeights(ws);
      tf.dispose(ws);
    };
    ['concatenate lstm', 'concatenate axis 1 dense', 'add lstm', 'add dense', 'add one masked lstm',
      'multiply three dense', 'average dense'].forEach((mode) => {
      try {
        const inp = tf.input({shape: [4], dtype: 'int32'});
        const concat = mode.startsWith('concatenate');
        const e1 = tf.layers.embedding({inputDim: 4, outputDim: 3, maskZero: true}).apply(inp);
        const e2 = tf.layers.embedding({inputDim: 4, outputDim: concat && mode.indexOf('axis') < 0 ? 2 : 3,
          maskZero: !concat && mode.indexOf('one masked') < 0}).apply(inp);
        let m;
        if (mode === 'concatenate lstm') {
          m = tf.layers.concatenate().apply([e1, e2]);
        } else if (mode === 'concatenate axis 1 dense') {
          m = tf.layers.concatenate({axis: 1}).apply([e1, e2]);
        } else if (mode.startsWith('multiply')) {
          const e3 = tf.layers.embedding({inputDim: 4, outputDim: 3, maskZero: true}).apply(inp);
          m = tf.layers.multiply().apply([e1, e2, e3]);
        } else if (mode.startsWith('average')) {
          m = tf.layers.average().apply([e1, e2]);
        } else {
          m = tf.layers.add().apply([e1, e2]);
        }
        const y = mode.endsWith('lstm') ? tf.layers.lstm({units: 2}).apply(m) : tf.layers.dense({units: 2}).apply(m);
        const model = tf.model({inputs: inp, outputs: y});
        setWeights(model);
        try {
          const p = model.predict(ids);
          out[mode] = {shape: p.shape, data: values(p)};
          p.dispose();
        } finally {
          model.dispose();
        }
      } catch (e) {
        out[mode] = {error: e.message};
      }
    });
    ids.dispose();
    out.tensorsLeft = tf.memory().numTensors - before;
    return out;
  }

  /** Inputs and targets given as objects by input / output name (fit, evaluate, trainOnBatch; predict refuses). */
  function runDictInputs(tf) {
    const before = tf.memory().numTensors;
    const out = {};
    const a = tf.input({shape: [2], name: 'a'});
    const b = tf.input({shape: [3], name: 'b'});
    const y = tf.layers.dense({units: 1, kernelInitializer: 'ones', name: 'out'})
        .apply(tf.layers.concatenate().apply([a, b]));
    const m = tf.model({inputs: [a, b], outputs: y});
    const xa = tf.tensor2d([[1, 2], [0.5, -1], [2, 0], [1, 1]]);
    const xb = tf.tensor2d([[1, 0, 2], [0, 1, 1], [-1, 2, 0], [0.5, 0.5, 0.5]]);
    const target = tf.tensor2d([[1], [2], [0], [1]]);
    const attempt = (key, f) => {
      try {
        const r = f();
        out[key] = values(r);
        r.dispose();
      } catch (e) {
        out[key] = {error: e.message};
      }
    };
    attempt('predict', () => m.predict({a: xa, b: xb}));
    attempt('predictOnBatch', () => m.predictOnBatch({a: xa, b: xb}));
    m.compile({optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError'});
    return m.fit({b: xb, a: xa}, {out: target}, {epochs: 2, batchSize: 2, shuffle: false}).then((h) => {
      out.fitLoss = h.history.loss;
      attempt('evaluate', () => m.evaluate({a: xa, b: xb}, {out: target}));
      return m.fit({a: xa}, target).catch((e) => {
        out.fitMissing = e.message;
      });
    }).then(() => m.trainOnBatch({a: xa, b: xb}, target)).then((v) => {
      out.trainOnBatch = v;
      out.weights = m.getWeights().map(values);
      tf.dispose([xa, xb, target]);
      m.dispose();
      out.tensorsLeft = tf.memory().numTensors - before;
      return out;
    });
  }

  const api = {runCustomLayers, runApiClasses, runMaskedMerges, runDictInputs};
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.customLayerCases = api;
  }
})(typeof window !== 'undefined' ? window : this);
