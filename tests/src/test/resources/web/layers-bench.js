// Layers benchmarks on Samovar's cpu backend and TF.js 4.22's cpu backend in this one page (the
// libraries alternate run by run, so a shared machine's load falls on both alike):
// MobileNetV2 (the nsfwjs layers model, uint8-quantized) predict latency, first and warm; MLP fit
// throughput; loadLayersModel time of a ~5 MB model. Driven by
// dev.samovar.tests.bench.LayersBenchmark (bin/samovar bench).
(function() {
  const sv = window.samovar;
  const tfjs = window.tf;

  function rand(n, seed, lo, hi) {
    const out = new Float32Array(n);
    let s = seed >>> 0;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = lo + (hi - lo) * (s / 4294967296);
    }
    return out;
  }

  function median(xs) {
    const s = xs.slice().sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function artifactsFrom(url) {
    const json = await (await fetch(url)).json();
    const base = url.substring(0, url.lastIndexOf('/') + 1);
    const specs = [];
    const paths = [];
    json.weightsManifest.forEach((g) => {
      g.weights.forEach((w) => specs.push(w));
      g.paths.forEach((p) => paths.push(p));
    });
    const buffers = await Promise.all(paths.map(async (p) => (await fetch(base + p)).arrayBuffer()));
    let total = 0;
    buffers.forEach((b) => {
      total += b.byteLength;
    });
    const all = new Uint8Array(total);
    let at = 0;
    buffers.forEach((b) => {
      all.set(new Uint8Array(b), at);
      at += b.byteLength;
    });
    return {modelTopology: json.modelTopology, weightSpecs: specs, weightData: all.buffer};
  }

  const handler = (a) => ({load: async () => a});

  /**
   * Loads the model in both libraries, times each one's first predict, then the warm predicts
   * alternating the libraries (a shared machine slows both alike).
   */
  async function mobilenets(artifacts, warmRuns) {
    const out = {};
    const libs = {tfjs, samovar: sv};
    const st = {};
    for (const k of ['tfjs', 'samovar']) {
      const L = libs[k];
      const model = await L.loadLayersModel(handler(artifacts));
      const x = L.tensor(rand(224 * 224 * 3, 5, 0, 1), [1, 224, 224, 3]);
      const t0 = performance.now();
      const y = model.predict(x);
      y.dataSync();
      st[k] = {L, model, x, first: performance.now() - t0, out: Array.from(y.dataSync()), times: []};
      y.dispose();
      await sleep(0);
    }
    for (let i = 0; i < warmRuns; i++) {
      for (const k of ['tfjs', 'samovar']) {
        const s = st[k];
        const t0 = performance.now();
        const y = s.model.predict(s.x);
        y.dataSync();
        s.times.push(performance.now() - t0);
        y.dispose();
        await sleep(0);
      }
    }
    for (const k of ['tfjs', 'samovar']) {
      const s = st[k];
      s.x.dispose();
      s.model.dispose();
      out[k] = {first: s.first, warm: median(s.times), runs: s.times.length, out: s.out};
    }
    return out;
  }

  function mlp(L) {
    const model = L.sequential({layers: [L.layers.dense({units: 128, activation: 'relu', inputShape: [784]}),
      L.layers.dense({units: 10, activation: 'softmax'})]});
    const w = model.getWeights().map((t, i) => L.tensor(rand(t.size, 10 + i, -0.05, 0.05), t.shape));
    model.setWeights(w);
    L.dispose(w);
    model.compile({optimizer: L.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['acc']});
    return model;
  }

  async function fitSetup(L) {
    const model = mlp(L);
    const n = 640;
    const x = L.tensor(rand(n * 784, 1, 0, 1), [n, 784]);
    const labels = rand(n, 2, 0, 10);
    const oh = new Float32Array(n * 10);
    for (let i = 0; i < n; i++) {
      oh[i * 10 + Math.min(9, Math.floor(labels[i]))] = 1;
    }
    const y = L.tensor(oh, [n, 10]);
    await model.fit(x, y, {epochs: 1, batchSize: 64, shuffle: false});
    return {L, model, x, y, n, times: [], lastLoss: null};
  }

  /** One-epoch fits, alternating the libraries epoch by epoch. */
  async function fitThroughputs(epochsToTime) {
    const st = {tfjs: await fitSetup(tfjs), samovar: await fitSetup(sv)};
    for (let e = 0; e < epochsToTime; e++) {
      for (const k of ['tfjs', 'samovar']) {
        const s = st[k];
        const t0 = performance.now();
        const h = await s.model.fit(s.x, s.y, {epochs: 1, batchSize: 64, shuffle: false});
        s.times.push(performance.now() - t0);
        s.lastLoss = h.history.loss[0];
      }
    }
    const out = {};
    for (const k of ['tfjs', 'samovar']) {
      const s = st[k];
      s.L.dispose([s.x, s.y]);
      s.model.dispose();
      out[k] = {samplesPerSec: s.n / (median(s.times) / 1000), epochMs: median(s.times), runs: s.times.length,
        lastLoss: s.lastLoss};
    }
    return out;
  }

  async function bigArtifacts() {
    // A ~5 MB float32 layers model (784-1600-10 MLP, 1.27 M weights) saved by TF.js itself.
    const model = tfjs.sequential({layers: [tfjs.layers.dense({units: 1600, activation: 'relu', inputShape: [784]}),
      tfjs.layers.dense({units: 10})]});
    let saved;
    await model.save(tfjs.io.withSaveHandler(async (a) => {
      saved = a;
      return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
    }));
    model.dispose();
    return saved;
  }

  /** loadLayersModel times, alternating the libraries run by run. */
  async function loadTimes(artifacts, runs) {
    const times = {tfjs: [], samovar: []};
    const libs = {tfjs, samovar: sv};
    for (let i = 0; i < runs; i++) {
      for (const k of ['tfjs', 'samovar']) {
        const t0 = performance.now();
        const m = await libs[k].loadLayersModel(handler(artifacts));
        times[k].push(performance.now() - t0);
        m.dispose();
        await sleep(0);
      }
    }
    return {tfjs: median(times.tfjs), samovar: median(times.samovar)};
  }

  window.runLayersBenchmarks = async function(opts) {
    opts = opts || {};
    // Both on their cpu backends (samovar.js picks webgl by default where WebGL2 exists).
    await tfjs.setBackend('cpu');
    await tfjs.ready();
    await sv.setBackend('cpu');
    if (sv.getBackend() !== 'cpu') {
      throw new Error(`samovar runs on ${sv.getBackend()}, not cpu`);
    }
    const results = [];
    const log = (e) => {
      results.push(e);
      document.getElementById('log').textContent += JSON.stringify(e) + '\n';
    };
    try {
      const a = await artifactsFrom(opts.mobilenetUrl || '/models/npm/nsfwjs/mobilenet_v2/model.json');
      const both = await mobilenets(a, opts.warmRuns || 7);
      const t = both.tfjs;
      const s = both.samovar;
      let diff = 0;
      s.out.forEach((v, i) => {
        diff = Math.max(diff, Math.abs(v - t.out[i]));
      });
      log({name: 'MobileNetV2 (nsfwjs, uint8) predict 1×224×224×3, first call', samovar: s.first, tfjs: t.first,
        runs: 1, maxDiff: diff});
      log({name: 'MobileNetV2 (nsfwjs, uint8) predict 1×224×224×3, warm', samovar: s.warm, tfjs: t.warm,
        runs: s.runs, maxDiff: diff});
    } catch (e) {
      log({name: 'MobileNetV2 predict', error: String(e && e.stack || e)});
    }
    try {
      const both = await fitThroughputs(opts.fitEpochs || 7);
      const t = both.tfjs;
      const s = both.samovar;
      log({name: 'MLP 784-128-10 fit, batch 64, adam (ms per 640-sample epoch)', samovar: s.epochMs, tfjs: t.epochMs,
        runs: s.runs, samovarSamplesPerSec: s.samplesPerSec, tfjsSamplesPerSec: t.samplesPerSec,
        maxDiff: Math.abs(s.lastLoss - t.lastLoss)});
    } catch (e) {
      log({name: 'MLP fit', error: String(e && e.stack || e)});
    }
    try {
      const big = await bigArtifacts();
      const both = await loadTimes(big, opts.loadRuns || 9);
      log({name: `loadLayersModel of a ${(big.weightData.byteLength / 1048576).toFixed(1)} MB model (784-1600-10, ` +
        'float32, from memory)', samovar: both.samovar, tfjs: both.tfjs, runs: opts.loadRuns || 9, maxDiff: 0});
    } catch (e) {
      log({name: 'loadLayersModel', error: String(e && e.stack || e)});
    }
    return JSON.stringify({env: {userAgent: navigator.userAgent, samovar: sv.version.samovar, tfjs: tfjs.version.tfjs},
      results});
  };
})();
