// Side-by-side benchmarks: the same workloads on Samovar's cpu backend and TF.js 4.22's cpu
// backend, in this one page. Each workload alternates the two libraries run by run and reports
// medians. Driven by dev.samovar.tests.bench.CpuBenchmark (bin/samovar bench).
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

  /** Workloads: inputs (shapes), and the op to time given a library and its input tensors. */
  const WORKLOADS = [
    {name: 'matMul 128x128', inputs: [[128, 128], [128, 128]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'matMul 256x256', inputs: [[256, 256], [256, 256]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'matMul 512x512', inputs: [[512, 512], [512, 512]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'matMul 1024x1024', inputs: [[1024, 1024], [1024, 1024]], run: (L, a, b) => L.matMul(a, b)},
    {name: 'conv2d [1,224,224,3]x[3,3,3,32] stride 2 same', inputs: [[1, 224, 224, 3], [3, 3, 3, 32]],
      run: (L, x, w) => L.conv2d(x, w, 2, 'same')},
    {name: 'conv2d [1,56,56,128]x[3,3,128,128] same', inputs: [[1, 56, 56, 128], [3, 3, 128, 128]],
      run: (L, x, w) => L.conv2d(x, w, 1, 'same')},
    {name: 'depthwiseConv2d [1,112,112,32] 3x3 same', inputs: [[1, 112, 112, 32], [3, 3, 32, 1]],
      run: (L, x, w) => L.depthwiseConv2d(x, w, 1, 'same')},
    {name: 'add+relu 1M', inputs: [[1024, 1024], [1024, 1024]], run: (L, a, b) => L.tidy(() => L.relu(L.add(a, b)))},
    {name: 'sum 1M', inputs: [[1024, 1024]], run: (L, a) => L.sum(a)},
  ];

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
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
  }

  /** Runs every workload; resolves to JSON: {env, results: [{name, samovar, tfjs, runs}]}. */
  window.runBenchmarks = async function(opts) {
    opts = opts || {};
    const minRuns = opts.minRuns || 5;
    const maxRuns = opts.maxRuns || 30;
    const budgetMs = opts.budgetMs || 4000;
    await tfjs.setBackend('cpu');
    await sv.setBackend('cpu');
    await tfjs.ready();
    const results = [];
    for (const w of WORKLOADS) {
      const data = w.inputs.map((shape, i) => rand(size(shape), 17 + i));
      const svIn = w.inputs.map((shape, i) => sv.tensor(data[i], shape));
      const tfIn = w.inputs.map((shape, i) => tfjs.tensor(data[i], shape));
      const entry = {name: w.name, samovar: null, tfjs: null, runs: 0, error: null};
      try {
        // Warm up both until the JIT has settled (at least 5 runs and 500 ms each), then
        // alternate run by run.
        for (const [L, ins] of [[sv, svIn], [tfjs, tfIn]]) {
          const warmStart = performance.now();
          for (let i = 0; i < 5 || (i < 200 && performance.now() - warmStart < 500); i++) {
            timeOnce(L, w, ins);
          }
        }
        const ts = [];
        const tt = [];
        const start = performance.now();
        while (ts.length < maxRuns && (ts.length < minRuns || performance.now() - start < budgetMs)) {
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
      document.getElementById('log').textContent += JSON.stringify(entry) + '\n';
    }
    return JSON.stringify({
      env: {userAgent: navigator.userAgent, samovar: sv.version.samovar, tfjs: tfjs.version.tfjs,
        hardwareConcurrency: navigator.hardwareConcurrency},
      results,
    });
  };
})();
