// Side-by-side benchmarks of the webgl backends: Samovar's and TF.js 4.22's, in this one page (two
// WebGL2 contexts). For each workload: the first call (including shader compilation and upload;
// inputs made just before), then warm runs alternating the libraries, median of call + dataSync().
// Driven by dev.samovar.tests.bench.WebGLBenchmark (bin/samovar bench).
(function() {
  const sv = window.samovar;
  const tfjs = window.tf;

  function rand(n, seed) {
    const out = new Float32Array(n);
    let s = seed >>> 0;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = (s / 4294967296) * 2 - 1;
    }
    return out;
  }

  function size(shape) {
    return shape.reduce((a, b) => a * b, 1);
  }

  const WORKLOADS = [
    {name: 'matMul 256x256', inputs: [[256, 256], [256, 256]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'matMul 512x512', inputs: [[512, 512], [512, 512]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'matMul 1024x1024', inputs: [[1024, 1024], [1024, 1024]], maxRuns: 2, run: (L, a, b) => L.matMul(a, b)},
    {name: 'conv2d [1,56,56,64]x[3,3,64,64] same', inputs: [[1, 56, 56, 64], [3, 3, 64, 64]],
      run: (L, x, w) => L.conv2d(x, w, 1, 'same')},
    {name: 'conv2d [1,112,112,3]x[3,3,3,32] stride 2 same', inputs: [[1, 112, 112, 3], [3, 3, 3, 32]],
      run: (L, x, w) => L.conv2d(x, w, 2, 'same')},
    {name: 'depthwiseConv2d [1,112,112,32] 3x3 same', inputs: [[1, 112, 112, 32], [3, 3, 32, 1]],
      run: (L, x, w) => L.depthwiseConv2d(x, w, 1, 'same')},
    {name: 'fused matMul+bias+relu [64,784]x[784,128]', inputs: [[64, 784], [784, 128], [128]],
      run: (L, a, b, c) => L.fused.matMul({a, b, bias: c, activation: 'relu'})},
  ];

  // MLP 784-128-10, batch 64, adam, softmax cross entropy: one minimize() per run.
  function mlpSetUp(L) {
    const X = L.tensor(rand(64 * 784, 3), [64, 784]);
    const labels = L.oneHot(L.tensor1d(Array.from({length: 64}, (_, i) => i % 10), 'int32'), 10).toFloat();
    const W1 = L.variable(L.tensor(rand(784 * 128, 5).map((v) => v * 0.05), [784, 128]));
    const b1 = L.variable(L.zeros([128]));
    const W2 = L.variable(L.tensor(rand(128 * 10, 7).map((v) => v * 0.1), [128, 10]));
    const b2 = L.variable(L.zeros([10]));
    const opt = L.train.adam(0.001);
    const loss = () => L.losses.softmaxCrossEntropy(labels,
        L.add(L.matMul(L.relu(L.add(L.matMul(X, W1), b1)), W2), b2));
    return {
      step: () => {
        const c = opt.minimize(loss, true);
        const v = c.dataSync()[0];
        c.dispose();
        return v;
      },
      dispose: () => {
        [X, labels, W1, b1, W2, b2].forEach((t) => t.dispose());
        opt.dispose();
      },
    };
  }

  function timeOnce(L, w, tensors) {
    const t0 = performance.now();
    const y = w.run.apply(null, [L].concat(tensors));
    y.dataSync();
    const t1 = performance.now();
    y.dispose();
    return t1 - t0;
  }

  function median(xs) {
    const s = xs.slice().sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
  }

  function log(entry) {
    document.getElementById('log').textContent += JSON.stringify(entry) + '\n';
  }

  async function setUp() {
    await tfjs.setBackend('webgl');
    await tfjs.ready();
    if (!(await sv.setBackend('webgl'))) {
      throw new Error('Samovar webgl backend not available');
    }
  }

  /** Number of workloads (then the training step, then MobileNetV2). */
  window.webglBenchCount = () => WORKLOADS.length + 2;

  // MobileNetV2 (the nsfwjs layers model from npm, uint8-quantized weights), predict on one
  // 224x224x3 input: first call (shader compilation included) and warm, both libraries on webgl.
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

  async function mobilenetEntry(opts) {
    const entry = {name: 'MobileNetV2 (nsfwjs layers model, uint8) predict 1x224x224x3', samovarFirst: null,
      tfjsFirst: null, samovar: null, tfjs: null, runs: 0, maxDiff: null, error: null};
    try {
      const artifacts = await artifactsFrom(opts.mobilenetUrl || '/models/npm/nsfwjs/mobilenet_v2/model.json');
      const handler = {load: async () => artifacts};
      const ms = await sv.loadLayersModel(handler);
      const mt = await tfjs.loadLayersModel(handler);
      const data = rand(224 * 224 * 3, 5).map((v) => (v + 1) / 2);
      const xs = sv.tensor(data, [1, 224, 224, 3]);
      const xt = tfjs.tensor(data, [1, 224, 224, 3]);
      const once = (L, m, x) => {
        const t0 = performance.now();
        const y = m.predict(x);
        const v = y.dataSync();
        const t = performance.now() - t0;
        y.dispose();
        return {t, v};
      };
      const a = once(sv, ms, xs);
      const b = once(tfjs, mt, xt);
      entry.samovarFirst = a.t;
      entry.tfjsFirst = b.t;
      let d = 0;
      for (let i = 0; i < a.v.length; i++) {
        d = Math.max(d, Math.abs(a.v[i] - b.v[i]));
      }
      entry.maxDiff = d;
      const ts = [];
      const tt = [];
      const start = performance.now();
      const maxRuns = opts.maxRuns || 8;
      while (ts.length < maxRuns && (ts.length < (opts.minRuns || 2) || performance.now() - start < (opts.budgetMs || 3000))) {
        ts.push(once(sv, ms, xs).t);
        tt.push(once(tfjs, mt, xt).t);
        await sleep(0);
      }
      entry.samovar = median(ts);
      entry.tfjs = median(tt);
      entry.runs = ts.length;
      xs.dispose();
      xt.dispose();
      ms.dispose();
      mt.dispose();
    } catch (e) {
      entry.error = String(e && e.message || e);
    }
    log(entry);
    return entry;
  }

  /** Runs workload i alone; resolves to its entry as JSON (one call each keeps under driver timeouts). */
  window.runWebGLWorkload = async function(i, opts) {
    await setUp();
    if (i === WORKLOADS.length + 1) {
      return JSON.stringify(await mobilenetEntry(opts || {}));
    }
    const r = await runSome([i], opts || {});
    return JSON.stringify(r[0]);
  };

  window.webglBenchEnv = function() {
    const gl = sv.webgl.getContext();
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    return JSON.stringify({userAgent: navigator.userAgent, samovar: sv.version.samovar, tfjs: tfjs.version.tfjs,
      renderer: dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
      hardwareConcurrency: navigator.hardwareConcurrency});
  };

  /** Every workload; resolves to JSON: {env, results: [{name, samovarFirst, tfjsFirst, samovar, tfjs, runs, maxDiff}]}. */
  window.runWebGLBenchmarks = async function(opts) {
    await setUp();
    const all = [];
    for (let i = 0; i < WORKLOADS.length + 1; i++) {
      all.push(i);
    }
    const results = await runSome(all, opts || {});
    results.push(await mobilenetEntry(opts || {}));
    return JSON.stringify({env: JSON.parse(window.webglBenchEnv()), results});
  };

  async function runSome(which, opts) {
    const minRuns = opts.minRuns || 2;
    const maxRuns0 = opts.maxRuns || 8;
    const budgetMs = opts.budgetMs || 3000;
    const results = [];
    for (const w of WORKLOADS.filter((_, k) => which.indexOf(k) >= 0)) {
      const maxRuns = Math.min(maxRuns0, w.maxRuns || maxRuns0);
      const entry = {name: w.name, samovarFirst: null, tfjsFirst: null, samovar: null, tfjs: null, runs: 0,
        maxDiff: null, error: null};
      const data = w.inputs.map((shape, i) => rand(size(shape), 17 + i));
      let svIn = [];
      let tfIn = [];
      try {
        svIn = w.inputs.map((shape, i) => sv.tensor(data[i], shape));
        tfIn = w.inputs.map((shape, i) => tfjs.tensor(data[i], shape));
        // First call: compiles the programs of this shape and uploads the inputs.
        entry.samovarFirst = timeOnce(sv, w, svIn);
        entry.tfjsFirst = timeOnce(tfjs, w, tfIn);
        const ys = w.run.apply(null, [sv].concat(svIn));
        const yt = w.run.apply(null, [tfjs].concat(tfIn));
        const a = ys.dataSync();
        const b = yt.dataSync();
        let d = 0;
        for (let i = 0; i < a.length; i++) {
          d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        entry.maxDiff = d;
        ys.dispose();
        yt.dispose();
        const ts = [];
        const tt = [];
        const start = performance.now();
        while (ts.length < maxRuns && (ts.length < Math.min(minRuns, maxRuns) || performance.now() - start < budgetMs)) {
          ts.push(timeOnce(sv, w, svIn));
          tt.push(timeOnce(tfjs, w, tfIn));
          await sleep(0);
        }
        entry.samovar = median(ts);
        entry.tfjs = median(tt);
        entry.runs = ts.length;
      } catch (e) {
        entry.error = String(e && e.message || e);
      }
      svIn.forEach((t) => t.dispose());
      tfIn.forEach((t) => t.dispose());
      results.push(entry);
      log(entry);
    }
    if (which.indexOf(WORKLOADS.length) < 0) {
      return results;
    }
    // Training step.
    const maxRuns = maxRuns0;
    const entry = {name: 'MLP 784-128-10 training step, batch 64, adam', samovarFirst: null, tfjsFirst: null,
      samovar: null, tfjs: null, runs: 0, maxDiff: null, error: null};
    let ms = null;
    let mt = null;
    try {
      ms = mlpSetUp(sv);
      mt = mlpSetUp(tfjs);
      let t0 = performance.now();
      const ls = ms.step();
      entry.samovarFirst = performance.now() - t0;
      t0 = performance.now();
      const lt = mt.step();
      entry.tfjsFirst = performance.now() - t0;
      entry.maxDiff = Math.abs(ls - lt);
      const ts = [];
      const tt = [];
      const start = performance.now();
      while (ts.length < maxRuns && (ts.length < Math.min(minRuns, maxRuns) || performance.now() - start < budgetMs)) {
        t0 = performance.now();
        ms.step();
        ts.push(performance.now() - t0);
        t0 = performance.now();
        mt.step();
        tt.push(performance.now() - t0);
        await sleep(0);
      }
      entry.samovar = median(ts);
      entry.tfjs = median(tt);
      entry.runs = ts.length;
    } catch (e) {
      entry.error = String(e && e.message || e);
    }
    if (ms) ms.dispose();
    if (mt) mt.dispose();
    results.push(entry);
    log(entry);
    return results;
  }
})();
