// The layer suites in the page (samovar.js): the TF.js 4.22 layer cases and fit runs (same
// functions as the fixture generators), the real layers models of the corpus through an IOHandler,
// and a leak test over many fit batches. Each entry point returns a Promise of a JSON string.
(function() {
  const tf = window.samovar;
  const enc = (x) => {
    if (Object.is(x, -0)) {
      return '-0';
    }
    if (typeof x === 'number' && !Number.isFinite(x)) {
      return Number.isNaN(x) ? 'NaN' : (x > 0 ? 'Infinity' : '-Infinity');
    }
    return x;
  };

  window.runLayerFixture = function() {
    return Promise.resolve().then(() => JSON.stringify({
      results: window.layerCases.CASES.map((c) => window.layerCases.runLayerCaseSafe(tf, c, enc)),
    }));
  };

  window.runFitFixture = function() {
    const out = [];
    return window.fitCases.CASES.reduce((p, c) => p.then(() => window.fitCases.runFitCase(tf, c, enc)
        .then((r) => out.push(r), (e) => out.push({error: String(e && e.stack || e)}))), Promise.resolve())
        .then(() => JSON.stringify({results: out}));
  };

  /** Loads a model from artifacts (weights as base64, cut into shards where shardCuts says) and predicts on seeded inputs. */
  window.runArtifactsModel = function(artifactsJson, inputsJson) {
    const a = JSON.parse(artifactsJson);
    const bin = atob(a.weightData);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    let weightData = bytes.buffer;
    if (a.shardCuts) {
      // Several shards (ArrayBuffers) cut at these byte offsets, as a model's shards arrive.
      const bounds = [0].concat(a.shardCuts, [bytes.byteLength]);
      weightData = bounds.slice(1).map((end, i) => bytes.buffer.slice(bounds[i], end));
    }
    return runModel({load: () => Promise.resolve({modelTopology: a.modelTopology, weightSpecs: a.weightSpecs,
      weightData})}, JSON.parse(inputsJson));
  };

  function runModel(handler, inputs) {
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    return tf.loadLayersModel(handler).then((model) => {
      const loadMs = performance.now() - t0;
      const xs = inputs.map((i) => tf.tensor(window.layerCases.rand(i[0].reduce((a, b) => a * b, 1), i[1], i[2],
          i[3]), i[0]));
      const t1 = performance.now();
      const y = model.predict(xs.length === 1 ? xs[0] : xs);
      const ys = Array.isArray(y) ? y : [y];
      const outputs = ys.map((t) => ({shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync(), enc)}));
      const predictMs = performance.now() - t1;
      const summary = [];
      model.summary(undefined, undefined, (l) => summary.push(l));
      const result = {layers: model.layers.length, countParams: model.countParams(),
        trainableWeights: model.trainableWeights.length, summary,
        weights: model.weights.map((w) => w.originalName), toJSON: model.toJSON(), outputs, loadMs, predictMs};
      tf.dispose(ys);
      tf.dispose(xs);
      model.dispose();
      result.tensorsLeft = tf.memory().numTensors - before;
      return JSON.stringify(result);
    });
  }

  /** The same model through tf.loadLayersModel(url) (tf.io's http handler): its outputs. */
  window.runCorpusModelByUrl = function(url, inputsJson) {
    const inputs = JSON.parse(inputsJson);
    return tf.loadLayersModel(url).then((model) => {
      const xs = inputs.map((i) => tf.tensor(window.layerCases.rand(i[0].reduce((a, b) => a * b, 1), i[1], i[2],
          i[3]), i[0]));
      const y = model.predict(xs.length === 1 ? xs[0] : xs);
      const ys = Array.isArray(y) ? y : [y];
      const outputs = ys.map((t) => ({shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync(), enc)}));
      tf.dispose(ys);
      tf.dispose(xs);
      model.dispose();
      return JSON.stringify({outputs});
    });
  };

  /** Loads a layers model (model.json URL) through a plain IOHandler and predicts on seeded inputs. */
  window.runCorpusModel = function(url, inputsJson) {
    const inputs = JSON.parse(inputsJson);
    const base = url.substring(0, url.lastIndexOf('/') + 1);
    const before = tf.memory().numTensors;
    return fetch(url).then((r) => r.json()).then((json) => {
      const specs = [];
      const paths = [];
      json.weightsManifest.forEach((g) => {
        g.weights.forEach((w) => specs.push(w));
        g.paths.forEach((p) => paths.push(p));
      });
      return Promise.all(paths.map((p) => fetch(base + p).then((r) => r.arrayBuffer()))).then((buffers) => {
        const handler = {load: () => Promise.resolve({modelTopology: json.modelTopology, weightSpecs: specs,
          weightData: buffers})};
        const t0 = performance.now();
        return tf.loadLayersModel(handler).then((model) => {
          const loadMs = performance.now() - t0;
          const xs = inputs.map((i) => tf.tensor(window.layerCases.rand(i[0].reduce((a, b) => a * b, 1), i[1], i[2],
              i[3]), i[0]));
          const t1 = performance.now();
          const y = model.predict(xs.length === 1 ? xs[0] : xs);
          const ys = Array.isArray(y) ? y : [y];
          const outputs = ys.map((t) => ({shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync(), enc)}));
          const predictMs = performance.now() - t1;
          const result = {layers: model.layers.length, countParams: model.countParams(),
            weights: model.weights.map((w) => w.originalName), toJSON: model.toJSON(), outputs, loadMs, predictMs};
          tf.dispose(ys);
          tf.dispose(xs);
          model.dispose();
          result.tensorsLeft = tf.memory().numTensors - before;
          return JSON.stringify(result);
        });
      });
    });
  };

  /** fit over `batches` batches of one sample; tensor counts after the first epoch and at the end. */
  window.runFitLeak = function(batches) {
    const model = tf.sequential({layers: [tf.layers.dense({units: 8, activation: 'relu', inputShape: [4]}),
      tf.layers.dense({units: 2, activation: 'softmax'})]});
    model.compile({optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['acc']});
    const n = 100;
    const x = tf.randomNormal([n, 4]);
    const y = tf.tidy(() => tf.oneHot(tf.cast(tf.greater(tf.sum(x, 1), 0), 'int32'), 2).toFloat());
    const counts = [];
    const start = tf.memory().numTensors;
    return model.fit(x, y, {epochs: Math.ceil(batches / n), batchSize: 1, callbacks: {
      onEpochEnd: () => {
        counts.push(tf.memory().numTensors);
      },
    }}).then((h) => {
      const end = tf.memory().numTensors;
      tf.dispose([x, y]);
      model.dispose();
      return JSON.stringify({start, end, counts, epochs: h.epoch.length, lastLoss: h.history.loss[h.history.loss.length - 1]});
    });
  };
})();
